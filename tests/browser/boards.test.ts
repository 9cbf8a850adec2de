/**
 * The bulletin boards (宣传栏展板) print to exactly one A3 landscape page each in Chromium's PDF
 * output, for every branch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checker/index.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { startHarness, type Harness } from '../helpers/browser.ts';

const branches = checkProject(PROJECT_ROOT).content.units.filter((u) => u.data.kind === '党支部');
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('bulletin boards', () => {
  it('exist for every branch', () => {
    expect(branches.length).toBe(4);
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
