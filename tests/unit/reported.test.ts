import { describe, expect, it } from 'vitest';
import {
  countedNoun,
  differenceShort,
  differenceText,
  newestReported,
  reportedFromImport,
  reportedSentence,
  reportedShort,
  reportedView,
} from '../../src/domain/reported.ts';
import { reportedProgress } from '../../src/cli/plan-import.ts';
import { reportedProblems } from '../../src/schemas/vocabulary.ts';
import { planSchema, reportedFigureSchema } from '../../src/schemas/index.ts';

const measures = { total: 4, closed: 2, noun: '整改措施' };

describe('reported figures: rules on one figure', () => {
  it('accepts done ≤ total and done + in progress ≤ total', () => {
    expect(reportedProblems({ total: 106, done: 98, inProgress: 8 })).toEqual([]);
    expect(reportedProblems({ total: 0, done: 0 })).toEqual([]);
  });

  it('refuses more done than the total, and more open than is left, naming the field', () => {
    expect(reportedProblems({ total: 10, done: 12 }).map((p) => p.field)).toEqual(['done']);
    expect(reportedProblems({ total: 10, done: 6, inProgress: 5 })).toEqual([
      { field: 'inProgress', message: '已完成 6 项加正在整改 5 项共 11 项，超过总数 10 项：请核对原文' },
    ]);
    expect(reportedProblems({ total: 10, done: 2, inProgress: 11 }).map((p) => p.field)).toEqual(['inProgress']);
  });

  it('the schema applies the same rules, with the message on the field', () => {
    const bad = reportedFigureSchema.safeParse({ date: '2023-06-30', total: 10, done: 12 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['done', '已完成数 12 大于总数 10：已完成的不能比总数多，请核对原文'],
    ]);
    const missing = reportedFigureSchema.safeParse({ total: 10, done: 2 });
    expect(missing.error!.issues[0]!.message).toMatch(/^缺少此项。截至日期/);
    expect(reportedFigureSchema.safeParse({ date: '2023-06-30', total: 10, done: 2, extra: 1 }).success).toBe(false);
  });

  it('is optional on the plan: a plan without reported figures is valid', () => {
    const shape = planSchema.shape;
    expect(shape.reported.safeParse(undefined).success).toBe(true);
    expect(shape.issued.safeParse('2023-07-05').data).toBe('2023-07-05');
  });
});

describe('reported figures beside the computed counts', () => {
  const figure = { date: '2023-06-30', total: 106, done: 98, inProgress: 8, counted: '整改任务' };

  it('says the figure in a sentence with its rate', () => {
    expect(reportedSentence(figure)).toBe('截至2023年6月30日，共有整改任务106项，已完成98项，正在整改8项，完成率92%');
    expect(reportedShort(figure)).toBe('截至2023年6月30日，整改任务已完成98/106项（92%），正在整改8项');
    expect(reportedSentence({ date: '2023-06-30', total: 3, done: 1 })).toBe('截至2023年6月30日，共有整改任务3项，已完成1项，完成率33%');
  });

  it('explains a different total by what each counts', () => {
    expect(differenceText(figure, measures)).toBe(
      '原文按整改任务计106项，本站按已录入的4项整改措施计，两者口径不同；本站的数字只反映已录入的条目和进展记录。',
    );
  });

  it('explains the same total with a different number done, and is silent when both agree', () => {
    expect(differenceText({ date: '2023-06-30', total: 4, done: 3 }, measures)).toBe(
      '原文与本站都计4项；原文截至2023年6月30日已完成3项，本站按进展记录已销号2项：本站只计有进展记录为证的。',
    );
    expect(differenceText({ date: '2023-06-30', total: 4, done: 2 }, measures)).toBeUndefined();
  });

  it('shows the newest figure known on a date, then the older ones, newest first', () => {
    const figures = [
      { date: '2023-03-31', total: 106, done: 60 },
      { date: '2023-06-30', total: 106, done: 98 },
      { date: '2023-05-31', total: 106, done: 80 },
    ];
    expect(newestReported(figures).map((f) => f.date)).toEqual(['2023-06-30', '2023-05-31', '2023-03-31']);
    const view = reportedView(figures, measures)!;
    expect(view.latest.date).toBe('2023-06-30');
    expect(view.latest.percent).toBe(92);
    expect(view.latest.short).toBe('截至2023年6月30日，整改任务已完成98/106项（92%）');
    expect(view.latest.compact).toBe('截至2023年6月30日已完成98/106项（整改任务）');
    expect(view.latest.difference).toContain('本站按已录入的4项整改措施计');
    expect(view.latest.differenceShort).toBe('本站按已录入的4项整改措施计，口径不同');
    expect(differenceShort({ date: '2023-06-30', total: 4, done: 3 }, measures)).toBe('本站只计有进展记录为证的，已销号2项');
    expect(differenceShort({ date: '2023-06-30', total: 4, done: 2 }, measures)).toBeUndefined();
    expect(view.older.map((f) => f.sentence)).toEqual([
      '截至2023年5月31日，共有整改任务106项，已完成80项，完成率75%',
      '截至2023年3月31日，共有整改任务106项，已完成60项，完成率57%',
    ]);
    // A report of 2023-06-01 does not know the figures of 30 June.
    expect(reportedView(figures, measures, '2023-06-01')!.latest.date).toBe('2023-05-31');
    expect(reportedView(figures, measures, '2023-01-01')).toBeUndefined();
    expect(reportedView(undefined, measures)).toBeUndefined();
  });
});

describe('reported figures from an imported document', () => {
  it('finds the noun a sentence counts', () => {
    expect(countedNoun('截至2023年6月30日，共梳理整改任务106项，已完成98项')).toBe('整改任务');
    expect(countedNoun('共查摆问题32个，已整改到位30个')).toBe('问题');
    expect(countedNoun('共106项，已完成98项')).toBeUndefined();
  });

  it('writes what the importer reads, dated by its 截至 or else by the document, and leaves an undated one to the office', () => {
    const sentence = '截至2023年6月30日，共梳理整改任务106项，已完成98项，正在整改8项，完成率92.5%。';
    const read = reportedProgress(sentence, 4, { planYear: 2023 })!;
    expect(reportedFromImport([read], '2023-07-05')).toEqual({
      reported: [{ date: '2023-06-30', total: 106, done: 98, inProgress: 8, counted: '整改任务', source: sentence }],
      todo: [],
    });
    const undated = reportedProgress('共梳理整改任务10项，已完成9项。', 7)!;
    const dated = reportedFromImport([undated], '2023-07-05');
    expect(dated.reported[0]!.date).toBe('2023-07-05');
    expect(dated.todo[0]).toContain('date 按文件落款日期 2023-07-05 填写');
    const nothing = reportedFromImport([undated], undefined);
    expect(nothing.reported).toEqual([]);
    expect(nothing.todo[0]).toMatch(/^第7行：.*没有截至日期，未写入/);
  });
});
