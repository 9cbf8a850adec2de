/**
 * Pages for situations the shipped content need not have, built from the display-screen fixture
 * (the valid checker corpus with tests/fixtures/kiosk laid over it): an MDX post with the
 * project's components and a post with a cover image.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checker/index.ts';
import { TEXT_SIZE_SCRIPT } from '../../src/domain/text-size.ts';
import { distReader } from '../helpers/dist.ts';
import { sharedKioskFixture, type FixtureBuild } from '../helpers/kiosk-fixture.ts';

let build: FixtureBuild;
beforeAll(() => {
  build = sharedKioskFixture();
}, 240_000);
afterAll(() => build?.remove());

/** A built page, without Astro's scoping attributes, which say nothing about content. */
const read = (path: string) => readFileSync(join(build.dist, path), 'utf8').replace(/ data-astro-cid-\w+/g, '');

describe('posts', () => {
  it('renders the MDX post with the project components and no script beyond the text-size one', () => {
    const { content } = checkProject(build.root);
    const title = content.measures.find((m) => m.id === '1-1')!.data.title;
    const html = read('posts/with-components/index.html');
    expect(html).toContain('<aside class="callout" aria-label="方案原文"');
    expect(html).toContain(`<a href="/measures/1-1/">措施 1-1「${title}」</a>`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script>${TEXT_SIZE_SCRIPT}</script>`);
  });

  it('serves the post cover as optimised images with width and height, the smallest small enough for a phone', () => {
    const html = read('posts/with-cover/index.html');
    expect(html).toMatch(/<img[^>]+srcset="[^"]+\.webp 360w/);
    expect(html).toMatch(/<img[^>]+width="\d+"[^>]+height="\d+"/);
    const { readPage, fileFor } = distReader(build.dist);
    const img = readPage('/posts/with-cover/').querySelector('img')!;
    const smallest = img.getAttribute('srcset')!.split(',')[0]!.trim().split(' ')[0]!;
    expect(statSync(fileFor(smallest)!).size).toBeLessThan(12 * 1024);
  });
});
