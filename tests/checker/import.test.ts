/**
 * `npm run import` end to end on copies of the fixture corpus, and the one test that reads the
 * shipped content: importing the published plan (docs/source/整改方案原文.txt) gives back the
 * shipped plan, areas, measures, duties and requirements.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyProject } from '../../scripts/copy-project.ts';
import { runImport as importPlan } from '../../scripts/import.ts';
import { checkProject } from '../../src/checker/index.ts';
import { splitFrontmatter } from '../../src/checker/yaml-source.ts';
import { parsePlanText } from '../../src/cli/plan-import.ts';
import { planContentFiles, PLAN_DIRS } from '../../src/cli/plan-writer.ts';
import { FIXTURE_TODAY, listFiles, planFixturePath, PROJECT_ROOT, VALID_FIXTURE } from '../helpers/fixtures.ts';

const SCRIPT = join(PROJECT_ROOT, 'scripts/import.ts');
const PLANS = join(PROJECT_ROOT, 'tests/fixtures/plans');
const SOURCE = join(PROJECT_ROOT, 'docs/source/整改方案原文.txt');
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function tempCopy(of: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  temps.push(dir);
  cpSync(of, dir, { recursive: true });
  return dir;
}

/** What the CLI would give: its exit code and its output (stdout and stderr). In this process: a process start costs more than an import. */
async function runImport(...args: string[]) {
  let out = '';
  const write = (line: string) => (out += `${line}\n`);
  const code = await importPlan(args, { out: write, err: write, env: { ...process.env, SOURCE_DATE_EPOCH: '1795651200' } });
  return { code, out };
}

/** Every file of a tree with its contents, to see that nothing changed. */
const snapshot = (root: string) => Object.fromEntries(listFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]));

/** A Markdown entry as data and paragraphs: what the site shows, whatever the formatting. */
function entry(text: string) {
  const { yaml, body } = splitFrontmatter(text);
  return {
    data: yaml ? (parse(yaml) as Record<string, unknown>) : {},
    body: body
      .trim()
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

describe('npm run import into a project', () => {
  it('writes a plan that fits, removes the previous plan’s leftovers, and runs the checker', async () => {
    const dir = tempCopy(VALID_FIXTURE);
    writeFileSync(join(dir, PLAN_DIRS.measures, '1-9.md'), '---\ntitle: 旧方案的措施\nowners: [djb]\ndeadline: 待定\n---\n\n旧。\n');
    const { code, out } = await runImport(join(PLANS, 'fits-current-model.txt'), '--out', dir);
    expect(out).toContain('读取《关于落实乙镇党建工作检查反馈问题的整改方案》：12 个编号条目，最深 3 层。');
    expect(out).toContain(`删除了原方案多出的 1 个文件（git 中可恢复）：${PLAN_DIRS.measures}/1-9.md`);
    // 乙村党支部 is new to the project: the import makes it a unit.
    expect(readFileSync(join(dir, 'src/content/units/unit-4.md'), 'utf8')).toContain('name: 乙村党支部\n');
    expect(out).toContain('内容检查通过：0 个错误');
    expect(code).toBe(0);
    expect(existsSync(join(dir, PLAN_DIRS.measures, '1-9.md'))).toBe(false);
    expect(readdirSync(join(dir, PLAN_DIRS.measures)).sort()).toEqual(['1-1.md', '1-2.md', '2-1.md']);
    expect(checkProject(dir, { today: FIXTURE_TODAY }).errors).toBe(0);

    // A second import of the same plan changes nothing.
    const before = snapshot(dir);
    const again = await runImport(join(PLANS, 'fits-current-model.txt'), '--out', dir);
    expect(again.out).toContain('已写入 0 个文件');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a plan it cannot place whole, saying what, and writes nothing', async () => {
    const dir = tempCopy(VALID_FIXTURE);
    const before = snapshot(dir);
    const plan = join(dir, '方案.txt');
    writeFileSync(plan, '某方案\n一、学习不够深入方面\n责任单位：党政办\n二、制度执行不严方面\n');
    const { code, out } = await runImport(plan, '--out', dir);
    expect(code).toBe(1);
    expect(out).toMatch(/以下内容当前的内容模型无法容纳，为免网站与原文不一致，没有写入任何文件（共 1 处）/);
    rmSync(plan);
    expect(snapshot(dir)).toEqual(before);
  });

  it('prints the tree as JSON with --tree, and writes nothing with --dry-run', async () => {
    const dir = tempCopy(VALID_FIXTURE);
    const before = snapshot(dir);
    const tree = await runImport(planFixturePath('three-levels.txt'), '--tree');
    expect(tree.code).toBe(0);
    expect(JSON.parse(tree.out).items[1].children[0].children[0].label).toBe('二（一）1');
    const dry = await runImport(join(PLANS, 'fits-current-model.txt'), '--out', dir, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('将写入 11 个文件');
    expect(snapshot(dir)).toEqual(before);
  });

  it('says how to use it, in Chinese (the real CLI: exit code and stderr)', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
    const usage = cli();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('用法：npm run import -- <方案.docx 或 方案.txt>');
    const missing = cli(join(PLANS, 'missing.txt'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('找不到文件');
  });
});

describe('importing the published plan gives back the shipped content', () => {
  const shipped = (path: string) => entry(readFileSync(join(PROJECT_ROOT, path), 'utf8'));
  const shippedFiles = Object.values(PLAN_DIRS).flatMap((dir) => listFiles(join(PROJECT_ROOT, dir)).map((f) => `${dir}/${f}`));
  const units = listFiles(join(PROJECT_ROOT, 'src/content/units')).map((f) => ({
    id: f.replace(/\.md$/, ''),
    name: String(shipped(`src/content/units/${f}`).data['name']),
  }));
  // Read with no previous content: everything below comes from the text alone.
  const { files, unplaceable, todo } = planContentFiles(parsePlanText(readFileSync(SOURCE, 'utf8')), { units, measures: new Map() });
  const imported = (path: string) => entry(files.get(path)!);

  /**
   * Where the shipped content differs from the published text on purpose. The office corrected a
   * half-width comma in 一（一）; the import keeps the text as published. Each edit is checked to
   * still be needed, so this list cannot hide a new difference.
   */
  const KNOWN_EDITS: Record<string, [string, string][]> = {
    'src/content/duties/1.md': [['同考核,推动', '同考核，推动']],
  };
  const edited = (path: string) => {
    const e = imported(path);
    for (const [from, to] of KNOWN_EDITS[path] ?? []) {
      expect(e.body.join('\n'), `${path}: known edit “${from}” no longer needed`).toContain(from);
      e.body = e.body.map((p) => p.replaceAll(from, to));
    }
    return e;
  };

  it('places everything and writes exactly the shipped files', () => {
    expect(unplaceable).toEqual([]);
    expect([...files.keys()].sort()).toEqual(shippedFiles.sort());
  });

  it('gives the same duties, requirements and areas (with 具体表现), data and text', () => {
    for (const path of shippedFiles.filter((f) => /\/(duties|requirements|areas)\//.test(f))) {
      expect(edited(path), path).toEqual(shipped(path));
    }
  });

  it('gives the same measure titles and texts; owners and deadlines are not in the text', () => {
    const measures = shippedFiles.filter((f) => f.startsWith(`${PLAN_DIRS.measures}/`));
    for (const path of measures) {
      const mine = edited(path);
      const theirs = shipped(path);
      expect(mine.data['title'], path).toBe(theirs.data['title']);
      expect(mine.body, path).toEqual(theirs.body);
      expect(mine.data['owners'], path).toBeUndefined();
    }
    expect(todo.some((t) => t.includes('原文没有写责任单位'))).toBe(true);
  });

  it('gives the same plan.md fields the text holds, and lists the ones it does not', () => {
    const mine = imported(`${PLAN_DIRS.plan}/plan.md`);
    const theirs = shipped(`${PLAN_DIRS.plan}/plan.md`);
    for (const key of ['title', 'basis', 'sections', 'declared', 'leadership']) expect(mine.data[key], key).toEqual(theirs.data[key]);
    expect(mine.body).toEqual(theirs.body);
    expect(todo).toEqual(expect.arrayContaining(['plan.md：原文没有写制定单位，请填写 issuer（例如：中共X镇委员会）']));
  });

  it('re-imported into a copy of the project, changes only the one file the office edited, and the checker passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-seed-'));
    temps.push(dir);
    copyProject(PROJECT_ROOT, dir);
    const { code, out } = await runImport(SOURCE, '--out', dir);
    expect(out).toContain('已写入 1 个文件');
    expect(code).toBe(0);
    const changed = shippedFiles.filter((f) => readFileSync(join(dir, f), 'utf8') !== readFileSync(join(PROJECT_ROOT, f), 'utf8'));
    expect(changed).toEqual(Object.keys(KNOWN_EDITS));
    expect(checkProject(dir, { today: FIXTURE_TODAY }).errors).toBe(0);
  });
});
