import { describe, expect, it } from 'vitest';
import {
  activeUrgentNotice,
  burnInOffset,
  dailyReloadDue,
  isCompleteKioskPage,
  isNight,
  localClock,
  type KioskNotice,
} from '../../src/lib/kiosk.ts';

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

describe('activeUrgentNotice', () => {
  const notice = (over: Partial<KioskNotice>): KioskNotice => ({
    title: 'a',
    text: '',
    start: '2026-12-01 08:00',
    end: '2026-12-04 18:00',
    urgent: true,
    screens: [],
    ...over,
  });
  it('shows an urgent notice inside its window only', () => {
    const n = [notice({})];
    expect(activeUrgentNotice(n, at('2026-12-01 07:59'), 'tv')).toBeUndefined();
    expect(activeUrgentNotice(n, at('2026-12-01 08:00'), 'tv')).toBe(n[0]);
    expect(activeUrgentNotice(n, at('2026-12-04 17:59'), 'tv')).toBe(n[0]);
    expect(activeUrgentNotice(n, at('2026-12-04 18:00'), 'tv')).toBeUndefined();
  });
  it('ignores ordinary notices and notices for other screens; the latest start wins', () => {
    const later = notice({ title: 'later', start: '2026-12-02 08:00' });
    const list = [notice({ urgent: false }), notice({ screens: ['led'] }), notice({ title: 'early' }), later];
    expect(activeUrgentNotice(list, at('2026-12-03 08:00'), 'tv')).toBe(later);
    expect(activeUrgentNotice([notice({ screens: ['led'] })], at('2026-12-03 08:00'), 'tv')).toBeUndefined();
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
