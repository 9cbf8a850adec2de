import { describe, expect, it } from 'vitest';
import { deriveMeasureState, summarise, type StatusChange } from '../../src/domain/status.ts';

const change = (date: string, status: StatusChange['status'], recordId = date, extra: Partial<StatusChange> = {}): StatusChange => ({
  date,
  status,
  recordId,
  title: `记录 ${recordId}`,
  evidence: [],
  ...extra,
});

describe('deriveMeasureState', () => {
  it('is 未启动 without records, and overdue once a dated deadline has passed', () => {
    const before = deriveMeasureState('2026-12-31', [], '2026-11-26');
    expect(before).toMatchObject({ status: '未启动', overdue: false, daysLeft: 35, closedLate: false });
    expect(before.since).toBeUndefined();
    const after = deriveMeasureState('2026-10-31', [], '2026-11-26');
    expect(after).toMatchObject({ overdue: true, daysLeft: -26 });
  });

  it('is not overdue on the deadline day itself', () => {
    expect(deriveMeasureState('2026-11-26', [], '2026-11-26')).toMatchObject({ overdue: false, daysLeft: 0 });
  });

  it('takes the latest change, whatever order the records come in', () => {
    const state = deriveMeasureState(
      '2026-12-31',
      [change('2026-10-01', '已完成', 'b', { evidence: ['记录'] }), change('2026-08-01', '推进中', 'a')],
      '2026-11-26',
    );
    expect(state.status).toBe('已完成');
    expect(state.since).toBe('2026-10-01');
    expect(state.completedOn).toBe('2026-10-01');
    expect(state.history.map((h) => h.recordId)).toEqual(['a', 'b']);
    expect(state.daysLeft).toBeUndefined();
  });

  it('orders same-day changes by record id, so two builds agree', () => {
    const state = deriveMeasureState('长期', [change('2026-09-01', '长期坚持', 'z'), change('2026-09-01', '推进中', 'a')], '2026-11-26');
    expect(state.status).toBe('长期坚持');
  });

  it('uses completedOn when the record gives one, and flags a late close', () => {
    const state = deriveMeasureState('2026-10-31', [change('2026-11-06', '已完成', 'r', { completedOn: '2026-11-05' })], '2026-11-26');
    expect(state).toMatchObject({ completedOn: '2026-11-05', overdue: false, closedLate: true });
  });

  it('never makes 待定 or 长期 deadlines overdue', () => {
    expect(deriveMeasureState('待定', [], '2099-01-01')).toMatchObject({ overdue: false });
    expect(deriveMeasureState('长期', [change('2026-01-01', '推进中')], '2099-01-01')).toMatchObject({ overdue: false });
    expect(deriveMeasureState('待定', [], '2099-01-01').daysLeft).toBeUndefined();
  });

  it('reopens a measure when a later record sets it back', () => {
    const state = deriveMeasureState(
      '2026-10-31',
      [change('2026-09-01', '已完成', 'a'), change('2026-11-01', '推进中', 'b')],
      '2026-11-26',
    );
    expect(state).toMatchObject({ status: '推进中', overdue: true });
    expect(state.completedOn).toBeUndefined();
  });
});

describe('summarise', () => {
  it('counts statuses, closed and overdue measures', () => {
    const s = summarise([
      { status: '已完成', overdue: false },
      { status: '长期坚持', overdue: false },
      { status: '推进中', overdue: true },
      { status: '未启动', overdue: false },
    ]);
    expect(s).toEqual({
      total: 4,
      byStatus: { 未启动: 1, 推进中: 1, 已完成: 1, 长期坚持: 1 },
      overdue: 1,
      closed: 2,
      percentClosed: 50,
    });
  });
  it('handles no measures without dividing by zero', () => {
    expect(summarise([]).percentClosed).toBe(0);
  });
});

describe('deriveMeasureState as of a past date', () => {
  const changes = [change('2026-08-01', '推进中', 'a'), change('2026-10-01', '已完成', 'b', { evidence: ['记录'] })];

  it('leaves out records dated after the day asked for', () => {
    expect(deriveMeasureState('2026-12-31', changes, '2026-07-31')).toMatchObject({ status: '未启动', history: [] });
    const between = deriveMeasureState('2026-12-31', changes, '2026-09-15');
    expect(between).toMatchObject({ status: '推进中', since: '2026-08-01' });
    expect(between.history.map((h) => h.recordId)).toEqual(['a']);
    expect(deriveMeasureState('2026-12-31', changes, '2026-10-01')).toMatchObject({ status: '已完成', completedOn: '2026-10-01' });
  });

  it('judges 逾期 against that day, not the build date', () => {
    expect(deriveMeasureState('2026-09-01', changes, '2026-09-15')).toMatchObject({ status: '推进中', overdue: true, daysLeft: -14 });
    expect(deriveMeasureState('2026-09-01', changes, '2026-08-15')).toMatchObject({ overdue: false, daysLeft: 17 });
  });
});
