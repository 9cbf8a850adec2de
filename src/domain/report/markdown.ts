/**
 * The report as Markdown, for the office to paste into a git web editor, a chat or another
 * document; the same blocks as the .docx.
 */
import { reportBlocks } from './blocks.ts';
import type { ProgressReport } from './model.ts';

/** Characters that Markdown would read as markup at the start of a line or inside text. */
const escape = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/**
 * @example reportMarkdown(report).split('\n')[0] // '# 中共X镇委员会关于《……》整改进展情况的报告'
 */
export function reportMarkdown(report: ProgressReport): string {
  const out: string[] = [];
  for (const block of reportBlocks(report)) {
    switch (block.kind) {
      case 'title':
        out.push(`# ${escape(block.text)}`);
        break;
      case 'recipient':
      case 'paragraph':
        out.push(escape(block.text));
        break;
      case 'heading':
        out.push(`${block.level === 1 ? '##' : '###'} ${escape(block.text)}`);
        break;
      case 'item':
        out.push(`${'  '.repeat(block.depth)}**${escape(block.label)}${escape(block.title)}** ${escape(block.facts)}`);
        break;
      case 'signature':
        out.push(escape(block.issuer), escape(block.date));
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}
