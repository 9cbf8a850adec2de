/**
 * /admin/'s one script passes the final gate only as vendored: on the admin page, at its one
 * address, byte for byte what the page's integrity hash declares, fetching nothing from a CDN.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_CSP, ADMIN_PAGE, ADMIN_SCRIPT_URL, VENDORED, vendoredScript, writeAdmin } from '../../src/release/admin.ts';
import { scanDist } from '../../src/release/dist-gate.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function adminDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'admin-gate-'));
  made.push(dist);
  writeAdmin(PROJECT_ROOT, dist);
  return dist;
}

describe('vendored editor', () => {
  it('fetches its strings, version and fonts from this site, not from a CDN', () => {
    const script = vendoredScript(PROJECT_ROOT).toString('utf8');
    for (const { inBundle, served } of VENDORED) {
      expect(script).not.toContain(inBundle);
      expect(script).toContain(`/admin/${served}`);
    }
    expect(script).not.toMatch(/cdn\.jsdelivr\.net\/fontsource/);
  });

  it('writes a noindex page with its own CSP and an integrity hash', () => {
    const dist = adminDist();
    const page = readFileSync(join(dist, ADMIN_PAGE), 'utf8');
    expect(page).toContain(`content="${ADMIN_CSP}"`);
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toMatch(/<script src="\/admin\/sveltia-cms\.js" integrity="sha384-[A-Za-z0-9+/=]+"><\/script>/);
    expect(scanDist(dist)).toEqual([]);
  });

  it('refuses the script when it differs from the integrity hash', () => {
    const dist = adminDist();
    const file = join(dist, ADMIN_SCRIPT_URL);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nfetch('https://evil.example/');`);
    expect(scanDist(dist).map((h) => h.file)).toContain(ADMIN_PAGE);
  });

  it('refuses the same script on any other page', () => {
    const dist = adminDist();
    mkdirSync(join(dist, 'notices'), { recursive: true });
    cpSync(join(dist, ADMIN_PAGE), join(dist, 'notices/index.html'));
    expect(scanDist(dist)).toEqual([
      expect.objectContaining({ file: 'notices/index.html', message: expect.stringContaining('不是本站构建的脚本') }),
    ]);
  });
});
