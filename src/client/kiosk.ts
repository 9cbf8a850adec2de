/**
 * <kiosk-screen>: runs a display screen unattended. One timer ticks every second and, from the
 * clock alone, decides everything: which slide and page show, where notices take their turn,
 * night dimming, the burn-in shift, countdowns, the daily reload. Each slide's text is fitted to
 * the screen when it shows (largest size that fits, down to the preset's smallest readable size,
 * then further pages). It never adds nodes to the page, so memory stays flat over weeks. It
 * reloads only for a new build whose kiosk page arrived whole, and a service worker keeps the
 * last good page on screen when the network or server is down.
 *
 * URL parameters for setting up a screen: ?slide=<id> holds one slide (no rotation; a notice's
 * id is notice:<file name>) and &page=<n> one of its pages, ?nosw=1 removes the service worker
 * (the kill switch).
 */
import { daysBetween, formatDate } from '../domain/dates.ts';
import { nextOccurrence, type RecurrenceRule } from '../domain/recurrence.ts';
import { countdownText } from '../domain/format.ts';
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
  urgentNext,
  type KioskNotice,
  type NightHours,
  type Rotation,
} from './kiosk-rules.ts';

interface KioskConfig {
  screen: string;
  dwellSeconds: number;
  noticeSeconds: number;
  urgentEvery: number;
  minFontSize: number;
  night: NightHours | null;
  notices: KioskNotice[];
}

/**
 * How a slide fits the screen: its text scale and where its pages start, good for one layout
 * (the stage's size and the text as it stood when measured).
 */
interface SlideFit {
  layout: string;
  scale: number;
  pages: number[];
}

const VERSION_EVERY_MS = 60_000;
const BURN_IN_EVERY_MS = 180_000;
const COUNTDOWN_EVERY_MS = 60_000;
/** Text grows up to this factor of the base size when a slide has room (tall screens, short lists). */
const MAX_SCALE = 1.8;

const noticeId = (n: KioskNotice): string => `notice:${n.id}`;

export class KioskScreen extends HTMLElement {
  #config!: KioskConfig;
  #slides = new Map<string, HTMLElement>();
  #regular: string[] = [];
  #fits = new Map<HTMLElement, SlideFit>();
  #current!: HTMLElement;
  #page = 0;
  #rotation: Rotation = ROTATION_START;
  #urgentInForce = new Set<string>();
  #slideSince = 0;
  #loadedAt = 0;
  #lastVersionCheck = 0;
  #lastCountdown = -Infinity;
  #burnInStep = -1;
  #timer: ReturnType<typeof setInterval> | undefined;
  #held: string | null = null;
  #checking = false;
  /** Counts changes to the slides' text (countdowns, fonts): a fit measured before one is stale. */
  #textVersion = 0;

  connectedCallback(): void {
    this.#config = JSON.parse(this.dataset['config'] ?? '{}') as KioskConfig;
    document.documentElement.style.setProperty('--k-min', `${this.#config.minFontSize}px`);
    for (const slide of this.querySelectorAll<HTMLElement>('.slide[data-id]')) this.#slides.set(slide.dataset['id']!, slide);
    this.#regular = [...this.#slides.keys()].filter((id) => !id.startsWith('notice:'));
    this.#current = this.querySelector<HTMLElement>('.slide.active') ?? this.#slides.get(this.#regular[0]!)!;
    const params = new URL(location.href).searchParams;
    this.#held = params.get('slide');
    this.#loadedAt = Date.now();
    this.#lastVersionCheck = this.#loadedAt;
    // The footer's clock and the countdowns first: the page was built with the build date's
    // countdowns, and the text the screen's own clock writes is what must fit.
    this.#updateClock(this.#loadedAt);
    this.#lastCountdown = this.#loadedAt;
    this.#updateCountdowns(localClock(this.#loadedAt).date);
    document.fonts.addEventListener('loadingdone', this.#onFontsLoaded);
    const held = this.#held ? this.#slides.get(this.#held) : undefined;
    if (held) this.#show(held, Math.max(0, Number(params.get('page') ?? 1) - 1));
    else {
      // Started inside an urgent notice's window: the notice first, then the slides from the top.
      const { urgent } = activeNotices(this.#config.notices, this.#loadedAt, this.#config.screen);
      this.#urgentInForce = new Set(urgent.map(noticeId));
      if (urgent.length > 0) this.#rotation = urgentNext(this.#rotation, this.#config.urgentEvery);
      this.#nextItem(this.#loadedAt);
    }
    this.#setUpServiceWorker(params.has('nosw'));
    void this.#keepAwake();
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#tick();
    this.#timer = setInterval(() => this.#tick(), 1000);
  }

  disconnectedCallback(): void {
    clearInterval(this.#timer);
    document.removeEventListener('visibilitychange', this.#onVisible);
    document.fonts.removeEventListener('loadingdone', this.#onFontsLoaded);
  }

  /** Number of slides shown since the page loaded (for the memory benchmark). */
  get changes(): number {
    return Number(this.dataset['changes'] ?? 0);
  }

  /** Shows a slide at one of its pages, fitting its text first; `change` counts it as a slide change. */
  #show(slide: HTMLElement, page: number, change = true): void {
    if (slide !== this.#current) {
      this.#current.classList.remove('active');
      this.#current = slide;
      slide.classList.add('active');
    }
    const fit = this.#fit(slide);
    this.#page = Math.min(page, fit.pages.length - 1);
    this.#showPage(slide, fit, this.#page);
    this.dataset['slide'] = slide.dataset['id'] ?? '';
    this.dataset['page'] = `${this.#page + 1}/${fit.pages.length}`;
    if (change) this.dataset['changes'] = String(this.changes + 1);
  }

  /** After the dwell time: the slide's next page, or the next item of the rotation. */
  #advance(now: number): void {
    const fit = this.#fits.get(this.#current);
    if (fit && this.#page + 1 < fit.pages.length) {
      this.#slideSince = now;
      this.#show(this.#current, this.#page + 1);
    } else this.#nextItem(now);
  }

  /** The next item of the rotation (see nextInRotation), from its first page. */
  #nextItem(now: number): void {
    this.#slideSince = now;
    const { urgent, ordinary } = activeNotices(this.#config.notices, now, this.#config.screen);
    const next = nextInRotation(this.#rotation, this.#regular, ordinary.map(noticeId), urgent.map(noticeId), this.#config.urgentEvery);
    this.#rotation = next.state;
    this.#show(this.#slides.get(next.show) ?? this.#current, 0);
  }

  #fit(slide: HTMLElement): SlideFit {
    const layout = this.#layout();
    const known = this.#fits.get(slide);
    if (known?.layout === layout) return known;
    const pieces = [...slide.querySelectorAll<HTMLElement>('[data-piece]')];
    const setScale = (scale: number) => slide.style.setProperty('--fit', String(scale));
    const showRange = (from: number, to: number) => pieces.forEach((p, i) => p.classList.toggle('off', i < from || i >= to));
    showRange(0, pieces.length);
    setScale(1);
    const smallest = smallestFont(slide);
    const min = Math.min(MAX_SCALE, this.#config.minFontSize / smallest);
    const largest = () =>
      largestFitting(min, MAX_SCALE, (s) => {
        setScale(s);
        return fitsOnScreen(slide);
      });
    slide.classList.remove('tight');
    let scale = largest();
    if (scale === undefined && slide.querySelector('.elastic')) {
      // A small screen: the chart or QR code gives up some of its room before the text pages.
      slide.classList.add('tight');
      scale = largest();
    }
    let fit: SlideFit;
    if (scale !== undefined) fit = { layout, scale, pages: [0] };
    else {
      // Too much even at the smallest readable size: continue on further pages. Measured with
      // the widest page number the heading can get, which may wrap it.
      setScale(min);
      const label = slide.querySelector('[data-page-no]');
      if (label) label.textContent = `${pieces.length}/${pieces.length}`;
      const pages = pageStarts(pieces.length, (from, to) => {
        showRange(from, to);
        return fitsOnScreen(slide);
      });
      fit = { layout, scale: min, pages: pages.length > 0 ? pages : [0] };
    }
    setScale(fit.scale);
    this.#fits.set(slide, fit);
    return fit;
  }

  #showPage(slide: HTMLElement, fit: SlideFit, page: number): void {
    const pieces = slide.querySelectorAll<HTMLElement>('[data-piece]');
    const from = fit.pages[page] ?? 0;
    const to = fit.pages[page + 1] ?? pieces.length;
    pieces.forEach((p, i) => p.classList.toggle('off', i < from || i >= to));
    const label = slide.querySelector('[data-page-no]');
    if (label) label.textContent = fit.pages.length > 1 ? `${page + 1}/${fit.pages.length}` : '';
  }

  #updateClock(now: number): void {
    const clock = localClock(now);
    this.querySelector('[data-clock]')!.textContent = `${formatDate(clock.date)} ${clock.time}`;
  }

  /** The room the slides have and their text: a fit is good for as long as both stay the same. */
  #layout(): string {
    const stage = this.#current.parentElement!;
    return `${stage.clientWidth}x${stage.clientHeight}#${this.#textVersion}`;
  }

  #tick(): void {
    const now = Date.now();
    const clock = localClock(now);
    this.#updateClock(now);
    if (now - this.#lastCountdown >= COUNTDOWN_EVERY_MS) {
      this.#lastCountdown = now;
      this.#updateCountdowns(clock.date);
    }
    // The room or the text changed (window resized, footer rewrapped, a countdown grew at
    // midnight): fit the slide on screen again.
    if (this.#fits.get(this.#current)?.layout !== this.#layout()) this.#show(this.#current, this.#page, false);

    const night = isNight(clock.time, this.#config.night ?? undefined);
    if (night) this.dataset['night'] = this.#config.night!.mode;
    else delete this.dataset['night'];

    if (!this.#held) this.#rotate(now);

    const step = Math.floor((now - this.#loadedAt) / BURN_IN_EVERY_MS);
    if (step !== this.#burnInStep) {
      this.#burnInStep = step;
      const [x, y] = burnInOffset(step);
      this.style.transform = `translate(${x}px, ${y}px)`;
    }

    if (now - this.#lastVersionCheck >= VERSION_EVERY_MS) {
      this.#lastVersionCheck = now;
      void this.#checkVersion();
    }

    if (dailyReloadDue(this.#loadedAt, now)) void this.#reloadIfReachable();
  }

  /**
   * Moves on after the dwell time. A notice coming into force interrupts at once and then takes
   * its turn; a notice whose window closes while it shows gives way at once.
   */
  #rotate(now: number): void {
    const { urgent, ordinary } = activeNotices(this.#config.notices, now, this.#config.screen);
    const inForce = new Set(urgent.map(noticeId));
    const arrived = [...inForce].some((id) => !this.#urgentInForce.has(id));
    this.#urgentInForce = inForce;
    const currentId = this.#current.dataset['id'] ?? '';
    const ended = currentId.startsWith('notice:') && !inForce.has(currentId) && !ordinary.some((n) => noticeId(n) === currentId);
    const dwell = (currentId.startsWith('notice:') ? this.#config.noticeSeconds : this.#config.dwellSeconds) * 1000;
    if (arrived && !currentId.startsWith('notice:')) {
      this.#rotation = urgentNext(this.#rotation, this.#config.urgentEvery);
      this.#nextItem(now);
    } else if (ended) this.#nextItem(now);
    else if (now - this.#slideSince >= dwell) this.#advance(now);
  }

  /**
   * Days left and the next date of each recurring obligation (its rule is in the page), from the
   * screen's own clock: right after weeks of running.
   */
  #updateCountdowns(today: string): void {
    // Longer text wraps differently: every fit measured before the change is stale.
    const write = (el: HTMLElement, text: string) => {
      if (el.textContent === text) return;
      el.textContent = text;
      this.#textVersion += 1;
    };
    for (const el of this.querySelectorAll<HTMLElement>('[data-countdown]')) {
      const deadline = el.dataset['countdown']!;
      write(el, /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? countdownText({ daysLeft: daysBetween(today, deadline) }) : '');
    }
    for (const el of this.querySelectorAll<HTMLElement>('[data-next-occurrence]')) {
      const rule = JSON.parse(el.dataset['nextOccurrence']!) as RecurrenceRule;
      write(el, formatDate(nextOccurrence(rule, today)));
    }
  }

  /** A font that arrived late sets the text in other widths: fit again. */
  #onFontsLoaded = (): void => {
    this.#textVersion += 1;
  };

  /** Reloads for a new build only when its kiosk page loads whole; anything else keeps the screen as it is. */
  async #checkVersion(): Promise<void> {
    if (this.#checking) return;
    this.#checking = true;
    try {
      const response = await fetch('/version.json', { cache: 'no-store' });
      if (!response.ok) return;
      const { build } = (await response.json()) as { build?: string };
      if (!build || build === this.dataset['build']) return;
      const page = await fetch(location.pathname, { cache: 'no-store' });
      const html = await page.text();
      if (isCompleteKioskPage(page.status, html, build)) location.reload();
    } catch {
      // Network or server down: keep showing what is on screen.
    } finally {
      this.#checking = false;
    }
  }

  async #reloadIfReachable(): Promise<void> {
    if (this.#checking) return;
    this.#checking = true;
    try {
      const page = await fetch(location.pathname, { cache: 'no-store' });
      const html = await page.text();
      // The service worker answers with the last good page when the server cannot.
      if (page.ok && html.includes('<kiosk-screen')) location.reload();
    } catch {
      /* try again on the next tick */
    } finally {
      this.#checking = false;
    }
  }

  #setUpServiceWorker(kill: boolean): void {
    if (!('serviceWorker' in navigator)) return;
    if (kill) {
      void navigator.serviceWorker.getRegistrations().then((regs) => Promise.all(regs.map((r) => r.unregister())));
      return;
    }
    void navigator.serviceWorker
      .register('/kiosk/sw.js', { scope: '/kiosk/' })
      .then(() => navigator.serviceWorker.ready)
      .then(async () => {
        // Only requests from a controlled page go through the worker; claiming may lag 'ready'.
        if (!navigator.serviceWorker.controller) {
          await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
        }
        // The page and its files loaded before the worker existed: fetch them once through it,
        // so the last good copy is there when the network goes down.
        const own = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => new URL(u).origin === location.origin && !u.endsWith('/version.json'));
        await Promise.all([location.pathname, ...own].map((u) => fetch(u).catch(() => undefined)));
        this.dataset['offlineReady'] = '';
      })
      .catch(() => undefined);
  }

  #onVisible = (): void => {
    if (document.visibilityState === 'visible') void this.#keepAwake();
  };

  /** Screen Wake Lock where the browser offers it, so the PC does not blank the screen. */
  async #keepAwake(): Promise<void> {
    try {
      await (navigator as Navigator & { wakeLock?: { request: (t: 'screen') => Promise<unknown> } }).wakeLock?.request('screen');
    } catch {
      /* not offered, or not allowed: the PC's power settings must keep the screen on */
    }
  }
}

/** The smallest font size (px) of the text in an element. */
function smallestFont(root: HTMLElement): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (const el of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
    if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) continue;
    smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(el).fontSize));
  }
  return Number.isFinite(smallest) ? smallest : Number.parseFloat(getComputedStyle(root).fontSize);
}

/**
 * Whether a slide shows all its visible content: nothing spills past the slide, no box of text
 * holds more than it shows, and every line of text lies inside the slide (the same rules the
 * browser tests hold every slide to).
 */
function fitsOnScreen(slide: HTMLElement): boolean {
  if (slide.scrollHeight > slide.clientHeight || slide.scrollWidth > slide.clientWidth) return false;
  for (const el of slide.querySelectorAll<HTMLElement>('p, li, dt, dd, h2, h3, span, strong')) {
    if (el.clientWidth === 0 || el.classList.contains('off')) continue;
    if (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight) return false;
  }
  // Every line of text by its own box, so that a line hidden by a clipping box around it (whose
  // own size says nothing) counts too. A glyph box may stand out of its line box by the
  // half-leading when line-height is below the font's content height; that much is allowed.
  const room = slide.getBoundingClientRect();
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    const lineHeight = Number.parseFloat(getComputedStyle(node.parentElement!).lineHeight);
    range.selectNodeContents(node);
    for (const line of range.getClientRects()) {
      if (line.width === 0) continue;
      const slack = Number.isFinite(lineHeight) ? Math.max(0, (line.height - lineHeight) / 2) + 0.5 : 0.5;
      if (line.top < room.top - slack || line.bottom > room.bottom + slack || line.left < room.left - 0.5 || line.right > room.right + 0.5)
        return false;
    }
  }
  return true;
}

if (!customElements.get('kiosk-screen')) customElements.define('kiosk-screen', KioskScreen);
