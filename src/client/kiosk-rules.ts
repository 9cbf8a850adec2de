/**
 * Rules of the display screens (电子显示屏), pure so they are unit tested and run unchanged in
 * the browser: local time in Asia/Shanghai, night hours, where notices take their turn in the
 * rotation, how text is cut into pages, the burn-in shift, the daily reload, and what counts as
 * a complete new kiosk page.
 */
import { parseLocalDateTime } from '../schemas/vocabulary.ts';
import { dateInShanghai, type CalendarDate } from '../domain/dates.ts';

export interface NightHours {
  /** `HH:mm`, local time. */
  from: string;
  to: string;
  mode: 'dim' | 'blank';
}

/** What a screen needs to know of a notice to place it in the rotation; the page holds its text. */
export interface KioskNotice {
  /** The notice's entry id, which names its slide on the page. */
  id: string;
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
 * The notices in force on this screen at an instant (inside their start–end window), urgent and
 * ordinary apart, each in the order given (the page lists them by start).
 */
export function activeNotices(
  notices: readonly KioskNotice[],
  now: number,
  screen: string,
): { urgent: KioskNotice[]; ordinary: KioskNotice[] } {
  const active = notices.filter((n) => {
    if (n.screens.length > 0 && !n.screens.includes(screen)) return false;
    const start = parseLocalDateTime(n.start);
    const end = parseLocalDateTime(n.end);
    return start !== undefined && end !== undefined && now >= start && now < end;
  });
  return { urgent: active.filter((n) => n.urgent), ordinary: active.filter((n) => !n.urgent) };
}

/**
 * Where the rotation stands. A screen must never freeze on one notice (a notice's window can
 * run for weeks), so notices take places in the rotation instead of replacing it.
 */
export interface Rotation {
  /** Position in the cycle of regular slides followed by the ordinary notices in force. */
  cycle: number;
  /** Items shown since the last urgent notice. */
  sinceUrgent: number;
  /** Which urgent notice comes next when several are in force. */
  urgentTurn: number;
}

export const ROTATION_START: Rotation = { cycle: 0, sinceUrgent: 0, urgentTurn: 0 };

/**
 * The next item a screen shows, and the rotation after it. The regular slides run in order and
 * each ordinary notice in force takes its turn after them; an urgent notice in force comes after
 * at most `every - 1` other items (so at least one item in every `every`), several urgent
 * notices in turn. Items are ids chosen by the caller.
 * @example nextInRotation(ROTATION_START, ['a', 'b'], [], ['u'], 2).show // 'a'; then 'u', 'b', 'u', 'a', …
 */
export function nextInRotation(
  state: Rotation,
  slides: readonly string[],
  ordinary: readonly string[],
  urgent: readonly string[],
  every: number,
): { show: string; state: Rotation } {
  const cycle = [...slides, ...ordinary];
  if (urgent.length > 0 && (state.sinceUrgent >= Math.max(1, every - 1) || cycle.length === 0)) {
    return {
      show: urgent[state.urgentTurn % urgent.length]!,
      state: { cycle: state.cycle, sinceUrgent: 0, urgentTurn: state.urgentTurn + 1 },
    };
  }
  const position = state.cycle % Math.max(1, cycle.length);
  return {
    show: cycle[position]!,
    state: { cycle: position + 1, sinceUrgent: state.sinceUrgent + 1, urgentTurn: state.urgentTurn },
  };
}

/**
 * A rotation that shows an urgent notice next: when a notice comes into force it interrupts at
 * once, then takes its place in the rotation.
 */
export function urgentNext(state: Rotation, every: number): Rotation {
  return { ...state, sinceUrgent: Math.max(state.sinceUrgent, every - 1, 1) };
}

/**
 * The first piece of each page when pieces are laid out in order and a page holds the pieces
 * `[from, to)` for which `fits` holds. Every page holds at least one piece, so a piece too big
 * for a page still shows (on its own page) instead of stopping the screen.
 * @example pageStarts(5, (from, to) => to - from <= 2) // [0, 2, 4]
 */
export function pageStarts(count: number, fits: (from: number, to: number) => boolean): number[] {
  const starts: number[] = [];
  let from = 0;
  while (from < count) {
    starts.push(from);
    let to = from + 1;
    while (to < count && fits(from, to + 1)) to += 1;
    from = to;
  }
  return starts;
}

/**
 * The largest value in `[low, high]` for which `fits` holds (fits is assumed to hold for every
 * value below one that fits), by bisection to within 1/64 of the range; `undefined` when not
 * even `low` fits.
 * @example largestFitting(1, 3, (s) => s <= 2) // close to 2, never above
 */
export function largestFitting(low: number, high: number, fits: (value: number) => boolean): number | undefined {
  if (fits(high)) return high;
  if (!fits(low)) return undefined;
  let lo = low;
  let hi = high;
  while (hi - lo > (high - low) / 64) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Punctuation after which a sentence may continue on the next page. */
const BREAK_AFTER = /[。！？；;!?，,、：:）)]/;

/**
 * A text cut into pieces a screen can put on separate pages: after punctuation, and pieces
 * longer than `max` characters cut at `max`. Joined back, the pieces are the text unchanged.
 * @example textPieces('第一句。第二句。') // ['第一句。', '第二句。']
 */
export function textPieces(text: string, max = 40): string[] {
  const chars = [...text];
  const pieces: string[] = [];
  let current = '';
  for (const [i, c] of chars.entries()) {
    current += c;
    const atBreak = BREAK_AFTER.test(c) && !BREAK_AFTER.test(chars[i + 1] ?? '');
    if ((atBreak && [...current].length >= 8) || [...current].length >= max) {
      pieces.push(current);
      current = '';
    }
  }
  if (current) pieces.push(current);
  return pieces;
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
