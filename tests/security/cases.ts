/**
 * Hostile and honest content for the security suite, each a few files laid over the valid
 * fixture corpus (tests/fixtures/valid). Every case says what `npm run check` reports for it,
 * and what happens when the site is built without the checker:
 *
 * - `guard`: MDX that would run code; the build's remark guard refuses it (build fails).
 * - `sanitised`: HTML or URLs that would run in a reader's browser; the build's sanitiser drops
 *   them, and `absent` lists what must not be in the built page.
 * - `gate`: personal data; it reaches dist/ and the final gate fails the build, naming `gate.file`
 *   (in dist/) and `gate.source`.
 * - `neutralised`: a spreadsheet formula; the CSV outputs carry it with a leading `'`.
 * - `checker`: input the build cannot read (bad YAML, encodings, links, images…); only the
 *   checker's build (which runs it first) is exercised, and it must refuse with a Chinese line.
 * - `honest`: content that must pass the checker, build and gate, with `present` in the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VALID_FIXTURE } from '../helpers/fixtures.ts';

export type CaseClass = 'MDX 代码' | 'HTML' | 'URL' | '个人信息' | '字段区' | '图片' | 'CSV 公式' | '不崩溃';

export type CaseFile = string | Uint8Array | { symlink: string };

export interface SecurityCase {
  id: string;
  class: CaseClass;
  /** Project-relative files the case writes. */
  files: Record<string, CaseFile>;
  build: 'guard' | 'sanitised' | 'gate' | 'neutralised' | 'checker' | 'honest';
  /** The checker line expected for the case: its file and a pattern over field and message. */
  check?: { file: string; line?: RegExp };
  absent?: string[];
  present?: string[];
  gate?: { file: string; source: string };
}

export const JPEG = readFileSync(join(VALID_FIXTURE, 'src/content/posts/cover.jpg'));
/** The same picture with a byte after its end: Astro names an image by its first file when two are identical. */
const DISTINCT_JPEG = Buffer.concat([JPEG, Buffer.from([0])]);
const MOBILE = '13812345678';
const IMAGE_NUMBER = '13700001111';
const percentEncoded = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');

/** A distinct mobile number per case, so the gate's trace back to the source is unambiguous. */
let serial = 0;
const mobile = () => `1391000${String((serial += 1)).padStart(4, '0')}`;
/** A distinct 18-digit ID number with a valid GB 11643 check digit. */
function idNumber(): string {
  const base = `11010519491231${String((serial += 1)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return base + '10X98765432'[sum % 11]!;
}
/** A distinct 15-digit (pre-1999) ID number. */
const oldIdNumber = () => `110105491231${String((serial += 1)).padStart(3, '0')}`;
/** Writes digits the way a case hides them. */
const spaced = (d: string, sep: string) => `${d.slice(0, 3)}${sep}${d.slice(3, 7)}${sep}${d.slice(7)}`;

const frontmatter = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2026-09-10\ncolumn: yishu\nsummary: 摘要。\n${extra}---\n\n`;
const postPath = (id: string, ext = 'md') => `src/content/posts/${id}.${ext}`;
const page = (id: string) => `posts/${id}/index.html`;

/** A Markdown post whose body is `body`. */
function post(id: string, body: string, extra = ''): Record<string, CaseFile> {
  return { [postPath(id)]: `${frontmatter(`测试 ${id}`, extra)}${body}\n` };
}
function mdxPost(id: string, body: string): Record<string, CaseFile> {
  return { [postPath(id, 'mdx')]: `${frontmatter(`测试 ${id}`)}${body}\n` };
}

const guard = (id: string, body: string, line: RegExp): SecurityCase => ({
  id,
  class: 'MDX 代码',
  files: mdxPost(id, body),
  build: 'guard',
  check: { file: postPath(id, 'mdx'), line },
});
const html = (id: string, klass: 'HTML' | 'URL', body: string, line: RegExp, absent: string[], ext: 'md' | 'mdx' = 'md'): SecurityCase => ({
  id,
  class: klass,
  files: ext === 'md' ? post(id, body) : mdxPost(id, body),
  build: 'sanitised',
  check: { file: postPath(id, ext), line },
  absent,
});
const personal = (id: string, body: string, kind: 'mobile' | 'id' = 'mobile'): SecurityCase => ({
  id,
  class: '个人信息',
  files: post(id, `联系人：${body}。`),
  build: 'gate',
  check: { file: postPath(id), line: kind === 'mobile' ? /个人信息  发现手机号码/ : /个人信息  发现身份证号码/ },
  gate: { file: page(id), source: `${postPath(id)}:8` },
});

export const HOSTILE: SecurityCase[] = [
  // MDX that would run code at build time.
  guard('mdx-footnote-expression', '正文[^1]\n\n[^1]: {process.version}', /不能使用 \{…\} 表达式/),
  guard('mdx-flow-expression', '{globalThis.process.exit(1)}', /不能使用 \{…\} 表达式/),
  guard('mdx-text-expression', '版本 {process.version} 号', /不能使用 \{…\} 表达式/),
  guard('mdx-comment-expression', '文字 {/* 注释 */}', /不能使用 \{…\} 表达式/),
  guard('mdx-attribute-expression', '<Callout title={process.version}>x</Callout>', /属性 title 不能用 \{…\} 表达式/),
  guard('mdx-spread', '<Callout {...globalThis}>x</Callout>', /属性不能用 \{…\} 表达式/),
  guard('mdx-import', "import fs from 'node:fs'\n\n正文", /不能使用 import 或 export/),
  guard('mdx-export', 'export const x = process.version\n\n正文', /不能使用 import 或 export/),
  guard('mdx-unknown-component', '<Fragment set:html="<script>alert(1)</script>" />', /不认识的组件 <Fragment>/),
  guard('mdx-member-component', '<globalThis.x />', /不认识的组件 <globalThis\.x>/),
  guard('mdx-constructor-attribute', '<Callout constructor="x">y</Callout>', /<Callout> 没有 constructor 属性/),
  guard('mdx-proto-attribute', '<MeasureLink id="1-1" toString="x" />', /<MeasureLink> 没有 toString 属性/),
  guard('mdx-directive-attribute', '<p set:html="&lt;script&gt;alert(1)&lt;/script&gt;">x</p>', /不能有属性 set:html/),
  guard('mdx-table-expression', '| a | b |\n| - | - |\n| {process.version} | y |', /不能使用 \{…\} 表达式/),
  guard('mdx-attribute-in-list', '- <Callout type={"提示"}>x</Callout>', /属性 type 不能用 \{…\} 表达式/),

  // Raw HTML that would run or navigate in a reader's browser.
  html('html-script', 'HTML', '<script>alert("x")</script>', /不能使用 <script> 标签/, ['<script>alert']),
  html('html-img-onerror', 'HTML', '<img src="/favicon.svg" onerror="alert(1)">', /<img> 上写 onerror/, ['onerror']),
  html('html-iframe', 'HTML', '<iframe src="https://evil.example/"></iframe>', /不能使用 <iframe> 标签/, ['<iframe', 'evil.example']),
  html('html-object', 'HTML', '<object data="https://evil.example/x.swf"></object>', /不能使用 <object> 标签/, ['<object', 'evil.example']),
  html('html-embed', 'HTML', '<embed src="https://evil.example/x">', /不能使用 <embed> 标签/, ['<embed', 'evil.example']),
  html('html-style', 'HTML', '<style>body{background:url(https://evil.example/x)}</style>', /不能使用 <style> 标签/, ['evil.example']),
  html('html-form', 'HTML', '<form action="https://evil.example/"><button>提交</button></form>', /不能使用 <form> 标签/, [
    'evil.example',
    '<button>提交',
  ]),
  html('html-base', 'HTML', '<base href="https://evil.example/">', /不能使用 <base> 标签/, ['<base', 'evil.example']),
  html('html-meta-refresh', 'HTML', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', /不能使用 <meta> 标签/, [
    'evil.example',
  ]),
  html(
    'html-meta-in-table-code',
    'HTML',
    '| 列 | 说明 |\n| --- | --- |\n| `a | <meta http-equiv="refresh" content="0;url=https://evil.example/">` | b |',
    /不能使用 <meta> 标签/,
    ['evil.example'],
  ),
  html('html-in-footnote', 'HTML', '正文[^1]\n\n[^1]: <img src="/favicon.svg" onerror="alert(1)">', /<img> 上写 onerror/, ['onerror']),
  html('html-svg-onload', 'HTML', '<svg onload="alert(1)"><circle r="1"/></svg>', /不能使用 <svg> 标签/, ['onload', '<svg onload']),
  html('html-details-ontoggle', 'HTML', '<details open ontoggle="alert(1)"><summary>x</summary>y</details>', /<details> 上写 ontoggle/, [
    'ontoggle',
  ]),
  html('html-link-stylesheet', 'HTML', '<link rel="stylesheet" href="https://evil.example/x.css">', /不能使用 <link> 标签/, [
    'evil.example',
  ]),
  html('html-mdx-img-onerror', 'HTML', '<img src="/favicon.svg" onerror="alert(1)" />', /<img> 上写 onerror/, ['onerror'], 'mdx'),
  html('html-mdx-iframe', 'HTML', '<iframe src="https://evil.example/" />', /不能使用 <iframe> 标签/, ['<iframe', 'evil.example'], 'mdx'),
  html(
    'html-mdx-in-callout',
    'HTML',
    '<Callout>\n<script>alert(1)</script>\n</Callout>',
    /不能使用 <script> 标签/,
    ['<script>alert'],
    'mdx',
  ),

  // URLs that run script when followed.
  html('url-markdown-link', 'URL', '[点这里](javascript:alert(1))', /地址“javascript:alert\(1\)”不安全/, ['javascript:']),
  html('url-entity-decimal', 'URL', '<a href="&#106;avascript:alert(1)">x</a>', /地址“javascript:alert\(1\)”不安全/, ['avascript:']),
  html('url-entity-colon', 'URL', '<a href="javascript&colon;alert(1)">x</a>', /地址“javascript:alert\(1\)”不安全/, [
    'javascript&colon;',
    'javascript:',
  ]),
  html('url-tab-inside', 'URL', '<a href="java&#9;script:alert(1)">x</a>', /不安全/, ['script:alert']),
  html('url-mixed-case', 'URL', '[x](JaVaScRiPt:alert(1))', /不安全/, ['JaVaScRiPt']),
  html('url-vbscript', 'URL', '[x](vbscript:msgbox(1))', /不安全/, ['vbscript']),
  html('url-data-html', 'URL', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', /不安全/, ['data:text/html']),
  html('url-autolink', 'URL', '<javascript:alert(1)>', /不安全/, ['href="javascript']),
  html('url-reference-definition', 'URL', '[x][r]\n\n[r]: javascript:alert(1)', /不安全/, ['href="javascript']),
  html(
    'url-svg-animate',
    'URL',
    '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    /不能使用 <svg> 标签/,
    ['javascript:', '<animate'],
  ),
  html('url-image-src', 'URL', '<img src="javascript:alert(1)" alt="x">', /不安全/, ['javascript:']),
  html('url-leading-space', 'URL', '<a href=" javascript:alert(1)">x</a>', /不安全/, ['javascript:']),

  // Personal data in every form it was published in.
  personal('pd-plain', mobile()),
  personal(
    'pd-fullwidth',
    mobile().replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  ),
  personal('pd-spaces', spaced(mobile(), ' ')),
  personal('pd-hyphens', spaced(mobile(), '-')),
  personal('pd-dots', spaced(mobile(), '.')),
  personal('pd-nbsp', spaced(mobile(), '\u00a0')),
  personal('pd-zero-width', spaced(mobile(), '\u200b')),
  personal('pd-line-break', mobile().replace(/^(\d{7})/, '$1\n')),
  personal('pd-plus86', `+86 ${spaced(mobile(), ' ')}`),
  personal('pd-0086', `0086-${mobile()}`),
  personal('pd-entities', mobile().replace(/^1/, '&#49;')),
  personal('pd-hex-entities', mobile().replace(/^13/, '&#x31;&#x33;')),
  personal('pd-percent', mobile().replace(/^13/, '%31%33')),
  personal('pd-comment-inside', mobile().replace(/^(\d{3})/, '$1<!-- x -->')),
  personal('pd-emphasis', mobile().replace(/^(\d{3})/, '**$1**')),
  personal('pd-span-inside', mobile().replace(/^(\d{3})/, '$1<span></span>')),
  personal('pd-id18', idNumber(), 'id'),
  personal('pd-id18-spaced', idNumber().replace(/^(\d{6})(\d{8})/, '$1 $2 '), 'id'),
  personal('pd-id15', oldIdNumber(), 'id'),
  {
    id: 'pd-file-name',
    class: '个人信息',
    files: { [postPath(MOBILE)]: `${frontmatter('以号码为名的文章')}正文。\n` },
    build: 'gate',
    check: { file: postPath(MOBILE), line: /文件名  发现手机号码/ },
    gate: { file: page(MOBILE), source: `${postPath(MOBILE)}（文件名）` },
  },
  {
    id: 'pd-image-name',
    class: '个人信息',
    // The picture is named after the number and written %-escaped in the body.
    files: {
      ...post('pd-image-name', `![图](./${percentEncoded(IMAGE_NUMBER)}.jpg)`),
      [`src/content/posts/${IMAGE_NUMBER}.jpg`]: DISTINCT_JPEG,
    },
    build: 'gate',
    check: { file: `src/content/posts/${IMAGE_NUMBER}.jpg`, line: /文件名  发现手机号码/ },
    gate: { file: `_astro/${IMAGE_NUMBER}`, source: `src/content/posts/${IMAGE_NUMBER}.jpg（文件名）` },
  },
  {
    id: 'pd-public',
    class: '个人信息',
    files: { 'public/h-contact.txt': `联系人 ${mobile()}\n` },
    build: 'gate',
    check: { file: 'public/h-contact.txt', line: /个人信息  发现手机号码/ },
    gate: { file: 'h-contact.txt', source: 'public/h-contact.txt:1' },
  },
  {
    id: 'pd-title',
    class: '个人信息',
    files: { [postPath('pd-title')]: `${frontmatter(`联系 ${mobile()}`)}正文。\n` },
    build: 'gate',
    check: { file: postPath('pd-title'), line: /个人信息  发现手机号码/ },
    gate: { file: page('pd-title'), source: `${postPath('pd-title')}:2` },
  },

  // A record's title reaches its page and also the open data (/data/plan.json) a portal reads.
  {
    id: 'pd-record-title',
    class: '个人信息',
    files: {
      'src/content/updates/2026-10-03-pd-record-title.md': `---\ntitle: 联系 ${mobile()} 推进整改\ndate: 2026-10-03\nmeasures: [1-2]\nunits: [djb]\n---\n\n正文。\n`,
    },
    build: 'gate',
    check: { file: 'src/content/updates/2026-10-03-pd-record-title.md', line: /个人信息  发现手机号码/ },
    gate: { file: 'data/plan.json', source: 'src/content/updates/2026-10-03-pd-record-title.md:2' },
  },

  // Frontmatter read differently by the checker and Astro.
  {
    id: 'fm-indented-fence',
    class: '字段区',
    files: {
      'src/content/updates/2026-10-02-hidden.md':
        '---\ntitle: 隐藏状态\n  ---\nstatus: 已完成\ndate: 2026-10-02\nmeasures: [1-2]\nunits: [djb]\n---\n\n正文。\n',
    },
    build: 'checker',
    check: { file: 'src/content/updates/2026-10-02-hidden.md', line: /status  状态为“已完成”的记录必须写佐证材料/ },
  },
  {
    id: 'fm-month-13',
    class: '字段区',
    // Astro's YAML reader turns 2026-13-01 into a Date in 2027; the checker reads what was typed.
    files: {
      'src/content/updates/2026-10-03-month.md': '---\ntitle: 月份\ndate: 2026-13-01\nmeasures: [1-2]\nunits: [djb]\n---\n\n正文。\n',
    },
    build: 'checker',
    check: { file: 'src/content/updates/2026-10-03-month.md', line: /date  日期 2026-13-01 不存在（没有 13 月）/ },
  },
  {
    id: 'fm-leading-space',
    class: '字段区',
    files: { [postPath('fm-leading-space')]: ` ---\ntitle: x\ndate: 2026-09-10\ncolumn: yishu\nsummary: y\n---\n\n正文。\n` },
    build: 'checker',
    check: { file: postPath('fm-leading-space'), line: /字段区  文件开头缺少字段区：第一行的 --- 前面不能有空格/ },
  },
  {
    id: 'fm-cr-only',
    class: '字段区',
    files: { [postPath('fm-cr-only')]: `${frontmatter('老式换行')}正文。\n`.replace(/\n/g, '\r') },
    build: 'checker',
    check: { file: postPath('fm-cr-only'), line: /换行  文件只用回车（CR）换行/ },
  },
  {
    id: 'fm-yaml-js-tag',
    class: '字段区',
    files: { [postPath('fm-yaml-js-tag')]: `${frontmatter('标签', 'extra: !!js/function "function(){}"\n')}正文。\n` },
    build: 'checker',
    check: { file: postPath('fm-yaml-js-tag'), line: /YAML  YAML 格式错误/ },
  },
  {
    id: 'fm-yaml-alias-bomb',
    class: '不崩溃',
    files: {
      [postPath('fm-yaml-alias-bomb')]: `${frontmatter(
        '炸弹',
        'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n',
      )}正文。\n`,
    },
    build: 'checker',
    check: { file: postPath('fm-yaml-alias-bomb'), line: /YAML  YAML 格式错误：引用（\*名称）展开后过大/ },
  },

  // Pictures.
  {
    id: 'img-svg-body',
    class: '图片',
    files: {
      ...post('img-svg-body', '![图](./h-img.svg)'),
      'src/content/posts/h-img.svg':
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><script>alert(document.domain)</script><rect width="10" height="10"/></svg>',
    },
    // Astro copies the picture as it is: the gate finds its script.
    build: 'gate',
    gate: { file: '_astro/h-img', source: 'src/content/posts/h-img.svg' },
    check: { file: postPath('img-svg-body'), line: /正文  图片“\.\/h-img\.svg”是 SVG/ },
  },
  {
    id: 'img-svg-in-folder',
    class: '图片',
    files: { 'src/content/updates/h-x.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' },
    build: 'checker',
    check: { file: 'src/content/updates/h-x.svg', line: /文件类型  SVG 图片里可以藏脚本/ },
  },
  {
    id: 'img-cover-symlink',
    class: '图片',
    files: {
      ...post('img-cover-symlink', '正文。', 'cover: ./h-link.jpg\ncoverAlt: 图\n'),
      'src/content/posts/h-link.jpg': { symlink: '/etc/hostname' },
    },
    build: 'checker',
    check: { file: postPath('img-cover-symlink'), line: /cover  图片 src\/content\/posts\/h-link\.jpg 是符号链接/ },
  },
  {
    id: 'img-text-as-jpg',
    class: '图片',
    files: { ...post('img-text-as-jpg', '正文。', 'cover: ./h-text.jpg\ncoverAlt: 图\n'), 'src/content/posts/h-text.jpg': '这不是图片\n' },
    build: 'checker',
    check: { file: postPath('img-text-as-jpg'), line: /cover  图片 src\/content\/posts\/h-text\.jpg 的内容不是图片/ },
  },
  {
    id: 'img-png-as-jpg',
    class: '图片',
    files: {
      ...post('img-png-as-jpg', '![图](./h-png.jpg)'),
      'src/content/posts/h-png.jpg': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    },
    build: 'checker',
    check: { file: postPath('img-png-as-jpg'), line: /正文  图片 src\/content\/posts\/h-png\.jpg 的内容是 png 格式/ },
  },
  {
    id: 'img-missing',
    class: '图片',
    files: post('img-missing', '![图](./h-nowhere.jpg)'),
    build: 'checker',
    check: { file: postPath('img-missing'), line: /正文  找不到图片 src\/content\/posts\/h-nowhere\.jpg/ },
  },
  {
    id: 'img-remote',
    class: '图片',
    files: post('img-remote', '![图](https://evil.example/pixel.png)'),
    build: 'checker',
    check: { file: postPath('img-remote'), line: /正文  图片“https:\/\/evil\.example\/pixel\.png”在别的网站上/ },
  },
  {
    id: 'img-parent-folder',
    class: '图片',
    files: post('img-parent-folder', '![图](../../../package.json.jpg)'),
    build: 'checker',
    check: { file: postPath('img-parent-folder'), line: /正文  图片“\.\.\/\.\.\/\.\.\/package\.json\.jpg”不能用 \.\./ },
  },

  // Spreadsheet formulas in the CSV outputs.
  {
    id: 'csv-metric-formula',
    class: 'CSV 公式',
    files: {
      'data/metrics.csv':
        'id,name,unit,period,target,measure,description\nactivity-days,"=HYPERLINK(""https://evil.example"",""点我"")",次,月,1,1-2,每月次数\nbadge,@SUM(1+1),次,季,,1-2,未定目标\n',
      'data/observations/h-values.csv': 'period,unit,metric,value\n2026-09,djb,activity-days,1\n',
      // A measure title is not refused (it is prose), but the ledger CSV must not run it.
      'src/content/measures/1-2.md':
        '---\ntitle: \'=HYPERLINK("https://evil.example","点我")\'\nowners: [djb]\ndeadline: 2026-12-31\n---\n\n措施原文。\n',
    },
    build: 'neutralised',
    check: { file: 'data/metrics.csv', line: /name  第 2 行“name”列以 "=" 开头：Excel 会把它当公式运行/ },
    absent: ['\r\n=HYPERLINK', ',=HYPERLINK', ',@SUM'],
    present: ["'=HYPERLINK", "'@SUM"],
  },
  {
    id: 'csv-observation-formula',
    class: 'CSV 公式',
    files: { 'data/observations/h-formula.csv': 'period,unit,metric,value\n2026-10,+cmd|calc,badge,1\n' },
    build: 'checker',
    check: { file: 'data/observations/h-formula.csv', line: /unit  第 2 行“unit”列以 "\+" 开头/ },
  },

  // Inputs that used to end in a stack trace.
  {
    id: 'crash-dangling-symlink',
    class: '不崩溃',
    files: { 'src/content/posts/h-dangling.md': { symlink: '/nonexistent/nowhere.md' } },
    build: 'checker',
    check: { file: 'src/content/posts/h-dangling.md', line: /文件  这是符号链接/ },
  },
  {
    id: 'crash-symlink-loop',
    class: '不崩溃',
    files: { 'src/content/posts/h-loop': { symlink: '.' } },
    build: 'checker',
    check: { file: 'src/content/posts/h-loop', line: /文件  这是符号链接/ },
  },
  {
    id: 'crash-utf16le-md',
    class: '不崩溃',
    files: { [postPath('crash-utf16le-md')]: new Uint8Array([0xff, 0xfe, ...Buffer.from(`${frontmatter('UTF-16')}正文。\n`, 'utf16le')]) },
    build: 'checker',
    check: { file: postPath('crash-utf16le-md'), line: /编码  文件的编码是 UTF-16 LE（Unicode），网站只能读 UTF-8/ },
  },
  {
    id: 'crash-utf16be-md',
    class: '不崩溃',
    files: {
      [postPath('crash-utf16be-md')]: new Uint8Array([0xfe, 0xff, ...Buffer.from(`${frontmatter('UTF-16')}正文。\n`, 'utf16le').swap16()]),
    },
    build: 'checker',
    check: { file: postPath('crash-utf16be-md'), line: /编码  文件的编码是 UTF-16 BE/ },
  },
  {
    id: 'crash-gbk-md',
    class: '不崩溃',
    // 标题 and 正文 in GBK: not valid UTF-8.
    files: {
      [postPath('crash-gbk-md')]: new Uint8Array([
        ...Buffer.from('---\ntitle: '),
        0xb1,
        0xea,
        0xcc,
        0xe2,
        ...Buffer.from('\ndate: 2026-09-10\ncolumn: yishu\nsummary: x\n---\n\n'),
        0xd5,
        0xfd,
        0xce,
        0xc4,
        0x0a,
      ]),
    },
    build: 'checker',
    check: { file: postPath('crash-gbk-md'), line: /编码  文件的编码是 GBK（GB18030，ANSI）/ },
  },
  {
    id: 'crash-utf16-csv-mobile',
    class: '不崩溃',
    files: {
      'data/observations/h-utf16.csv': new Uint8Array([
        0xff,
        0xfe,
        ...Buffer.from(`period,unit,metric,value\n2026-Q3,djb,badge,2\n联系 ${mobile()},,,\n`, 'utf16le'),
      ]),
    },
    build: 'checker',
    check: { file: 'data/observations/h-utf16.csv', line: /个人信息  发现手机号码/ },
  },
  {
    id: 'crash-huge-csv',
    class: '不崩溃',
    files: { 'data/observations/h-huge.csv': `period,unit,metric,value\n${'2026-Q3,djb,badge,2\n'.repeat(300_000)}` },
    build: 'checker',
    check: { file: 'data/observations/h-huge.csv', line: /文件  文件太大（6\.0 MB），一张数据表最多 5\.0 MB/ },
  },
];

export const HONEST: SecurityCase[] = [
  {
    id: 'ok-amount',
    class: '个人信息',
    files: post('ok-amount', '预算 13800000000元，已拨付 15000000000 元。'),
    build: 'honest',
    present: ['13800000000元'],
  },
  {
    id: 'ok-landline',
    class: '个人信息',
    files: post('ok-landline', '监督电话 0571-88888888，传真 (0571) 8888 8888。'),
    build: 'honest',
    present: ['0571-88888888'],
  },
  {
    id: 'ok-tel-link',
    class: 'URL',
    files: post('ok-tel-link', '[拨打监督电话](tel:057188888888) 或 [写信](mailto:djb@example.org)'),
    build: 'honest',
    present: ['href="tel:057188888888"', 'href="mailto:djb@example.org"'],
  },
  {
    id: 'ok-script-in-comment',
    class: 'HTML',
    files: post('ok-script-in-comment', '<!-- 不要在这里写 <script> -->\n\n正文保留。'),
    build: 'honest',
    present: ['正文保留'],
  },
  {
    id: 'ok-yaml-merge',
    class: '字段区',
    files: {
      'src/content/screens/h-merge.yaml':
        'name: 合并键\n<<: &size\n  width: 1920\n  height: 1080\ntheme: standard\ndwellSeconds: 15\nslides: [overall, qr]\n',
    },
    build: 'honest',
  },
  {
    id: 'ok-inline-html',
    class: 'HTML',
    files: post('ok-inline-html', '上标<sup>1</sup>、<kbd>Ctrl</kbd>、<mark>重点</mark>、<del>删</del>。'),
    build: 'honest',
    present: ['<sup>1</sup>', '<mark>重点</mark>'],
  },
  {
    id: 'ok-gfm',
    class: 'HTML',
    files: post('ok-gfm', '正文[^1]\n\n| 单位 | 次数 |\n| --- | --- |\n| X村 | 12 |\n\n- [x] 已完成\n\n[^1]: 注释。'),
    build: 'honest',
    present: ['<table>', 'data-footnote-ref', 'type="checkbox"'],
  },
  {
    id: 'ok-numbers',
    class: '个人信息',
    files: post(
      'ok-numbers',
      '比例 1.3333333333，日期 2026-09-01 至 2026-09-30，编号 12345678901，流水号 20260918000012345678，次数 15 20 30 12 85。',
    ),
    build: 'honest',
    present: ['1.3333333333', '12345678901'],
  },
  {
    id: 'ok-mdx-components',
    class: 'MDX 代码',
    files: mdxPost(
      'ok-mdx-components',
      '<Callout type="注意" title="提醒">要点<sup>1</sup></Callout>\n\n见 <MeasureLink id="1-1" />，花括号写成 \\{ \\}。',
    ),
    build: 'honest',
    present: ['提醒', '/measures/1-1/', '{ }'],
  },
  {
    id: 'ok-details',
    class: 'HTML',
    files: post('ok-details', '<details><summary>展开</summary>\n\n细节内容。\n\n</details>'),
    build: 'honest',
    present: ['<summary>展开</summary>'],
  },
  {
    id: 'ok-crlf',
    class: '字段区',
    files: { [postPath('ok-crlf')]: `${frontmatter('Windows 换行')}CRLF 正文。\n`.replace(/\n/g, '\r\n') },
    build: 'honest',
    present: ['CRLF 正文'],
  },
  {
    id: 'ok-zero-width-text',
    class: '个人信息',
    files: post('ok-zero-width-text', '党建\u200b工作 2026\u200b年 11\u200b月。'),
    build: 'honest',
    present: ['党建'],
  },
  {
    id: 'ok-body-image',
    class: '图片',
    files: { ...post('ok-body-image', '![会场](./h-ok.jpg)'), 'src/content/posts/h-ok.jpg': JPEG },
    build: 'honest',
    present: ['alt="会场"'],
  },
];
