/**
 * Reads an official rectification plan (整改方案) or progress report (通报) — a Word document or
 * text copied from a government web page — into a tree of items of any depth, numbered as the
 * document numbers them. The tree is independent of the site's content model; `plan-writer.ts`
 * turns it into content files where the model can hold it.
 *
 * Pure apart from `planTextFromFile`, which reads bytes it is given (mammoth for .docx).
 */
import { decodeText } from '../domain/csv.ts';
import { digitsInDates, readDeadline, type DeadlineReading } from '../domain/deadline-words.ts';
import {
  chineseNumeral,
  halfWidthDigits,
  itemId,
  itemLabel,
  readMarker,
  splitInlineList,
  toChineseNumeral,
  type InlineItem,
  type MarkerStyle,
  type NumberingMarker,
  type PathStep,
} from '../domain/numbering.ts';
import type { CalendarDate } from '../domain/dates.ts';

/** A field the text gives for an item: 责任领导, 责任单位, 完成时限 and the like, as written. */
export interface ItemField {
  /** The label as written, e.g. 牵头单位. */
  label: string;
  /** What it is: the site's word for it, whatever the plan calls it. */
  kind: 'leader' | 'units' | 'deadline' | 'progress' | 'other';
  value: string;
  line: number;
}

/** A labelled paragraph: 具体表现：……, 整改措施：……, 整改目标：…… */
export interface LabelledText {
  label: string;
  /** The text after the colon, as written. */
  text: string;
  /** Its 一是……二是…… list, when it has one. */
  lead: string;
  items: InlineItem[];
  line: number;
}

/** One numbered item of the plan: a part, a problem, a measure or anything below. */
export interface PlanItem {
  marker: NumberingMarker;
  /** Depth in this document, 1 for the top-level items; independent of the marker's conventional rank. */
  depth: number;
  /** The document's numbering from the top down to this item. */
  path: PathStep[];
  /** Stable id from the numbering of the whole path: `2-3` for （三） in 二、; unique in the plan. */
  id: string;
  /** The numbering as a reader quotes it: 二（三）; an item numbered straight through its parents (问题17) quotes its own number, 17. */
  label: string;
  /** Heading: the first sentence of the item (without its 。), or the whole line when it has no 。 */
  title: string;
  /** The item's own text after its marker, as written: heading line and the paragraphs that follow it. */
  text: string;
  /** Paragraphs after the heading line that are neither numbered items nor fields. */
  paragraphs: string[];
  labelled: LabelledText[];
  fields: ItemField[];
  /** The label the children are listed under (整改措施), when the document gives one. */
  childrenLabel?: string;
  /** Children from an inline 一是……二是…… list rather than numbered lines. */
  inline: boolean;
  /** A status word the text gives (已完成, 基本完成, 正在整改), in a 通报. */
  status?: string;
  children: PlanItem[];
  /** Source line of the marker (1-based). */
  line: number;
}

/** Totals a plan or 通报 reports about itself: “共106项，已完成98项”. */
export interface ReportedProgress {
  total: number;
  done: number;
  /** 正在整改 / 未完成 when the text gives it. */
  inProgress?: number;
  /** The percentage as written, e.g. 92.5. */
  rate?: number;
  /** 截至 date, when given and readable. */
  asOf?: CalendarDate;
  /** The sentence the figures come from, as written. */
  sentence: string;
  line: number;
}

/** Counts the plan declares: “5个方面21项整改措施”. Keys are the document's nouns. */
export type DeclaredCounts = Partial<Record<'aspects' | 'problems' | 'measures' | 'tasks', number>>;

export interface ParsedPlan {
  title: string;
  /** The plan's own 文号 (X党发〔2023〕5号), when the document carries it. */
  documentNumber?: string;
  /** The organisation that issued it (signature or red-head line), when the document says. */
  issuer?: string;
  /** 印发日期 from the signature line. */
  issued?: CalendarDate;
  /** The document this plan answers: 根据县委组织部《……》（X组字〔2020〕X号）. */
  basis?: { issuer: string; title: string; number?: string };
  /** The paragraphs before the first numbered item. */
  preamble: string[];
  declared: DeclaredCounts;
  reported: ReportedProgress[];
  items: PlanItem[];
  /** Paragraphs after the last item that are not a signature. */
  closing: string[];
  /** What the reader repaired or could not read, in Chinese, with the line. */
  notes: string[];
}

const CJK = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’';

/**
 * Whitespace as web pages and Word leave it: non-breaking and ideographic spaces, spaces between
 * Chinese characters (which Chinese text never has), runs of spaces. The words are untouched.
 * @example tidyLine('\u3000\u3000一、 加强 领导 ') // '一、加强领导'
 */
export function tidyLine(line: string): string {
  return line
    .replace(/[\u00a0\u2002-\u200b\ufeff]/g, ' ')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
    .replace(new RegExp(`(?<=[${CJK}])[ \\t\\u3000]+(?=[${CJK}])`, 'g'), '')
    .replace(/[ \t]{2,}/g, ' ');
}

/** What a government web page puts around an article: breadcrumbs, date and source, font size, print and share buttons. */
const WEB_CHROME =
  /^(当前位置[：:]|您的位置[：:]|首页\s*[>＞»]|(发布|发表|更新)(时间|日期)[：:]|来源[：:]|信息来源[：:]|(浏览|阅读|点击)(次数|量)?[：:]|字号[：:]|【?(打印本页|关闭窗口|打印|关闭)】?$|分享到[：:]?)/;

/** Repairs of what copying from a web page breaks, each with the note it leaves. */
function repairWebCopy(line: string, lineNo: number, notes: string[]): string {
  // A page whose 《<…>》 went through an HTML parser as a tag comes out as `<< span="">…>`.
  const repaired = line.replace(/<<\s*[a-z]+=""\s*>/g, '<');
  if (repaired !== line) notes.push(`第${lineNo}行：网页复制造成的乱码“<< span="">”已还原为“<”`);
  return repaired;
}

const FIELD_KINDS: [RegExp, ItemField['kind']][] = [
  [/^(责任领导|牵头领导|分管领导|包保领导|责任人|牵头人)$/, 'leader'],
  [/^(责任单位|牵头单位|责任部门|责任科室|配合单位|协办单位|责任主体)$/, 'units'],
  [/^(完成时限|整改时限|完成时间|整改期限|时限要求|时限)$/, 'deadline'],
  [/^(完成情况|整改情况|进展情况|整改进展|整改进度)$/, 'progress'],
];
const FIELD_LABEL =
  /(责任领导|牵头领导|分管领导|包保领导|责任人|牵头人|责任单位|牵头单位|责任部门|责任科室|配合单位|协办单位|责任主体|完成时限|整改时限|完成时间|整改期限|时限要求|完成情况|整改情况|进展情况|整改进展|整改进度)[：:]/g;
const MEASURE_LABEL = /^(整改措施|主要措施|具体措施|工作措施|措施)$/;
/** Labels of a paragraph: CJK words ending in a noun plans put before a colon. */
const PARAGRAPH_LABEL = /^([\u4e00-\u9fff]{0,6}(?:措施|表现|问题|目标|情况|成效|要求|任务))[：:]\s*/;
const STATUS_WORDS = /(已完成|基本完成|已整改|正在整改|整改中|持续整改|未完成|长期坚持)/;

function fieldKind(label: string): ItemField['kind'] {
  return FIELD_KINDS.find(([re]) => re.test(label))?.[1] ?? 'other';
}

/**
 * Fields in a text: a line of them (责任领导：张三 责任单位：党政办) or a closing parenthesis
 * (（责任单位：党政办；完成时限：2023年6月底前）). Returns the text without them.
 */
function takeFields(text: string, line: number): { rest: string; fields: ItemField[] } {
  const parse = (s: string): ItemField[] => {
    const hits = [...s.matchAll(FIELD_LABEL)];
    return hits.map((h, i) => {
      const end = hits[i + 1]?.index ?? s.length;
      const value = s
        .slice(h.index + h[0].length, end)
        .replace(/^[\s：:]+|[\s；;，,。]+$/g, '')
        .trim();
      return { label: h[1]!, kind: fieldKind(h[1]!), value, line };
    });
  };
  // The whole line is fields.
  if (new RegExp(`^${FIELD_LABEL.source}`).test(text)) return { rest: '', fields: parse(text) };
  // A closing parenthesis of fields.
  const paren = new RegExp(`[（(]((?:${FIELD_LABEL.source}).*)[）)]([。；;]?)$`).exec(text);
  if (paren) return { rest: text.slice(0, paren.index) + paren[paren.length - 1]!, fields: parse(paren[1]!) };
  return { rest: text, fields: [] };
}

/** The marker for `ordinal` in `style`, as a regex source matching it in half-width text. */
function markerSource(style: MarkerStyle, ordinal: number): string | undefined {
  switch (style) {
    case 'arabic':
      return `${ordinal}\\s*(?:[、．]|\\.(?!\\d))`;
    case 'paren-arabic':
      return `[（(]${ordinal}[）)]`;
    case 'paren-cn':
      return `[（(]${toChineseNumeral(ordinal)}[）)]`;
    case 'circled':
      return ordinal <= 20 ? String.fromCodePoint(0x2460 + ordinal - 1) : undefined;
    default:
      return undefined;
  }
}

/**
 * Splits a line where web copies ran numbered items together: “整改措施:1.…。2.…。” becomes the
 * label line and one line per item. The next number must follow the end of a sentence and come in
 * order, so that “不少于2次” or “1.5万” never splits.
 * @example splitRunTogether('整改措施:1.建制度。2.抓落实。') // ['整改措施:', '1.建制度。', '2.抓落实。']
 */
export function splitRunTogether(line: string): string[] {
  let head = '';
  let body = line;
  const label = PARAGRAPH_LABEL.exec(line);
  if (label) {
    head = label[0].trim();
    body = line.slice(label[0].length);
  }
  const first = readMarker(body);
  if (!first || !markerSource(first.marker.style, first.marker.ordinal + 1)) return [line];
  const half = halfWidthDigits(body);
  const cuts: number[] = [0];
  let from = 0;
  for (let n = first.marker.ordinal + 1; ; n += 1) {
    const re = new RegExp(`[。；;!！?？](${markerSource(first.marker.style, n)})`, 'g');
    re.lastIndex = from;
    const m = re.exec(half);
    if (!m) break;
    const at = m.index + 1;
    cuts.push(at);
    from = at + 1;
  }
  if (cuts.length === 1 && !head) return [line];
  const pieces = cuts.map((c, i) => body.slice(c, cuts[i + 1] ?? body.length).trim());
  return head ? [head, ...pieces] : pieces;
}

/** The first sentence without its 。, or the whole text when it has none. */
export function firstSentence(text: string): string {
  const end = text.search(/[。！!？?]/);
  return (end === -1 ? text : text.slice(0, end)).trim();
}

const DOC_NUMBER = /^[\u4e00-\u9fffA-Za-zＸ]{1,12}[〔［[（(【]\d{4}[〕］\]）)】][\dXＸx]{1,4}号$/;
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const ISSUER_LINE =
  /^(中共|中国共产党)?[\u4e00-\u9fffA-Za-zＸ（）()]{2,24}(委员会|党委|党组|总支部委员会|支部委员会|人民政府|办公室|组织部|纪委)$/;

function dateOf(m: RegExpExecArray): CalendarDate {
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** Counts the preamble declares: 5个方面21项整改措施, 32个问题, 106项整改任务. */
export function declaredCounts(text: string): DeclaredCounts {
  const num = String.raw`(\d+|[一二三四五六七八九十百两]+)`;
  const value = (s: string) => (/^\d+$/.test(s) ? Number(s) : chineseNumeral(s));
  const out: DeclaredCounts = {};
  const grab = (key: keyof DeclaredCounts, re: RegExp) => {
    const m = re.exec(halfWidthDigits(text));
    const n = m ? value((m[1] ?? m[2])!) : undefined;
    if (n !== undefined) out[key] = n;
  };
  // Either way round: 21项整改措施 or 整改措施21条.
  grab('aspects', new RegExp(`${num}个(?:方面|领域)`));
  grab('problems', new RegExp(`${num}(?:个|项|条)(?:具体)?问题|(?:具体)?问题${num}(?:个|项|条)`));
  grab('measures', new RegExp(`${num}(?:项|条|个)(?:整改|具体)?措施|(?:整改|具体)?措施${num}(?:项|条|个)`));
  grab('tasks', new RegExp(`${num}(?:项|个|条)(?:整改)?任务|(?:整改)?任务${num}(?:项|个|条)`));
  return out;
}

/** Reported totals in a sentence: 共106项，已完成98项，正在整改8项，完成率92.5%. */
export function reportedProgress(sentence: string, line: number, ctx: { planYear?: number } = {}): ReportedProgress | undefined {
  const text = halfWidthDigits(sentence);
  const total = /共(?:有|计|梳理|排查|查摆|制定|列出)?[^\d。；]{0,6}?(\d+)(?:个|项|条)/.exec(text);
  const done =
    /已(?:全部|经)?(?:完成|整改完成|整改到位|办结|销号)(?:整改)?(\d+)(?:个|项|条)/.exec(text) ??
    /完成(?:整改)?(\d+)(?:个|项|条)/.exec(text);
  if (!total || !done) return undefined;
  const out: ReportedProgress = { total: Number(total[1]), done: Number(done[1]), sentence: sentence.trim(), line };
  const open = /(?:正在整改|整改中|未完成|持续整改|尚未完成)(\d+)(?:个|项|条)/.exec(text);
  if (open) out.inProgress = Number(open[1]);
  const rate = /完成率(?:为|达)?(\d+(?:\.\d+)?)%/.exec(text);
  if (rate) out.rate = Number(rate[1]);
  const asOf = /截至(?:目前)?(\d{4}年\d{1,2}月(?:\d{1,2}日|底)?)/.exec(text);
  if (asOf) {
    const reading: DeadlineReading = readDeadline(asOf[1]!, ctx);
    if (reading.date) out.asOf = reading.date;
  }
  return out;
}

/** The document this plan answers, from 根据 X《……》（文号）. */
function basisOf(preamble: string): ParsedPlan['basis'] {
  const m = /(?:根据|按照|依据)([^《，。]{2,24}?)(?:印发的|下发的|的)?《(.+?)》(?:[（(]([^（）()]*?〔\d{4}〕[^（）()]*?号)[）)])?/.exec(
    preamble,
  );
  if (!m) return undefined;
  // Inside its 《》 a title nests its own title in <> or 〈〉; on its own it is written in 《》.
  const title = m[2]!.replace(/[<〈]/g, '《').replace(/[>〉]/g, '》');
  return { issuer: m[1]!, title, ...(m[3] ? { number: m[3] } : {}) };
}

/** Builds the items' ids and labels once the whole tree is known, so straight-through numbering shows. */
function assignIds(items: PlanItem[], notes: string[]): void {
  // A level is numbered straight through when a later parent's first child continues the previous parent's count.
  const byDepth = new Map<number, PlanItem[][]>();
  const collect = (siblings: PlanItem[], depth: number) => {
    if (siblings.length === 0) return;
    (byDepth.get(depth) ?? byDepth.set(depth, []).get(depth)!).push(siblings);
    for (const s of siblings)
      collect(
        s.children.filter((c) => !c.inline),
        depth + 1,
      );
  };
  collect(items, 1);
  const through = new Set<number>();
  for (const [depth, groups] of byDepth) {
    if (groups.length > 1 && groups.slice(1).some((g) => g[0]!.marker.ordinal > 1)) {
      through.add(depth);
      notes.push(
        `第${depth}层的编号跨越上一层连续编号（如第${groups.find((g, i) => i > 0 && g[0]!.marker.ordinal > 1)![0]!.marker.ordinal}项），标注时只用其本身的编号`,
      );
    }
  }
  const walk = (item: PlanItem) => {
    let anchor = 0;
    for (let d = item.path.length; d >= 1; d -= 1) {
      if (through.has(d)) {
        anchor = d - 1;
        break;
      }
    }
    // The id takes the whole path, so it is unique whatever the numbering; the label is what a reader quotes.
    let id = itemId(item.path);
    for (let n = 2; used.has(id); n += 1) id = `${itemId(item.path)}.${n}`;
    if (id !== itemId(item.path)) notes.push(`第${item.line}行：编号“${item.marker.text}”与前面的条目重复，编号记作 ${id}`);
    used.add(id);
    item.id = id;
    item.label = itemLabel(item.path.slice(anchor));
    item.children.forEach(walk);
  };
  const used = new Set<string>();
  items.forEach(walk);
}

/**
 * Parses the text of a plan.
 * @example parsePlanText('关于……整改方案\n根据……，列出了5个方面21项整改措施。\n一、……\n（一）……').items[0].children[0].id // '1-1'
 */
export function parsePlanText(source: string): ParsedPlan {
  const notes: string[] = [];
  const lines: { text: string; line: number }[] = [];
  source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, i) => {
      const text = repairWebCopy(tidyLine(raw), i + 1, notes);
      if (WEB_CHROME.test(text)) {
        notes.push(`第${i + 1}行：网页上的栏目文字“${text.slice(0, 30)}”不属于方案，已略去`);
        return;
      }
      if (text) for (const piece of splitRunTogether(text)) lines.push({ text: piece, line: i + 1 });
    });

  const plan: ParsedPlan = { title: '', preamble: [], declared: {}, reported: [], items: [], closing: [], notes };

  // Header: title lines, 文号, issuer and date, up to the first paragraph or numbered item.
  let i = 0;
  const titleParts: string[] = [];
  for (; i < lines.length; i += 1) {
    const { text } = lines[i]!;
    // A numbered item, a sentence, or the addressees (各党支部：) end the header.
    if (readMarker(text) || /[。；;：:]/.test(text) || text.length > 60) break;
    const date = DATE_LINE.exec(digitsInDates(halfWidthDigits(text)));
    if (DOC_NUMBER.test(text)) plan.documentNumber = text;
    else if (date) plan.issued = dateOf(date);
    else if (ISSUER_LINE.test(text) && titleParts.length === 0 && !plan.issuer && !/^关于/.test(text)) plan.issuer = text;
    else titleParts.push(text);
  }
  plan.title = titleParts.join('');
  if (!plan.title) notes.push('没有找到方案标题：文件的第一行应是标题');

  // Signature: an issuer and a date after the last item.
  let end = lines.length;
  while (end > i) {
    const { text } = lines[end - 1]!;
    const date = DATE_LINE.exec(digitsInDates(halfWidthDigits(text)));
    if (date) plan.issued ??= dateOf(date);
    else if (ISSUER_LINE.test(text) && !readMarker(text)) plan.issuer ??= text;
    else if (!/^[（(]?此件/.test(text)) break;
    end -= 1;
  }

  const stack: PlanItem[] = [];
  const preambleLines: number[] = [];
  // A list opened by a label line (整改措施：) belongs to the item above it, whatever its numbering:
  // plans number problems 1. and their measures 1. too. Field lines after the list are the owner's.
  // After the list, its owner's fields (责任领导：… 责任单位：…) may take several lines: `fieldsOnly`.
  let list: { owner: PlanItem; style?: MarkerStyle; last: number; fieldsOnly?: boolean } | undefined;
  const planYear = () => (plan.issued ? Number(plan.issued.slice(0, 4)) : undefined);
  const statusOf = (item: PlanItem, fields: readonly ItemField[]) => {
    for (const f of fields) {
      const word = f.kind === 'progress' ? STATUS_WORDS.exec(f.value)?.[1] : undefined;
      if (word !== undefined) item.status ??= word;
    }
  };
  for (; i < end; i += 1) {
    const { text, line } = lines[i]!;
    const found = readMarker(text);
    // 一是 at the start of a line is part of the text, unless a plan numbers its lines that way.
    if (found && found.marker.style !== 'ordinal-is') {
      const { marker, rest } = found;
      if (list?.fieldsOnly) list = undefined;
      let at: number;
      const ownerAt = list ? stack.indexOf(list.owner) : -1;
      if (list && marker.ordinal === list.last + 1 && (list.style === undefined || marker.style === list.style)) {
        at = ownerAt + 1;
        list.style = marker.style;
        list.last = marker.ordinal;
      } else {
        at = stack.findIndex((s) => s.marker.style === marker.style);
        if (at === -1) at = stack.length;
        // Numbering at or above the list's owner ends the list; a sub-item of a list item does not.
        if (list && at <= ownerAt + 1) list = undefined;
      }
      const parent = stack[at - 1];
      stack.length = at;
      const siblings = parent ? parent.children : plan.items;
      const prev = siblings.at(-1);
      if (prev && marker.ordinal !== prev.marker.ordinal + 1) {
        notes.push(`第${line}行：编号“${marker.text}”接在“${prev.marker.text}”之后，不连续`);
      }
      // A label inside the heading line (……。具体表现：一是……) starts a labelled paragraph.
      const inner = new RegExp(`(?<=[。；;])(?=${PARAGRAPH_LABEL.source.slice(1)})`).exec(rest);
      const headingLine = inner ? rest.slice(0, inner.index) : rest;
      const { rest: heading, fields } = takeFields(headingLine, line);
      const item: PlanItem = {
        marker,
        depth: at + 1,
        path: [...(parent?.path ?? []), { style: marker.style, ordinal: marker.ordinal }],
        id: '',
        label: '',
        title: firstSentence(heading),
        text: heading,
        paragraphs: [],
        labelled: [],
        fields,
        inline: false,
        children: [],
        line,
      };
      const status = /[（(](已完成|基本完成|已整改|正在整改|整改中|持续整改|未完成|长期坚持)[）)][。]?$/.exec(heading);
      if (status) {
        item.status = status[1]!;
        item.text = heading.slice(0, status.index);
        item.title = firstSentence(item.text);
      }
      const listLabel = parent?.labelled.at(-1)?.label;
      if (parent && list?.owner === parent && listLabel !== undefined) parent.childrenLabel ??= listLabel;
      siblings.push(item);
      stack.push(item);
      if (inner) addParagraph(item, rest.slice(inner.index), line);
      continue;
    }

    const current = stack.at(-1);
    if (!current) {
      plan.preamble.push(text);
      preambleLines.push(line);
      continue;
    }
    addParagraph(current, text, line);
  }

  function addParagraph(current: PlanItem, text: string, line: number) {
    const { rest, fields } = takeFields(text, line);
    if (fields.length > 0) {
      const owner = list?.owner ?? current;
      owner.fields.push(...fields);
      statusOf(owner, fields);
      list = { owner, last: 0, fieldsOnly: true };
    }
    if (!rest) return;
    if (list?.fieldsOnly) list = undefined;
    const label = PARAGRAPH_LABEL.exec(rest);
    if (label) {
      const body = rest.slice(label[0].length);
      const inline = splitInlineList(body);
      current.labelled.push({ label: label[1]!, text: body, lead: inline.lead, items: inline.items, line });
      if (body === '' && MEASURE_LABEL.test(label[1]!)) list = { owner: current, last: 0 };
    } else current.paragraphs.push(rest);
    current.text += `\n${rest}`;
  }
  plan.closing = lines.slice(end, lines.length).map((l) => l.text);

  // Measures listed as 整改措施：一是……二是…… become the item's children when it has no numbered ones.
  const inlineChildren = (item: PlanItem) => {
    item.children.forEach(inlineChildren);
    if (item.children.length > 0) return;
    const list = item.labelled.find((l) => MEASURE_LABEL.test(l.label) && l.items.length > 0);
    if (!list) return;
    item.childrenLabel = list.label;
    item.children = list.items.map((it) => ({
      marker: { style: 'ordinal-is', level: 6, ordinal: it.ordinal, text: `${toChineseNumeral(it.ordinal)}是` },
      depth: item.depth + 1,
      path: [...item.path, { style: 'ordinal-is', ordinal: it.ordinal }],
      id: '',
      label: '',
      title: firstSentence(it.text),
      text: it.text,
      paragraphs: [],
      labelled: [],
      fields: [],
      inline: true,
      children: [],
      line: list.line,
    }));
  };
  plan.items.forEach(inlineChildren);
  assignIds(plan.items, notes);

  const preamble = plan.preamble.join('\n');
  plan.declared = declaredCounts(preamble);
  const basis = basisOf(preamble);
  if (basis) plan.basis = basis;
  const year = planYear();
  const ctx = year === undefined ? {} : { planYear: year };
  const sentencesOf = (text: string, line: number) => text.split(/(?<=[。；;])/).map((s) => ({ s, line }));
  const everywhere = [
    ...plan.preamble.flatMap((p, n) => sentencesOf(p, preambleLines[n]!)),
    ...walkItems(plan.items).flatMap((it) => [...it.paragraphs, ...it.labelled.map((l) => l.text)].flatMap((p) => sentencesOf(p, it.line))),
  ];
  for (const { s, line } of everywhere) {
    const r = reportedProgress(s, line, ctx);
    if (r) plan.reported.push(r);
  }
  return plan;
}

/** Every item of the tree, depth first, in document order. */
export function walkItems(items: readonly PlanItem[]): PlanItem[] {
  return items.flatMap((it) => [it, ...walkItems(it.children)]);
}

/** The value of an item's field of a kind (the first one), as written. */
export function fieldValue(item: PlanItem, kind: ItemField['kind']): string | undefined {
  return item.fields.find((f) => f.kind === kind)?.value;
}

/** Tells a .docx from text by its bytes: a Word file is a zip archive (PK). */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * A plan file's text: Word (.docx) through mammoth's raw text, plain text in UTF-8, UTF-16 or
 * GB18030 as Windows saves it. Word's automatic list numbering is not part of the text and is
 * reported, since the tree depends on the numbers.
 */
export async function planTextFromFile(bytes: Uint8Array, name: string): Promise<{ text: string; notes: string[] }> {
  if (/\.doc$/i.test(name)) throw new Error('只能读取 .docx：请在 Word 中“另存为” .docx 或纯文本（.txt）后再导入');
  if (!isZip(bytes)) {
    if (/\.docx$/i.test(name)) throw new Error(`${name} 不是有效的 .docx 文件`);
    return { text: decodeText(bytes).text, notes: [] };
  }
  const mammoth = (await import('mammoth')).default;
  const buffer = Buffer.from(bytes);
  const { value } = await mammoth.extractRawText({ buffer });
  const html = (await mammoth.convertToHtml({ buffer })).value;
  const notes = /<li>/.test(html)
    ? ['文档中有 Word 自动编号的段落，自动编号不在文字里，这些段落的序号读不出来：请在 Word 中选中全文，把自动编号转为文本后再导入']
    : [];
  return { text: value, notes };
}
