/**
 * The bulletin boards (宣传栏展板) print to exactly one A3 landscape page each in Chromium's PDF
 * output, for every unit whose kind has a board (the settings' unitKinds, or the default kinds).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checker/index.ts';
import { DEFAULT_UNIT_KINDS } from '../../src/schemas/index.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { DIST } from '../helpers/dist.ts';
import { startHarness, type Harness } from '../helpers/browser.ts';

const { content } = checkProject(PROJECT_ROOT);
const kinds = content.settings.find((s) => s.id === 'site')?.data.unitKinds ?? DEFAULT_UNIT_KINDS;
const boardKinds = new Set(kinds.filter((k) => k.board).map((k) => k.name));
const branches = content.units.filter((u) => boardKinds.has(u.data.kind));
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('bulletin boards', () => {
  it('exist for every unit whose kind has one, and for no other', () => {
    const built = existsSync(join(DIST, 'boards'))
      ? readdirSync(join(DIST, 'boards')).filter((d) => existsSync(join(DIST, 'boards', d, 'index.html')))
      : [];
    expect(built.sort()).toEqual(branches.map((b) => b.id).sort());
  });

  it.each(branches.map((b) => [b.id, b.data.name]))('%s prints on one A3 landscape page', async (id, name) => {
    const page = await h.browser.newPage();
    await page.goto(`${h.url}/boards/${id}/`);
    expect(await page.textContent('h1')).toContain(name);
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    await page.close();
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages).toHaveLength(1);
    const box = /MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)!;
    // A3 is 420 × 297 mm: 1190.55 × 841.89 pt.
    expect(Math.round(Number(box[1]))).toBe(1191);
    expect(Math.round(Number(box[2]))).toBe(842);
  });
});
