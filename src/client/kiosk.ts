/**
 * <kiosk-screen>: runs a display screen unattended. One timer ticks every second and, from the
 * clock alone, decides everything: which slide shows, whether an urgent notice interrupts, night
 * dimming, the burn-in shift, countdowns, the daily reload. It never adds nodes to the page, so
 * memory stays flat over weeks. It reloads only for a new build whose kiosk page arrived whole,
 * and a service worker keeps the last good page on screen when the network or server is down.
 *
 * URL parameters for setting up a screen: ?slide=<kind> holds one slide (no rotation),
 * ?nosw=1 removes the service worker (the kill switch).
 */
import { nextActivityDay, daysBetween, formatDate } from '../lib/dates.ts';
import { countdownText } from '../lib/format.ts';
import {
  activeUrgentNotice,
  burnInOffset,
  dailyReloadDue,
  isCompleteKioskPage,
  isNight,
  localClock,
  type KioskNotice,
  type NightHours,
} from '../lib/kiosk.ts';

interface KioskConfig {
  screen: string;
  dwellSeconds: number;
  night: NightHours | null;
  notices: KioskNotice[];
}

const VERSION_EVERY_MS = 60_000;
const BURN_IN_EVERY_MS = 180_000;
const COUNTDOWN_EVERY_MS = 60_000;

export class KioskScreen extends HTMLElement {
  #config!: KioskConfig;
  #slides: HTMLElement[] = [];
  #notice!: HTMLElement;
  #index = 0;
  #slideSince = 0;
  #loadedAt = 0;
  #lastVersionCheck = 0;
  #lastCountdown = -Infinity;
  #burnInStep = -1;
  #timer: ReturnType<typeof setInterval> | undefined;
  #held: string | null = null;
  #checking = false;
  #shownNotice: KioskNotice | undefined;

  connectedCallback(): void {
    this.#config = JSON.parse(this.dataset['config'] ?? '{}') as KioskConfig;
    this.#slides = [...this.querySelectorAll<HTMLElement>('.slide:not([data-slide="notice"])')];
    this.#notice = this.querySelector<HTMLElement>('.slide[data-slide="notice"]')!;
    const params = new URL(location.href).searchParams;
    this.#held = params.get('slide');
    this.#loadedAt = Date.now();
    this.#slideSince = this.#loadedAt;
    this.#lastVersionCheck = this.#loadedAt;
    if (this.#held) {
      const held = this.#slides.findIndex((s) => s.dataset['slide'] === this.#held);
      if (held >= 0) this.#show(held);
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
  }

  /** Number of slides shown since the page loaded (for the memory benchmark). */
  get changes(): number {
    return Number(this.dataset['changes'] ?? 0);
  }

  #show(index: number): void {
    this.#slides[this.#index]?.classList.remove('active');
    this.#index = index;
    this.#slides[index]?.classList.add('active');
    this.dataset['slide'] = this.#slides[index]?.dataset['slide'] ?? '';
    this.dataset['changes'] = String(this.changes + 1);
  }

  #tick(): void {
    const now = Date.now();
    const clock = localClock(now);
    this.querySelector('[data-clock]')!.textContent = `${formatDate(clock.date)} ${clock.time}`;

    const night = isNight(clock.time, this.#config.night ?? undefined);
    if (night) this.dataset['night'] = this.#config.night!.mode;
    else delete this.dataset['night'];

    const notice = activeUrgentNotice(this.#config.notices, now, this.#config.screen);
    this.#showNotice(notice);

    if (!notice && !this.#held && now - this.#slideSince >= this.#config.dwellSeconds * 1000) {
      this.#slideSince = now;
      this.#show((this.#index + 1) % this.#slides.length);
    }

    const step = Math.floor((now - this.#loadedAt) / BURN_IN_EVERY_MS);
    if (step !== this.#burnInStep) {
      this.#burnInStep = step;
      const [x, y] = burnInOffset(step);
      this.style.transform = `translate(${x}px, ${y}px)`;
    }

    if (now - this.#lastCountdown >= COUNTDOWN_EVERY_MS) {
      this.#lastCountdown = now;
      this.#updateCountdowns(clock.date);
    }

    if (now - this.#lastVersionCheck >= VERSION_EVERY_MS) {
      this.#lastVersionCheck = now;
      void this.#checkVersion();
    }

    if (dailyReloadDue(this.#loadedAt, now)) void this.#reloadIfReachable();
  }

  #showNotice(notice: KioskNotice | undefined): void {
    if (notice === this.#shownNotice) return;
    this.#shownNotice = notice;
    if (notice) {
      this.#notice.querySelector('[data-notice-title]')!.textContent = notice.title;
      this.#notice.querySelector('[data-notice-text]')!.textContent = notice.text;
      this.#slides[this.#index]?.classList.remove('active');
      this.#notice.classList.add('active');
      this.dataset['notice'] = notice.title;
    } else {
      this.#notice.classList.remove('active');
      this.#slides[this.#index]?.classList.add('active');
      delete this.dataset['notice'];
      this.#slideSince = Date.now();
    }
  }

  /** Days left and the next 党员活动日, from the screen's own clock: right after weeks of running. */
  #updateCountdowns(today: string): void {
    for (const el of this.querySelectorAll<HTMLElement>('[data-countdown]')) {
      const deadline = el.dataset['countdown']!;
      el.textContent = /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? countdownText({ daysLeft: daysBetween(today, deadline) }) : '';
    }
    for (const el of this.querySelectorAll<HTMLElement>('[data-next-activity-day]')) {
      const next = nextActivityDay(today);
      el.dataset['nextActivityDay'] = next;
      el.textContent = formatDate(next);
    }
  }

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

if (!customElements.get('kiosk-screen')) customElements.define('kiosk-screen', KioskScreen);
