import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importMap, problems } from '../../scripts/deps.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway project with the given files under it. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'deps-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the import map rules (npm run deps)', () => {
  it('passes imports that run down the layers, from .ts and from .astro frontmatter and scripts', () => {
    const root = project({
      'src/schemas/words.ts': 'export const A = 1;\n',
      'src/domain/logic.ts': "import { A } from '../schemas/words.ts';\nexport const B = A;\n",
      'src/client/run.ts': "import { B } from '../domain/logic.ts';\nconsole.log(B);\n",
      'src/components/Box.astro':
        "---\nimport { B } from '../domain/logic.ts';\n---\n<p>{B}</p>\n<script>import '../client/run.ts';</script>\n",
      'src/pages/index.astro': "---\nimport Box from '../components/Box.astro';\n---\n<Box />\n",
    });
    const map = importMap(root);
    expect(map.edges.get('src/components/Box.astro')).toEqual(['src/client/run.ts', 'src/domain/logic.ts']);
    expect(problems(map)).toEqual([]);
  });

  it('names the file and the rule when an import runs back up a layer', () => {
    const root = project({
      'src/schemas/words.ts': "import { B } from '../domain/logic.ts';\nexport const A = B;\n",
      'src/domain/logic.ts': 'export const B = 1;\n',
      'src/domain/view.ts': "import Box from '../components/Box.astro';\nexport default Box;\n",
      'src/components/Box.astro': '<p>box</p>\n',
    });
    const found = problems(importMap(root));
    expect(found.map((p) => [p.file, p.rule])).toEqual([
      ['src/domain/view.ts', 'no-import-up'],
      ['src/schemas/words.ts', 'no-import-up'],
    ]);
    expect(found[1]!.message).toContain('imports src/domain/logic.ts: layer schemas may not import from domain');
  });

  it('finds import circles, also within one layer', () => {
    const root = project({
      'src/domain/a.ts': "import { b } from './b.ts';\nexport const a = () => b();\n",
      'src/domain/b.ts': "import { c } from './c.ts';\nexport const b = () => c();\n",
      'src/domain/c.ts': "import { a } from './a.ts';\nexport const c = () => a();\n",
    });
    const found = problems(importMap(root));
    expect(found).toHaveLength(1);
    expect(found[0]!.rule).toBe('no-circle');
    expect(found[0]!.message).toBe('import circle: src/domain/a.ts → src/domain/b.ts → src/domain/c.ts');
  });

  it('refuses a source file in no layer, so a new folder must be placed', () => {
    const root = project({ 'src/misc/helper.ts': 'export const x = 1;\n' });
    expect(problems(importMap(root)).map((p) => [p.file, p.rule])).toEqual([['src/misc/helper.ts', 'in-a-layer']]);
  });

  it('holds for this project: no circle, no import running back up', () => {
    expect(problems(importMap(resolve(import.meta.dirname, '../..')))).toEqual([]);
  });
});
