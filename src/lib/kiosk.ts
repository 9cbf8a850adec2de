/**
 * Rules of the display screens (电子显示屏), pure so they are unit tested and run unchanged in
 * the browser: local time in Asia/Shanghai, night hours, urgent notices, the burn-in shift, the
 * daily reload, and what counts as a complete new kiosk page.
 */
import { dateInShanghai, parseLocalDateTime, type CalendarDate } from './dates.ts';

export interface NightHours {
  /** `HH:mm`, local time. */
  from: string;
  to: string;
  mode: 'dim' | 'blank';
}

export interface KioskNotice {
  title: string;
  text: string;
  /** `YYYY-MM-DD HH:mm`, Asia/Shanghai. */
  start: string;
  end: string;
  urgent: boolean;
  /** Preset ids; empty means every screen. */
  screens: readonly string[];
}

/**
 * The local date and time of day in Asia/Shanghai at an instant, whatever the screen PC's
 * own time zone is set to.
 * @example localClock(Date.UTC(2026, 10, 25, 16, 5)) // { date: '2026-11-26', time: '00:05' }
 */
export function localClock(instant: number): { date: CalendarDate; time: string } {
  const shifted = new Date(instant + 8 * 3_600_000);
  return { date: dateInShanghai(new Date(instant)), time: shifted.toISOString().slice(11, 16) };
}

/**
 * Whether `time` falls in the night hours; a range may run over midnight (22:00–06:30).
 * @example isNight('23:10', { from: '22:00', to: '06:30', mode: 'dim' }) // true
 */
export function isNight(time: string, night: NightHours | undefined): boolean {
  if (!night || night.from === night.to) return false;
  return night.from < night.to ? time >= night.from && time < night.to : time >= night.from || time < night.to;
}

/**
 * The urgent notice to show now on this screen, if any: only inside its start–end window.
 * When several apply, the one that started last wins.
 */
export function activeUrgentNotice(notices: readonly KioskNotice[], now: number, screen: string): KioskNotice | undefined {
  return notices
    .filter((n) => n.urgent && (n.screens.length === 0 || n.screens.includes(screen)))
    .filter((n) => {
      const start = parseLocalDateTime(n.start);
      const end = parseLocalDateTime(n.end);
      return start !== undefined && end !== undefined && now >= start && now < end;
    })
    .sort((a, b) => (a.start < b.start ? 1 : -1))[0];
}

/** Offsets in px the picture cycles through against burn-in: small enough not to be noticed. */
const BURN_IN_OFFSETS: readonly (readonly [number, number])[] = [
  [0, 0],
  [3, 0],
  [3, 3],
  [0, 3],
  [-3, 3],
  [-3, 0],
  [-3, -3],
  [0, -3],
  [3, -3],
];

/**
 * The shift for the n-th step (the screen steps every few minutes).
 * @example burnInOffset(10) // [3, 0]
 */
export function burnInOffset(step: number): readonly [number, number] {
  return BURN_IN_OFFSETS[((step % BURN_IN_OFFSETS.length) + BURN_IN_OFFSETS.length) % BURN_IN_OFFSETS.length]!;
}

/** The local time of day at which a screen reloads itself once a day. */
export const DAILY_RELOAD_TIME = '04:00';

/**
 * Whether the daily reload is due: the page was loaded on an earlier day and it is now past
 * the reload time, or it has run for more than a day.
 */
export function dailyReloadDue(loadedAt: number, now: number): boolean {
  if (now - loadedAt >= 86_400_000) return true;
  const loaded = localClock(loadedAt);
  const current = localClock(now);
  return current.date > loaded.date && current.time >= DAILY_RELOAD_TIME;
}

/**
 * Whether a freshly fetched kiosk page is the new build and arrived whole: a half-deployed or
 * broken build (an error page, an empty or cut-off file, the old build) must never replace
 * what the screen shows.
 */
export function isCompleteKioskPage(status: number, html: string, build: string): boolean {
  return status === 200 && html.includes(`data-build="${build}"`) && /<\/html>\s*$/i.test(html) && html.includes('<kiosk-screen');
}
