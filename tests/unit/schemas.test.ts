import { describe, expect, it } from 'vitest';
import { mdxComponents } from '../../src/components/mdx/index.ts';
import { z } from 'astro/zod';
import { measureSchema, noticeSchema, observationSchema, settingsSchema, updateSchema } from '../../src/schemas/index.ts';
import { referencesIn } from '../../src/schemas/references.ts';
import { MDX_COMPONENTS } from '../../src/schemas/mdx-components.ts';

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('the components editors may use', () => {
  it('are exactly the ones the pages pass to MDX', () => {
    expect(Object.keys(mdxComponents).sort()).toEqual(Object.keys(MDX_COMPONENTS).sort());
  });
});

describe('schemas accept what both YAML parsers produce', () => {
  it('takes an unquoted date as text (checker) or as a Date (Astro) and gives the same calendar date', () => {
    const base = { title: '记录', measures: ['1-1'], units: ['djb'] };
    const fromText = updateSchema.parse({ ...base, date: '2026-09-04' });
    const fromDate = updateSchema.parse({ ...base, date: new Date(Date.UTC(2026, 8, 4)) });
    expect(fromText.date).toBe('2026-09-04');
    expect(fromDate.date).toBe('2026-09-04');
  });
  it('takes a deadline as a date, 待定 or 长期', () => {
    const base = { title: '措施', owners: ['djb'] };
    expect(measureSchema.parse({ ...base, deadline: '待定' }).deadline).toBe('待定');
    expect(measureSchema.parse({ ...base, deadline: new Date(Date.UTC(2026, 11, 31)) }).deadline).toBe('2026-12-31');
    expect(firstMessage(measureSchema.safeParse({ ...base, deadline: '年底' }))).toMatch(/^整改时限/);
  });
  it('takes notice times as text or as the Date js-yaml makes of HH:mm:ss', () => {
    const n = noticeSchema.parse({ title: '通知', start: '2026-12-01 08:00', end: new Date(Date.UTC(2026, 11, 4, 18, 0, 0)) });
    expect(n).toMatchObject({ start: '2026-12-01 08:00', end: '2026-12-04 18:00' });
  });
});

describe('field messages', () => {
  it('say what is missing and what is allowed, in Chinese', () => {
    expect(firstMessage(measureSchema.safeParse({ owners: ['djb'], deadline: '长期' }))).toBe(
      '缺少此项。条目的简短标题（原文第一句），例如：建立健全党建工作责任制',
    );
    expect(firstMessage(measureSchema.safeParse({ title: '措施', owners: [] }))).toBe(
      '责任单位列表，至少一个单位编号，例如 [zuzhi-ban, a-cun]；省略时沿用上一层条目的责任单位',
    );
    expect(firstMessage(updateSchema.safeParse({ title: '记录', date: '2026/09/04', measures: ['1-1'], units: ['djb'] }))).toBe(
      '记录日期，格式 YYYY-MM-DD，例如 2026-12-04',
    );
  });
  it('name a misspelt field and list the allowed ones', () => {
    expect(firstMessage(measureSchema.safeParse({ title: '措施', owners: ['djb'], deadline: '长期', owner: 'x' }))).toBe(
      '不认识的字段：owner。请检查拼写；这里可用的字段是 title、label、owners、leader、deadline、deadlineText、areas',
    );
  });
  it('refuse an empty number cell rather than reading it as zero', () => {
    const row = { period: '2026-09', unit: 'x-cun', metric: 'activity-days' };
    expect(observationSchema.safeParse({ ...row, value: '' }).success).toBe(false);
    expect(observationSchema.safeParse({ ...row, value: '1,200' }).success).toBe(false);
    expect(observationSchema.parse({ ...row, value: '95.5' }).value).toBe(95.5);
  });
});

describe('references declared on the schemas', () => {
  it('are found wherever they sit, and only when well formed', () => {
    expect(
      referencesIn(updateSchema, { title: '', measures: ['1-1', '9-9', 'bad id'], units: ['zhangsan'] }).map((r) => [
        r.path.join('.'),
        r.collection,
        r.id,
      ]),
    ).toEqual([
      ['measures.0', 'measures', '1-1'],
      ['measures.1', 'measures', '9-9'],
      ['units.0', 'units', 'zhangsan'],
    ]);
    const settings = settingsSchema({ image: () => z.string() });
    expect(
      referencesIn(settings, { obligations: [{ measures: ['2-3'] }], campaign: { area: '5' }, unitKinds: [{ name: '党委' }] }).map(
        (r) => r.collection,
      ),
    ).toEqual(['measures', 'areas']);
    expect(referencesIn(measureSchema, { owners: 'not a list', areas: ['3'] })).toEqual([
      { path: ['areas', 0], collection: 'areas', id: '3' },
    ]);
  });
});
