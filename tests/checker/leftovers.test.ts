/**
 * 旧方案遗留文件: files of a previous plan left beside a newly imported one are warned about, one
 * line per file with what to do, and nothing on a site whose files all belong to its plan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject, formatIssue } from '../../src/checker/index.ts';
import { FIXTURE_TODAY, VALID_FIXTURE } from '../helpers/fixtures.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const validPlan = readFileSync(join(VALID_FIXTURE, 'src/content/plan/plan.md'), 'utf8');
/** The valid fixture's plan, issued on 2026-10-01 (its records and posts are from September on). */
const issuedPlan = validPlan.replace('declared:\n', 'issued: 2026-10-01\ndeclared:\n');

/** Files a previous plan left: a record, a post and a notice about none of this plan's measures, and two units. */
const previousPlan: Record<string, string> = {
  'src/content/updates/2025-03-01-old.md': '---\ntitle: 印发上一轮整改方案\ndate: 2025-03-01\nunits: [old-branch]\n---\n\n正文。\n',
  'src/content/posts/2025-04-01-old.md':
    '---\ntitle: 上一轮主题活动动员会\ndate: 2025-04-01\ncolumn: yishu\nsummary: 摘要。\n---\n\n正文。\n',
  'src/content/notices/old.md': '---\ntitle: 上一轮检查安排\nstart: 2025-04-20 08:00\nend: 2025-05-01 18:00\n---\n\n正文。\n',
  'src/content/units/old-branch.md': '---\nname: Y村党支部\nkind: 党支部\norder: 9\n---\n',
  'src/content/units/spare.md': '---\nname: Z社区党支部\nkind: 党支部\norder: 10\n---\n',
};

function check(files: Record<string, string>) {
  const overrides = new Map(Object.entries(files).map(([path, text]) => [path, enc(text)]));
  return checkProject(VALID_FIXTURE, { overrides, today: FIXTURE_TODAY });
}

describe('leftover files of a previous plan', () => {
  it('warns about each, with what to do, and stays a warning', () => {
    const result = check({ ...previousPlan, 'src/content/plan/plan.md': issuedPlan });
    expect(result.errors).toBe(0);
    expect(result.issues.map(formatIssue)).toEqual([
      'src/content/notices/old.md:4  end  警告：这条通知在 2025年5月1日 已结束展示，早于方案《测试方案》的印发日期 2026年10月1日：可能是上一个方案留下的，请删除这个文件',
      'src/content/posts/2025-04-01-old.md:3  date  警告：这篇文章（2025年4月1日）早于方案《测试方案》的印发日期 2026年10月1日，又不涉及本方案的任何措施：可能是上一个方案留下的。如不再需要，请删除这个文件；如属于本方案，请在 measures 中写明相关措施编号',
      'src/content/units/old-branch.md:1  文件  警告：单位“Y村党支部”不负责本方案的任何整改事项，也没有被任何进展记录、文章、数据表或方案字段提到：可能是上一个方案留下的。如不再需要，请删除这个文件；如属于本方案，请在相应条目的 owners（或记录的 units）中写上 old-branch',
      'src/content/units/spare.md:1  文件  警告：单位“Z社区党支部”不负责本方案的任何整改事项，也没有被任何进展记录、文章、数据表或方案字段提到：可能是上一个方案留下的。如不再需要，请删除这个文件；如属于本方案，请在相应条目的 owners（或记录的 units）中写上 spare',
      'src/content/updates/2025-03-01-old.md:3  date  警告：这条记录（2025年3月1日）早于方案《测试方案》的印发日期 2026年10月1日，又不涉及本方案的任何措施：可能是上一个方案留下的。如不再需要，请删除这个文件；如属于本方案，请在 measures 中写明措施编号或改正日期',
    ]);
  });

  it('without the plan’s issue date, only warns about units that nothing names', () => {
    const result = check(previousPlan);
    expect(result.issues.map((i) => `${i.file} ${i.severity}`)).toEqual(['src/content/units/spare.md warning']);
  });

  it('does not warn about what concerns the plan: a record on its issue day, a unit named by a record, a post about a measure', () => {
    const result = check({
      'src/content/plan/plan.md': issuedPlan,
      'src/content/updates/2026-10-01-issued.md': '---\ntitle: 印发整改方案\ndate: 2026-10-01\nunits: [y-cun]\n---\n\n正文。\n',
      'src/content/units/y-cun.md': '---\nname: Y村党支部\nkind: 党支部\norder: 9\n---\n',
      'src/content/posts/2025-04-01-early.md':
        '---\ntitle: 方案起草前的调研\ndate: 2025-04-01\ncolumn: yishu\nsummary: 摘要。\nmeasures: [1-1]\n---\n\n正文。\n',
    });
    expect(result.issues.map(formatIssue)).toEqual([]);
  });

  it('counts a unit named only in a data table as in use', () => {
    const result = check({
      'src/content/units/y-cun.md': '---\nname: Y村党支部\nkind: 党支部\norder: 9\n---\n',
      'src/content/units/z-she.md': '---\nname: Z社区党支部\nkind: 党支部\norder: 10\n---\n',
      'data/observations/more.csv': 'period,unit,metric,value\n2026-09,Y村党支部,activity-days,1\n',
    });
    expect(result.issues.map((i) => i.file)).toEqual(['src/content/units/z-she.md']);
  });
});
