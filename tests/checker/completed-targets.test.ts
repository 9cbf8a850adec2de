/**
 * The warning for a measure marked 已完成 whose own figures miss the plan's target in their
 * latest period, on the valid fixture corpus with a record and a table overlaid.
 */
import { describe, expect, it } from 'vitest';
import { checkProject, formatIssue } from '../../src/checker/index.ts';
import { FIXTURE_TODAY, VALID_FIXTURE } from '../helpers/fixtures.ts';

const DONE_1_2 = `---
title: 活动日制度落实
date: 2026-11-20
measures: [1-2]
units: [x-cun]
status: 已完成
evidence:
  - 活动记录（存党建办）
---

正文。
`;

function check(table: string, record = DONE_1_2) {
  const overrides = new Map<string, string>([
    ['src/content/updates/2026-11-20-done-1-2.md', record],
    ['data/observations/more.csv', table],
  ]);
  const result = checkProject(VALID_FIXTURE, { overrides, today: FIXTURE_TODAY });
  return result.issues.map(formatIssue);
}

describe('已完成 while the data misses the target', () => {
  it('warns on the record that set 已完成, naming the metric, the period, the unit, its value and the target', () => {
    expect(check('period,unit,metric,value\n2026-11,x-cun,activity-days,0\n')).toEqual([
      'src/content/updates/2026-11-20-done-1-2.md:6  status  警告：措施 1-2 标为“已完成”，但指标“党员活动日开展次数”2026-11 的数据未达到目标（不少于 1 次）：X村党支部 0 次。请核对状态或数据',
    ]);
  });

  it('is silent when the latest period meets the target, even if an earlier one missed it', () => {
    expect(check('period,unit,metric,value\n2026-11,x-cun,activity-days,1\n')).toEqual([]);
  });

  it('is silent while the measure is not 已完成', () => {
    expect(
      check('period,unit,metric,value\n2026-11,x-cun,activity-days,0\n', DONE_1_2.replace('status: 已完成', 'status: 推进中')),
    ).toEqual([]);
  });

  it('leaves metrics without a target alone', () => {
    expect(check('period,unit,metric,value\n2026-Q4,djb,badge,0\n')).toEqual([]);
  });
});
