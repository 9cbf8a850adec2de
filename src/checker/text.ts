/**
 * Reading a content or data file as text without ever failing with a stack trace: size caps,
 * encodings (the build reads Markdown, MDX and YAML as UTF-8 only, CSV in any encoding Excel
 * writes), and line endings an editor's tools may produce.
 */
import { decodeText, ENCODING_LABELS } from '../domain/csv.ts';
import type { ProjectFiles } from './files.ts';
import type { IssueList } from './issues.ts';

/** The largest entry (Markdown, MDX, YAML) and table (CSV) the checker reads; real ones are far smaller. */
export const MAX_ENTRY_BYTES = 1_000_000;
export const MAX_TABLE_BYTES = 5_000_000;

const megabytes = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;

/** The file's text, or `undefined` after reporting why it cannot be read. */
export function readText(files: ProjectFiles, file: string, issues: IssueList, kind: 'entry' | 'table'): string | undefined {
  const limit = kind === 'entry' ? MAX_ENTRY_BYTES : MAX_TABLE_BYTES;
  let size: number;
  let bytes: Uint8Array;
  try {
    size = files.size(file);
    if (size > limit) {
      issues.error(
        file,
        1,
        '文件',
        `文件太大（${megabytes(size)}），${kind === 'entry' ? '一篇内容' : '一张数据表'}最多 ${megabytes(limit)}：请拆成几个文件，或删去重复的行`,
      );
      return undefined;
    }
    bytes = files.bytes(file);
  } catch (error) {
    issues.error(file, 1, '文件', `无法读取这个文件（${(error as NodeJS.ErrnoException).code ?? String(error)}）：请检查文件权限`);
    return undefined;
  }
  const { text, encoding } = decodeText(bytes);
  if (kind === 'entry' && encoding !== 'utf-8') {
    issues.error(file, 1, '编码', `文件的编码是 ${ENCODING_LABELS[encoding]}，网站只能读 UTF-8：请用记事本打开，“另存为”时编码选 UTF-8`);
    return undefined;
  }
  if (kind === 'entry' && text.includes('\uFFFD')) {
    // The build refuses it too (src/markdown/remark-content-guard.ts): it is what a wrongly saved file turns into.
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    issues.error(file, line, '编码', '文件中有乱码字符“\uFFFD”，通常是别的编码的文件被当成 UTF-8 保存：请找到原文重新输入，或另存为 UTF-8');
    return undefined;
  }
  if (text.includes('\r') && !text.includes('\n')) {
    issues.error(file, 1, '换行', '文件只用回车（CR）换行，这是老式苹果电脑的格式：请另存为 Windows（CRLF）或 Unix（LF）换行');
    return undefined;
  }
  return text;
}
