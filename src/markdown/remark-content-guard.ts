/**
 * A remark plugin in the build's own Markdown/MDX pipeline that refuses, with the checker's
 * Chinese message, any MDX construct that would run code (see src/markdown/mdx-rules.ts). It
 * runs before MDX is compiled to JavaScript, so even a build that skips `npm run check` never
 * evaluates anything an editor wrote. It also refuses a body that was not saved as UTF-8.
 */
import { relative } from 'node:path';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { checkMdxTree } from './mdx-rules.ts';

export default function remarkContentGuard() {
  return (tree: Node, file: VFile) => {
    const where = file.path ? relative(file.cwd, file.path).split('\\').join('/') : '';
    // A file saved as GBK or UTF-16 reaches the build as replacement characters: publishing it
    // would show readers garbage, so the build stops with the checker's advice.
    if (String(file.value).includes('\uFFFD')) {
      file.fail(`${where}:1  编码  文件不是 UTF-8 编码（可能是 GBK 或 UTF-16），网站只能读 UTF-8：请用记事本打开，“另存为”时编码选 UTF-8`);
    }
    const { problems } = checkMdxTree(tree);
    if (problems.length === 0) return;
    const lines = problems.map((p) => `${where}:${p.line}  正文  ${p.message}`);
    // One error naming every problem: the build stops here, before MDX becomes JavaScript.
    file.fail(`内容中有会运行代码的写法，已停止构建：\n${lines.join('\n')}`, { line: problems[0]!.line, column: 1 });
  };
}
