import { describe, expect, it } from 'vitest';
import {
  activeNotices,
  burnInOffset,
  dailyReloadDue,
  isCompleteKioskPage,
  isNight,
  largestFitting,
  localClock,
  nextInRotation,
  pageStarts,
  ROTATION_START,
  textPieces,
  urgentNext,
  type KioskNotice,
  type Rotation,
} from '../../src/client/kiosk-rules.ts';

const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);

describe('localClock', () => {
  it('gives Shanghai date and time whatever the machine zone', () => {
    expect(localClock(Date.UTC(2026, 10, 25, 16, 5))).toEqual({ date: '2026-11-26', time: '00:05' });
    expect(localClock(at('2026-12-31 23:59'))).toEqual({ date: '2026-12-31', time: '23:59' });
  });
});

describe('isNight', () => {
  const overnight = { from: '22:00', to: '06:30', mode: 'dim' as const };
  it('handles ranges over midnight', () => {
    expect(['22:00', '23:59', '00:00', '06:29'].map((t) => isNight(t, overnight))).toEqual([true, true, true, true]);
    expect(['06:30', '12:00', '21:59'].map((t) => isNight(t, overnight))).toEqual([false, false, false]);
  });
  it('handles ranges within a day, and no night hours', () => {
    expect(isNight('13:00', { from: '12:00', to: '14:00', mode: 'blank' })).toBe(true);
    expect(isNight('14:00', { from: '12:00', to: '14:00', mode: 'blank' })).toBe(false);
    expect(isNight('23:00', undefined)).toBe(false);
  });
});

describe('activeNotices', () => {
  const notice = (over: Partial<KioskNotice>): KioskNotice => ({
    id: 'a',
    start: '2026-12-01 08:00',
    end: '2026-12-04 18:00',
    urgent: true,
    screens: [],
    ...over,
  });
  it('holds a notice inside its window only', () => {
    const n = [notice({})];
    expect(activeNotices(n, at('2026-12-01 07:59'), 'tv').urgent).toEqual([]);
    expect(activeNotices(n, at('2026-12-01 08:00'), 'tv').urgent).toEqual(n);
    expect(activeNotices(n, at('2026-12-04 17:59'), 'tv').urgent).toEqual(n);
    expect(activeNotices(n, at('2026-12-04 18:00'), 'tv').urgent).toEqual([]);
  });
  it('puts ordinary and urgent notices apart, and leaves out notices for other screens', () => {
    const ordinary = notice({ id: 'o', urgent: false });
    const other = notice({ id: 'led', screens: ['led'] });
    const mine = notice({ id: 'tv', screens: ['tv', 'led'] });
    expect(activeNotices([ordinary, other, mine], at('2026-12-03 08:00'), 'tv')).toEqual({ urgent: [mine], ordinary: [ordinary] });
  });
  it('ignores a notice with an unreadable window instead of stopping the screen', () => {
    expect(activeNotices([notice({ start: '2026-12-01' })], at('2026-12-03 08:00'), 'tv').urgent).toEqual([]);
  });
});

describe('nextInRotation', () => {
  /** The first `n` items a screen shows, from the start of the rotation. */
  const run = (n: number, slides: string[], ordinary: string[], urgent: string[], every: number, from: Rotation = ROTATION_START) => {
    const shown: string[] = [];
    let state = from;
    for (let i = 0; i < n; i += 1) {
      const next = nextInRotation(state, slides, ordinary, urgent, every);
      shown.push(next.show);
      state = next.state;
    }
    return shown;
  };
  it('runs the slides in order when no notice is in force', () => {
    expect(run(7, ['a', 'b', 'c'], [], [], 3)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });
  it('shows an urgent notice after every `every - 1` other items, and the rotation goes on', () => {
    const shown = run(12, ['a', 'b', 'c', 'd'], [], ['u'], 3);
    expect(shown).toEqual(['a', 'b', 'u', 'c', 'd', 'u', 'a', 'b', 'u', 'c', 'd', 'u']);
    // Never frozen: every regular slide keeps its turn.
    expect(new Set(shown)).toEqual(new Set(['a', 'b', 'c', 'd', 'u']));
  });
  it('holds to the rule for any spacing: one urgent notice in every `every` items', () => {
    for (const every of [2, 3, 5, 20]) {
      const shown = run(200, ['a', 'b', 'c'], ['o'], ['u'], every);
      for (let i = 0; i + every <= shown.length; i += 1) expect(shown.slice(i, i + every)).toContain('u');
      expect(shown.filter((s) => s !== 'u').length).toBeGreaterThanOrEqual(200 - Math.ceil(200 / every));
    }
  });
  it('gives ordinary notices their turn after the slides, and takes turns between urgent notices', () => {
    expect(run(6, ['a', 'b'], ['o1', 'o2'], [], 3)).toEqual(['a', 'b', 'o1', 'o2', 'a', 'b']);
    expect(run(9, ['a', 'b'], [], ['u1', 'u2'], 2)).toEqual(['a', 'u1', 'b', 'u2', 'a', 'u1', 'b', 'u2', 'a']);
  });
  it('shows an arriving urgent notice next, then goes on where it was', () => {
    const before = run(2, ['a', 'b', 'c'], [], [], 4);
    expect(before).toEqual(['a', 'b']);
    const state = { cycle: 2, sinceUrgent: 2, urgentTurn: 0 };
    expect(run(4, ['a', 'b', 'c'], [], ['u'], 4, urgentNext(state, 4))).toEqual(['u', 'c', 'a', 'b']);
  });
  it('keeps a position that fits when the list of ordinary notices shrinks', () => {
    const next = nextInRotation({ cycle: 5, sinceUrgent: 0, urgentTurn: 0 }, ['a', 'b'], [], [], 3);
    expect(next.show).toBe('b');
  });
});

describe('pageStarts', () => {
  it('breaks greedily where the next piece no longer fits', () => {
    expect(pageStarts(5, (from, to) => to - from <= 2)).toEqual([0, 2, 4]);
    expect(pageStarts(3, () => true)).toEqual([0]);
    expect(pageStarts(0, () => true)).toEqual([]);
  });
  it('puts a piece too big for any page on a page of its own, instead of looping', () => {
    expect(pageStarts(3, () => false)).toEqual([0, 1, 2]);
  });
});

describe('largestFitting', () => {
  it('finds the largest fitting value from below, never above', () => {
    const found = largestFitting(1, 3, (s) => s <= 2.2)!;
    expect(found).toBeLessThanOrEqual(2.2);
    expect(found).toBeGreaterThan(2.2 - 2 / 64);
  });
  it('takes the top when everything fits, and reports when nothing does', () => {
    expect(largestFitting(1, 3, () => true)).toBe(3);
    expect(largestFitting(1, 3, () => false)).toBeUndefined();
  });
});

describe('textPieces', () => {
  const notice = '各党支部：定于12月4日（星期五）上午9时召开推进会，请准时参加。会议期间请将手机调至静音状态。';
  it('cuts after punctuation and gives back the text unchanged when joined', () => {
    const pieces = textPieces(notice);
    expect(pieces.join('')).toBe(notice);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces.slice(0, -1)) expect(p).toMatch(/[。！？；;!?，,、：:）)]$/);
  });
  it('cuts a long run without punctuation at the maximum length', () => {
    const run = '一'.repeat(100);
    expect(textPieces(run, 40).map((p) => p.length)).toEqual([40, 40, 20]);
  });
  it('never leaves a piece empty', () => {
    expect(textPieces('')).toEqual([]);
    expect(textPieces('。。。').every((p) => p.length > 0)).toBe(true);
  });
});

describe('burnInOffset', () => {
  it('cycles through small offsets, starting and ending at rest', () => {
    expect(burnInOffset(0)).toEqual([0, 0]);
    expect(burnInOffset(9)).toEqual([0, 0]);
    for (let i = 0; i < 18; i += 1) for (const d of burnInOffset(i)) expect(Math.abs(d)).toBeLessThanOrEqual(3);
    expect(new Set(Array.from({ length: 9 }, (_, i) => burnInOffset(i).join())).size).toBe(9);
  });
});

describe('dailyReloadDue', () => {
  it('is due after 04:00 on a later day, or after a full day', () => {
    expect(dailyReloadDue(at('2026-12-01 10:00'), at('2026-12-02 03:59'))).toBe(false);
    expect(dailyReloadDue(at('2026-12-01 10:00'), at('2026-12-02 04:00'))).toBe(true);
    expect(dailyReloadDue(at('2026-12-01 02:00'), at('2026-12-01 05:00'))).toBe(false);
    expect(dailyReloadDue(at('2026-12-01 05:00'), at('2026-12-02 05:00'))).toBe(true);
  });
});

describe('isCompleteKioskPage', () => {
  const page = (build: string) => `<!DOCTYPE html><html><body><kiosk-screen data-build="${build}"></kiosk-screen></body></html>\n`;
  it('accepts the new build whole, and nothing else', () => {
    expect(isCompleteKioskPage(200, page('b2'), 'b2')).toBe(true);
    expect(isCompleteKioskPage(500, page('b2'), 'b2')).toBe(false);
    expect(isCompleteKioskPage(200, page('b1'), 'b2')).toBe(false);
    expect(isCompleteKioskPage(200, page('b2').slice(0, 60), 'b2')).toBe(false);
    expect(isCompleteKioskPage(200, '', 'b2')).toBe(false);
  });
});
