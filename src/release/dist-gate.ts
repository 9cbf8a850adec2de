/**
 * The final gate over the built site (dist/): every emitted file is scanned for personal data
 * and for active content, whatever produced it — a page, a feed, a calendar, a CSV, a picture,
 * a file name, or the Pagefind search index (decompressed). The checker and the sanitiser stop
 * these earlier; this gate is what makes "nothing private or hostile is published" hold even
 * when something slipped between them.
 *
 * Active content means: a `<script>` other than the project's own (a bundle under /_astro/ or
 * /pagefind/, an inline script whose hash the page's CSP lists, or on /admin/ only the content
 * editor's vendored script with its integrity hash), an `on…` attribute, a
 * `javascript:`/`vbscript:`/`data:` URL in any attribute, a `<meta http-equiv="refresh">` to
 * another site, frames and plugins (`iframe`, `object`, `embed`, `base`…), and in SVG any script
 * or `foreignObject`.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'parse5';
import { ADMIN_PAGE, ADMIN_SCRIPT_URL, integrityOf } from './admin.ts';
import { decodeText } from '../domain/csv.ts';
import { findPersonalData, type PersonalDataHit } from '../checker/privacy.ts';

export interface GateHit {
  /** dist-relative path. */
  file: string;
  line: number;
  /** What was found, in Chinese. */
  message: string;
  /** Digits of a personal-data hit, to trace it to a source file. */
  digits?: string;
}

const TEXT = /\.(html?|xml|rss|ics|csv|json|txt|js|mjs|css|webmanifest|svg|sha256|ya?ml)$/i;
const MARKUP = /\.(html?|svg)$/i;
const FEED = /\.(xml|rss|ics|csv|json|txt)$/i;
/**
 * Pagefind's page texts, metadata and filters. Its word index (`.pf_index`) is derived from the
 * same texts with punctuation removed, so an honest `1.3333333333` is a word `13333333333` there:
 * the texts are scanned instead, where a number stands as it was written and its separators
 * are normalised like everywhere else. The word index adds nothing that is not in the texts.
 */
const PAGEFIND_TEXT = /\.pf_(fragment|meta|filter)$/;
const PAGEFIND_INDEX = /\.pf_index$/;
/** Elements no page of this site has, in any form. */
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'foreignobject']);
const SCRIPT_URL = /^(javascript|vbscript|data):/;
const OWN_SCRIPT = /^\/(_astro|pagefind)\/[^/]+\.m?js$/;

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

function personalData(file: string, text: string, out: GateHit[], what = '') {
  for (const hit of findPersonalData(text)) out.push(describePersonal(file, lineAt(text, hit.index), hit, what));
}

function describePersonal(file: string, line: number, hit: PersonalDataHit, what: string): GateHit {
  const kind = hit.kind === 'id-card' ? '身份证号码' : '手机号码';
  return { file, line, message: `${what}发现${kind} ${hit.masked}`, digits: hit.digits };
}

/** A URL as a browser reads it: without the whitespace and control characters it ignores, lower case. */
const urlScheme = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();

interface Parse5Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  content?: Parse5Node;
  value?: string;
  sourceCodeLocation?: { startLine: number } | null;
}

/** Every element under `node`, in document order (templates' content included). */
function elements(node: Parse5Node): Parse5Node[] {
  const out: Parse5Node[] = [];
  const visit = (parent: Parse5Node) => {
    for (const child of parent.childNodes ?? []) {
      if (child.tagName) out.push(child);
      visit(child);
    }
    if (parent.content) {
      if (parent.content.tagName) out.push(parent.content);
      visit(parent.content);
    }
  };
  visit(node);
  return out;
}

const attribute = (node: Parse5Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

/** The `script-src` hashes of the page's CSP meta element. */
function cspScriptHashes(nodes: readonly Parse5Node[]): Set<string> {
  const hashes = new Set<string>();
  for (const node of nodes) {
    if (node.tagName !== 'meta' || attribute(node, 'http-equiv')?.toLowerCase() !== 'content-security-policy') continue;
    const scriptSrc = (attribute(node, 'content') ?? '').split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    for (const m of scriptSrc.matchAll(/'(sha256-[A-Za-z0-9+/=]+)'/g)) hashes.add(m[1]!);
  }
  return hashes;
}

const textOf = (node: Parse5Node) =>
  (node.childNodes ?? [])
    .filter((c) => c.nodeName === '#text')
    .map((c) => c.value ?? '')
    .join('');

/** The integrity of /admin/'s script as it is in dist/, or undefined when it is missing. */
function vendoredIntegrity(dist: string): string | undefined {
  try {
    return integrityOf(readFileSync(join(dist, ADMIN_SCRIPT_URL)));
  } catch {
    return undefined;
  }
}

/** Whether /admin/'s script is the file its page declares by integrity hash. */
function vendoredIsDeclared(dist: string): boolean {
  let page: string;
  try {
    page = readFileSync(join(dist, ADMIN_PAGE), 'utf8');
  } catch {
    return false;
  }
  const declared = /<script src="([^"]+)" integrity="([^"]+)"><\/script>/.exec(page);
  return declared?.[1] === ADMIN_SCRIPT_URL && declared[2] === vendoredIntegrity(dist);
}

/**
 * Active content in a page or an SVG file, parsed as a browser parses it (parse5). Parsing with
 * source locations took twice as long, and they only serve to name the line of a hit: a page is
 * parsed without them, and again with them only when it has something to report.
 */
function activeContent(file: string, text: string, out: GateHit[], dist: string) {
  const found: GateHit[] = [];
  activeNodes(file, parse(text) as unknown as Parse5Node, found, dist);
  if (found.length > 0) activeNodes(file, parse(text, { sourceCodeLocationInfo: true }) as unknown as Parse5Node, out, dist);
}

function activeNodes(file: string, document: Parse5Node, out: GateHit[], dist: string) {
  const svg = /\.svg$/i.test(file);
  const nodes = elements(document);
  const hashes = cspScriptHashes(nodes);
  for (const node of nodes) {
    const tag = node.tagName!.toLowerCase();
    const hit = (message: string) => out.push({ file, line: node.sourceCodeLocation?.startLine ?? 1, message });
    if (tag === 'script') {
      const src = attribute(node, 'src');
      if (svg) hit('SVG 中有 <script>');
      else if (src !== undefined) {
        if (file === ADMIN_PAGE && src === ADMIN_SCRIPT_URL) {
          // The content editor's one vendored script, on its one page, only as the package shipped it.
          if (attribute(node, 'integrity') !== vendoredIntegrity(dist))
            hit(`<script src="${src}"> 与其 integrity 不符：不是随软件包发布的文件`);
        } else if (!OWN_SCRIPT.test(src)) hit(`<script src="${src.slice(0, 80)}"> 不是本站构建的脚本`);
      } else {
        const digest = `sha256-${createHash('sha256').update(textOf(node)).digest('base64')}`;
        if (!hashes.has(digest)) hit('内联 <script> 不是本站构建的脚本（不在本页 CSP 的哈希中）');
      }
    }
    if (FORBIDDEN_ELEMENTS.has(tag)) hit(`<${tag}> 元素`);
    if (tag === 'meta' && attribute(node, 'http-equiv')?.toLowerCase() === 'refresh') {
      const target = /url\s*=\s*['"]?([^'";]*)/i.exec(attribute(node, 'content') ?? '')?.[1]?.trim() ?? '';
      if (!target.startsWith('/') || target.startsWith('//'))
        hit(`<meta http-equiv="refresh"> 跳转到 ${target.slice(0, 80) || '（空）'}：只允许跳到本站页面`);
    }
    for (const { name, value } of node.attrs ?? []) {
      if (/^on/i.test(name)) hit(`<${tag}> 上有事件属性 ${name}`);
      // A value without a colon has no scheme, whatever urlScheme() removes from it.
      if (!value.includes(':')) continue;
      const scheme = urlScheme(value);
      // data: images are how Astro inlines tiny pictures; everything else data: can carry a page.
      if (SCRIPT_URL.test(scheme) && !/^data:image\/(png|jpeg|gif|webp|avif)[;,]/.test(scheme))
        hit(`<${tag}> 的 ${name} 是 ${scheme.split(':')[0]}: 地址`);
    }
  }
}

/** Feeds, calendars and tables carry text from content: no markup that would run when opened as HTML. */
function feedContent(file: string, text: string, out: GateHit[]) {
  for (const m of text.matchAll(/<script\b|javascript:|vbscript:|http-equiv\s*=\s*["']?refresh/gi)) {
    out.push({ file, line: lineAt(text, m.index), message: `含有 ${m[0]}` });
  }
  // In RSS, HTML is escaped: decode once and look again.
  if (/&lt;/.test(text)) {
    const unescaped = text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    for (const m of unescaped.matchAll(/<script\b|\son[a-z]+\s*=|javascript:/gi)) {
      out.push({ file, line: lineAt(unescaped, m.index), message: `转义的 HTML 中含有 ${m[0].trim()}` });
    }
  }
}

/** Every file under `dir`, dist-relative with `/`, and symbolic links apart. */
export function listDist(dir: string): { files: string[]; links: string[] } {
  const files: string[] = [];
  const links: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (entry.isSymbolicLink()) links.push(path);
    else if (entry.isFile()) files.push(path);
  }
  return { files: files.sort(), links };
}

/** What the gate says of symbolic links: a release is plain files. */
export const linkHits = (links: readonly string[]): GateHit[] => links.map((file) => ({ file, line: 1, message: '构建结果中有符号链接' }));

/**
 * Scans the given files of the built site at `dist` (dist-relative paths). Each file stands on
 * its own, so the files can be shared out among workers (src/release/gate-pool.ts); only /admin/'s
 * page and script are read together, and both are always in dist/ when they are scanned.
 */
export function scanFiles(dist: string, files: readonly string[]): GateHit[] {
  const out: GateHit[] = [];
  for (const file of files) {
    let name = file;
    try {
      name = decodeURIComponent(file);
    } catch {
      // scanned as written
    }
    for (const hit of findPersonalData(name)) out.push(describePersonal(file, 1, hit, '文件名中'));
    if (PAGEFIND_INDEX.test(file)) continue;
    if (PAGEFIND_TEXT.test(file)) {
      const bytes = readFileSync(join(dist, file));
      let data: Buffer;
      try {
        data = gunzipSync(bytes);
      } catch {
        data = bytes;
      }
      personalData(file, data.toString('utf8'), out, '搜索索引中');
      continue;
    }
    if (!TEXT.test(file) || lstatSync(join(dist, file)).size > 50_000_000) continue;
    const text = decodeText(readFileSync(join(dist, file))).text;
    // The editor's vendored program is code, not content, and its digits (a 2,000 KB bundle)
    // read as false ID numbers; it is skipped only while it is byte for byte what the admin
    // page's integrity hash declares, which the page check below enforces.
    if (`/${file}` !== ADMIN_SCRIPT_URL || !vendoredIsDeclared(dist)) personalData(file, text, out);
    if (MARKUP.test(file)) activeContent(file, text, out, dist);
    else if (FEED.test(file)) feedContent(file, text, out);
  }
  return out;
}

/** A file's SHA-256 in hex, as `sha256sum` prints it (the manifest's lines). */
export const fileDigest = (dist: string, file: string): string =>
  createHash('sha256')
    .update(readFileSync(join(dist, file)))
    .digest('hex');

/** Scans every file of the built site at `dist`, in this thread (the build uses gate-pool.ts). */
export function scanDist(dist: string): GateHit[] {
  const { files, links } = listDist(dist);
  return [...linkHits(links), ...scanFiles(dist, files)];
}
