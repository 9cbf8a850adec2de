/**
 * Writes a parsed plan (plan-import.ts) as the site's content files: plan.md; the 方面 as
 * areas/N.md; every numbered item below them, at any depth, as measures/<numbering path>.md with
 * its 责任领导, 责任单位 and 完成时限 as worded; the parts before and after the problem list as
 * duties/ and requirements/ (or text sections of plan.md); units the text names that the project
 * lacks; and, for a progress report (通报), one dated record per status it reports.
 *
 * Whatever the model cannot hold is listed, in Chinese, as not placeable, and then nothing is
 * written: a site that silently drops part of a plan is not faithful. What the text does not give
 * but the site needs is kept from the same plan's existing files or listed as to be filled in by
 * hand. Pure: the caller reads and writes files.
 */
import { Document, isScalar, isSeq, parse, parseDocument, visit } from 'yaml';
import { splitFrontmatter } from '../checker/yaml-source.ts';
import { DEFAULT_UNIT_KINDS } from '../schemas/index.ts';
import { readDeadline } from '../domain/deadline-words.ts';
import { itemLabel } from '../domain/numbering.ts';
import { STATUSES, type MeasureStatus, type StatusLabel } from '../domain/status.ts';
import { firstSentence, type ParsedPlan, type PlanItem } from './plan-import.ts';
import { reportedFromImport } from '../domain/reported.ts';

/** What the writer needs to know of the project it writes into. */
export interface ExistingProject {
  /** Units by id and name, to turn 责任单位 into ids. */
  units: readonly { id: string; name: string }[];
  /** The site's unit kinds (settings `unitKinds`), to give a new unit its kind. */
  unitKinds?: readonly { name: string }[] | undefined;
  /** The site's status vocabulary (settings `statusLabels`). */
  statusLabels?: readonly StatusLabel[] | undefined;
  /** The settings file, to add the status words of a progress report to its vocabulary. */
  settingsFile?: { path: string; text: string } | undefined;
  /** plan.md's frontmatter, when the project has one: fields the text cannot give are kept. */
  plan?: Record<string, unknown>;
  /** Measures' frontmatter by id: owners and deadline are kept when the text gives none. */
  measures: ReadonlyMap<string, Record<string, unknown>>;
}

export interface WrittenContent {
  /** Project-relative path → file contents. Empty when anything could not be placed. */
  files: Map<string, string>;
  /** What the current model cannot hold, in Chinese; when there is any, nothing is written. */
  unplaceable: string[];
  /** What to fill in by hand after writing, in Chinese. */
  todo: string[];
}

export const PLAN_DIRS = {
  plan: 'src/content/plan',
  duties: 'src/content/duties',
  areas: 'src/content/areas',
  measures: 'src/content/measures',
  requirements: 'src/content/requirements',
} as const;

/** Leading words that open an adverbial phrase (以……为载体，围绕……): a title needs the clause after them too. */
const ADVERBIAL_OPENING = /^(以|按照|围绕|结合|针对|通过|根据|依据|对照|立足|聚焦|着眼|紧扣|坚持以)/;

/**
 * A measure's short title: its first clause, or its first two when the first only sets the
 * scene (以“主题党日”为主要载体，严格落实……).
 * @example measureTitle('建立健全党建工作责任制，强化党委核心作用。') // '建立健全党建工作责任制'
 * @example measureTitle('加强党组织领导班子建设。以“村（社区）两委换届”为契机……') // '加强党组织领导班子建设'
 * @example measureTitle('以“主题党日”为主要载体，严格落实“三会一课”等基本制度。每月……') // '以“主题党日”为主要载体，严格落实“三会一课”等基本制度'
 */
export function measureTitle(text: string): string {
  const sentence = firstSentence(text);
  const clauses = sentence.split(/(?<=[，,；;])/);
  const first = clauses[0]!.replace(/[，,；;]$/, '');
  if (clauses.length > 1 && ADVERBIAL_OPENING.test(first))
    return clauses
      .slice(0, 2)
      .join('')
      .replace(/[，,；;]$/, '');
  return first;
}

/** The heading line of an item and what follows its first sentence on that line. */
function headingParts(item: PlanItem): { title: string; rest: string } {
  const heading = item.text.split('\n')[0]!;
  const title = firstSentence(heading);
  const rest = heading.slice(heading.indexOf(title) + title.length).replace(/^[。！!？?]/, '');
  return { title, rest: rest.trim() };
}

/** Markdown paragraphs from the item's lines after its title. */
function bodyAfterTitle(item: PlanItem): string {
  const { rest } = headingParts(item);
  return [rest, ...item.text.split('\n').slice(1)].filter(Boolean).join('\n\n');
}

function markdown(data: Record<string, unknown>, body: string): string {
  const doc = new Document(data);
  // Short lists of words on one line, as the office writes them: owners: [zuzhi-ban, a-cun].
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return body ? `---\n${yaml}---\n\n${body}\n` : `---\n${yaml}---\n`;
}

/**
 * Whether two Markdown entries say the same: equal frontmatter data and equal body text, whatever
 * their comments, quoting and blank lines. An import leaves such a file as it is, with the
 * office's comments.
 */
export function sameEntry(a: string, b: string): boolean {
  const read = (text: string) => {
    const { yaml, body } = splitFrontmatter(text);
    return JSON.stringify({
      data: yaml ? parse(yaml) : null,
      body: body
        .trim()
        .split(/\n\s*\n/)
        .map((p) => p.trim()),
    });
  };
  return read(a) === read(b);
}

/** 领导小组 as plans write it: X同志为组长，X、X同志为副组长，……为成员，办公室设在X办，由X同志负责日常工作. */
export function leadershipOf(text: string): {
  leader?: string;
  deputies?: string[];
  members?: string;
  office?: string;
  officeHead?: string;
} {
  const out: ReturnType<typeof leadershipOf> = {};
  const leader = /([^，。、；]{1,12}?同志)(?:任|为|担任)组长/.exec(text);
  if (leader) out.leader = leader[1]!;
  const deputies = /([^，。；]{1,30}?)同志(?:任|为|担任)副组长/.exec(text);
  if (deputies) out.deputies = deputies[1]!.split(/[、，,]/).map((d) => `${d.replace(/同志$/, '')}同志`);
  const members = /([^，。；]{2,20}?)(?:任|为)成员/.exec(text);
  if (members) out.members = members[1]!;
  const office = /办公室设在([^，。；]{2,12})/.exec(text);
  if (office) out.office = office[1]!;
  const head = /由([^，。；]{1,12}?同志)负责/.exec(text);
  if (head) out.officeHead = head[1]!;
  return out;
}

/** Splits 责任单位 as written (镇党委、X办) into names. */
function unitNames(value: string): string[] {
  return value
    .split(/[、，,；;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Where an item is, for a message: its line and the start of its heading. */
const where = (item: PlanItem) =>
  `第${item.line}行“${item.marker.text}${item.title.length > 20 ? `${item.title.slice(0, 20)}……` : item.title}”`;

/** What an item's own numbering looks like when a sentence quotes it: 17, 一是, （1）. */
const ownLabel = (item: PlanItem) => itemLabel([{ style: item.marker.style, ordinal: item.marker.ordinal }]);

/**
 * The words a progress report (通报) uses for where an item stands, and the category each counts
 * as. 基本完成 is not 销号: it counts as 推进中 until the office says otherwise in statusLabels.
 */
const STATUS_CATEGORY: readonly [RegExp, MeasureStatus][] = [
  [/^(已完成|已整改|完成整改|已办结|已销号)$/, '已完成'],
  [/^(长期坚持|持续整改)$/, '长期坚持'],
  [/^(未启动|尚未启动|未开始)$/, '未启动'],
  [/./, '推进中'],
];

/** A unit kind for a unit name: the kind its name ends with (X村党支部 → 党支部), else undefined. */
function kindOf(name: string, kinds: readonly { name: string }[]): string | undefined {
  const own = [...kinds].sort((a, b) => b.name.length - a.name.length).find((k) => name.endsWith(k.name));
  if (own) return own.name;
  // Offices are named by their last character (党政办, 财政所, 工作站); committees as 纪委.
  const like: [RegExp, string][] = [
    [/(办|所|站|中心|科|室|局)$/, '办公室'],
    [/(委|委员会)$/, '党委'],
    [/支部$/, '党支部'],
  ];
  return like.find(([re, kind]) => re.test(name) && kinds.some((k) => k.name === kind))?.[1];
}

/**
 * The plan's items from the level of 方面 down. A plan whose top level holds several parts with
 * problems under them numbers its 方面 at the top (一、…方面 with 1. 2. problems); otherwise one
 * part is the problem list and its children are the 方面, and the parts before and after it are
 * 责任 and 工作要求 (or text sections).
 */
function findAreas(plan: ParsedPlan): { areas: PlanItem[]; part?: PlanItem } {
  const hasItems = (part: PlanItem) => part.children.some((c) => c.children.length > 0 || c.fields.length > 0 || c.status !== undefined);
  const problemParts = plan.items.filter(hasItems);
  if (
    problemParts.length > 1 ||
    (problemParts.length === 1 && plan.items.length === 1 && problemParts[0]!.children.every((c) => c.children.length === 0))
  ) {
    return { areas: plan.items };
  }
  if (problemParts.length === 1) return { areas: problemParts[0]!.children, part: problemParts[0]! };
  // No part has anything below its items: the top-level items are the 方面 themselves.
  return { areas: plan.items };
}

/** The body text of an item: its lines after the heading, without the label line its children come from. */
function itemBody(item: PlanItem): string {
  const lines = item.text.split('\n');
  const keep = lines.filter((line, i) => {
    if (i === 0 || item.children.length === 0 || !item.childrenLabel) return true;
    // 整改措施：一是……二是……: the children list themselves below.
    return !line.startsWith(`${item.childrenLabel}：`) && !line.startsWith(`${item.childrenLabel}:`);
  });
  return keep.join('\n\n');
}

/** Writes the parsed plan as content files, or says why it cannot. */
export function planContentFiles(plan: ParsedPlan, existing: ExistingProject): WrittenContent {
  const unplaceable: string[] = [];
  const todo: string[] = [];
  const files = new Map<string, string>();
  const planDate = plan.issued;
  const deadlineCtx = planDate ? { planYear: Number(planDate.slice(0, 4)), issued: planDate } : {};

  // The plan's own figures (共106项，已完成98项) go into plan.md `reported`, dated; see src/domain/reported.ts.
  const reported = reportedFromImport(plan.reported, plan.issued);
  todo.push(...reported.todo);

  const { areas, part: areasPart } = findAreas(plan);
  if (areas.length === 0) unplaceable.push('没有找到编号的问题或整改条目：原文应有“一、”“（一）”“1.”这类编号');
  const parts = areasPart ? plan.items : [];
  const before = areasPart ? parts.slice(0, parts.indexOf(areasPart)) : [];
  const after = areasPart ? parts.slice(parts.indexOf(areasPart) + 1) : [];
  const numbered = (p: PlanItem) => p.children.length > 0;
  // The first numbered part before the problem list is 责任, the first after it 工作要求; every
  // other part keeps its words as a text section of plan.md.
  const duties = before.find(numbered);
  const requirements = after.find(numbered);
  for (const p of [duties, requirements]) {
    for (const item of p?.children ?? []) {
      if (item.children.length > 0) unplaceable.push(`${where(item)}：下面还有一层编号，这一部分只有一层`);
    }
  }
  const textOf = (p: PlanItem) =>
    [
      headingParts(p).rest,
      ...p.text.split('\n').slice(1),
      ...p.children.map((c) => `${ownLabel(c)}${/\d$/.test(ownLabel(c)) ? '. ' : '、'}${c.text.split('\n').join('')}`),
    ]
      .filter(Boolean)
      .join('\n\n');
  const sections: Record<string, unknown>[] = [];
  for (const p of parts) {
    const kind = p === areasPart ? 'areas' : p === duties ? 'duties' : p === requirements ? 'requirements' : 'text';
    const text = kind === 'text' ? textOf(p) : [headingParts(p).rest, ...p.paragraphs].filter(Boolean).join('\n\n');
    sections.push({ part: kind, title: headingParts(p).title, ...(text ? { text } : {}) });
  }

  // Units: 责任单位 named in the text become units when the project has none of that name.
  const unitByName = new Map(existing.units.map((u) => [u.name, u.id]));
  const kinds = existing.unitKinds ?? DEFAULT_UNIT_KINDS;
  let nextUnit = existing.units.length + 1;
  const unitIds = (value: string): string[] =>
    unitNames(value).map((name) => {
      const known = unitByName.get(name);
      if (known) return known;
      while (existing.units.some((u) => u.id === `unit-${nextUnit}`)) nextUnit += 1;
      const id = `unit-${nextUnit++}`;
      const kind = kindOf(name, kinds);
      if (!kind) todo.push(`单位“${name}”（${id}）：猜不出类别，已写作“${kinds[0]!.name}”，请在 src/content/units/${id}.md 中改正 kind`);
      files.set(`src/content/units/${id}.md`, markdown({ name, kind: kind ?? kinds[0]!.name, order: (nextUnit - 1) * 10 }, ''));
      unitByName.set(name, id);
      return id;
    });

  // Items: one file each, named by the numbering path from the 方面 down.
  const samePlan = existing.plan?.['title'] === plan.title;
  const statusGroups = new Map<string, string[]>();
  const noOwners: string[] = [];
  const noDeadline: string[] = [];
  let leaves = 0;
  const writeItem = (item: PlanItem, path: number[], parentHasOwners: boolean, parentHasDeadline: boolean, straightThrough: boolean) => {
    const id = path.join('-');
    const kept = samePlan ? existing.measures.get(id) : undefined;
    const data: Record<string, unknown> = { title: measureTitle(item.text) };
    // Numbering that runs straight through the 方面 (问题1–32) is what readers quote; sub-items quote their own marker.
    if (path.length > 2 || straightThrough) data['label'] = ownLabel(item);
    const ownersText = item.fields.filter((f) => f.kind === 'units').map((f) => f.value);
    if (ownersText.length > 0) data['owners'] = [...new Set(ownersText.flatMap((v) => unitIds(v)))];
    else if (Array.isArray(kept?.['owners'])) data['owners'] = kept['owners'];
    const leader = item.fields.find((f) => f.kind === 'leader')?.value;
    if (leader) data['leader'] = leader;
    const deadlineText = item.fields.find((f) => f.kind === 'deadline')?.value;
    if (kept?.['deadline'] !== undefined && !deadlineText) data['deadline'] = kept['deadline'];
    if (deadlineText) {
      const reading = readDeadline(deadlineText, deadlineCtx);
      if (reading.kind === 'unreadable' || (!reading.date && !reading.ongoing && reading.kind !== 'pending'))
        todo.push(
          `${where(item)}：完成时限“${deadlineText}”推算不出日期${reading.note ? `（${reading.note}）` : ''}，网站按“待定”显示；可在 src/content/measures/${id}.md 另写 deadline`,
        );
      // A date, 待定 or 长期 as written is the field itself; other wording is kept as written.
      if (/^\d{4}-\d{2}-\d{2}$/.test(deadlineText) || deadlineText === '待定' || deadlineText === '长期') data['deadline'] = deadlineText;
      else data['deadlineText'] = deadlineText;
    }
    for (const f of item.fields.filter((f) => f.kind === 'other' || f.kind === 'progress')) {
      if (f.kind === 'progress' && item.status) continue;
      todo.push(`${where(item)}：${f.label}“${f.value}”没有对应的字段，已写入正文`);
    }
    // 整改情况 is the report's own text about the item: kept in its body, whatever status it gives.
    const extra = item.fields.filter((f) => f.kind === 'other' || f.kind === 'progress').map((f) => `${f.label}：${f.value}`);
    const body = [itemBody(item), ...extra].filter(Boolean).join('\n\n');
    files.set(`${PLAN_DIRS.measures}/${id}.md`, markdown(data, body));
    if (item.status) statusGroups.set(item.status, [...(statusGroups.get(item.status) ?? []), id]);
    const hasOwners = parentHasOwners || data['owners'] !== undefined;
    const hasDeadline = parentHasDeadline || data['deadline'] !== undefined || data['deadlineText'] !== undefined;
    if (item.children.length === 0) {
      leaves += 1;
      if (!hasOwners) noOwners.push(id);
      if (!hasDeadline) noDeadline.push(id);
    }
    for (const child of item.children) writeItem(child, [...path, child.marker.ordinal], hasOwners, hasDeadline, false);
  };
  // Items numbered straight through their 方面 (the second 方面's first problem is 4, not 1).
  const straightThrough = areas.length > 1 && areas.slice(1).some((a) => (a.children[0]?.marker.ordinal ?? 1) > 1);
  areas.forEach((area) => {
    const manifestations = area.labelled
      .filter((l) => /表现/.test(l.label))
      .flatMap((l) => (l.items.length > 0 ? l.items.map((i) => i.text) : [l.text]))
      .map((text) => {
        const title = firstSentence(text);
        const rest = text
          .slice(text.indexOf(title) + title.length)
          .replace(/^[。！!？?；;，,]/, '')
          .trim();
        return rest ? { title, text: rest } : { title };
      });
    const data: Record<string, unknown> = { title: headingParts(area).title };
    if (area.marker.style !== 'paren-cn') data['label'] = ownLabel(area);
    if (manifestations.length > 0) data['manifestations'] = manifestations;
    const areaText = [
      headingParts(area).rest,
      ...area.paragraphs,
      ...area.labelled.filter((l) => !/表现|措施/.test(l.label)).map((l) => `${l.label}：${l.text}`),
    ]
      .filter(Boolean)
      .join('\n\n');
    files.set(`${PLAN_DIRS.areas}/${area.marker.ordinal}.md`, markdown(data, areaText));
    for (const f of area.fields)
      unplaceable.push(`${where(area)}：${f.label}“${f.value}”写在“方面”一层，网站的方面没有这个字段；请移到它下面的条目`);
    if (area.status) unplaceable.push(`${where(area)}：进展“${area.status}”写在“方面”一层，网站的状态属于条目`);
    for (const item of area.children) writeItem(item, [area.marker.ordinal, item.marker.ordinal], false, false, straightThrough);
  });
  if (unplaceable.length > 0) return { files: new Map(), unplaceable, todo };

  for (const duty of duties?.children ?? []) {
    files.set(`${PLAN_DIRS.duties}/${duty.marker.ordinal}.md`, markdown({ title: headingParts(duty).title }, bodyAfterTitle(duty)));
  }
  for (const req of requirements?.children ?? []) {
    files.set(`${PLAN_DIRS.requirements}/${req.marker.ordinal}.md`, markdown({ title: headingParts(req).title }, bodyAfterTitle(req)));
  }
  if (noOwners.length > 0 && existing.units.length + unitByName.size > 0)
    todo.push(`条目 ${noOwners.join('、')}：原文没有写责任单位，请在各自（或上一层条目）的 owners 中填写单位编号`);
  if (noDeadline.length > 0) todo.push(`条目 ${noDeadline.join('、')}：原文没有写完成时限，网站按“待定”显示`);

  // A progress report's statuses become dated records, one per status, with the report as evidence.
  const labels = [...(existing.statusLabels ?? [])];
  const newLabels: { label: string; status: MeasureStatus }[] = [];
  if (statusGroups.size > 0) {
    const date = planDate ?? plan.reported.find((r) => r.asOf)?.asOf;
    if (!date) todo.push('原文写了各条目的进展，但没有落款日期，无法登记为进展记录：请在 src/content/updates/ 中手工登记');
    else {
      [...statusGroups].forEach(([word, ids], k) => {
        let status = (STATUSES as readonly string[]).includes(word) ? word : labels.find((l) => l.label === word)?.status;
        if (!status) {
          const category = STATUS_CATEGORY.find(([re]) => re.test(word))![1];
          newLabels.push({ label: word, status: category });
          labels.push({ label: word, status: category });
          status = category;
          todo.push(
            `站点设置 statusLabels：登记了状态说法“${word}”，按“${category}”统计${category === '推进中' && word.includes('完成') ? '（不销号）；如应算作已完成，请改为 已完成' : ''}`,
          );
        }
        const data: Record<string, unknown> = {
          title: `《${plan.title}》：${word} ${ids.length} 项`,
          date,
          measures: ids,
          status: word,
          ...(status === '已完成' || status === '长期坚持' ? { evidence: [`《${plan.title}》（${date}）`] } : {}),
        };
        files.set(`src/content/updates/${date}-import-${k + 1}.md`, markdown(data, `据《${plan.title}》，以下 ${ids.length} 项${word}。`));
      });
    }
  }
  if (newLabels.length > 0 && existing.settingsFile) {
    const doc = parseDocument(existing.settingsFile.text);
    const list = doc.get('statusLabels');
    const entries = [...(isSeq(list) ? (list.toJSON() as unknown[]) : []), ...newLabels];
    doc.set('statusLabels', doc.createNode(entries));
    files.set(existing.settingsFile.path, doc.toString({ lineWidth: 0 }));
  }

  // plan.md: what the text gives, and the rest kept from the project or left to fill in.
  const old = existing.plan ?? {};
  const keep = (key: string, derived: unknown, missing: string): unknown => {
    if (derived !== undefined) return derived;
    if (old[key] !== undefined) {
      if (!samePlan) todo.push(`plan.md：${key} 沿用了原有 plan.md 的内容（原方案《${String(old['title'])}》），请确认或改为新方案的内容`);
      return old[key];
    }
    if (missing) todo.push(`plan.md：${missing}`);
    return undefined;
  };
  const leadership = leadershipOf(
    plan.items
      .flatMap((p) => [p, ...p.children])
      .map((i) => i.text)
      .join('\n'),
  );
  const officeId = leadership.office ? unitByName.get(leadership.office) : undefined;
  if (leadership.office && !officeId) {
    todo.push(
      `plan.md：领导小组办公室设在“${leadership.office}”，src/content/units/ 中没有同名单位，请建立后在 leadership.office 中填写其编号`,
    );
  }
  const derivedLeadership =
    leadership.leader || leadership.members
      ? {
          ...(leadership.leader ? { leader: leadership.leader } : {}),
          ...(leadership.deputies ? { deputies: leadership.deputies } : {}),
          ...(leadership.members ? { members: leadership.members } : {}),
          ...(officeId ? { office: officeId } : {}),
          ...(leadership.officeHead ? { officeHead: leadership.officeHead } : {}),
        }
      : undefined;
  const declaredAreas = plan.declared.aspects ?? (straightThrough || !areasPart ? undefined : plan.declared.problems);
  const declaredMeasures = plan.declared.measures ?? plan.declared.tasks;
  const levels = levelNames(areas, areasPart);
  const planData: Record<string, unknown> = {
    title: plan.title,
    ...(plan.documentNumber ? { number: plan.documentNumber } : {}),
    ...(planDate ? { issued: planDate } : {}),
    ...(reported.reported.length > 0 ? { reported: reported.reported } : {}),
    issuer: keep('issuer', plan.issuer, '原文没有写制定单位，请填写 issuer（例如：中共X镇委员会）'),
    basis: plan.basis?.number ? plan.basis : samePlan ? old['basis'] : undefined,
    // A campaign is optional (many plans have none): carried over from the same plan's plan.md, never asked for.
    campaign: samePlan ? old['campaign'] : undefined,
    ...(levels ? { levels } : {}),
    ...(sections.length > 0 ? { sections } : {}),
    declared: { areas: declaredAreas ?? areas.length, measures: declaredMeasures ?? leaves },
    leadership: derivedLeadership ?? (samePlan ? old['leadership'] : undefined),
    milestones: (samePlan ? old['milestones'] : undefined) ?? [],
  };
  if (!samePlan && old['campaign'] !== undefined)
    todo.push(`plan.md：原有的主题活动“${String(old['campaign'])}”属于原方案，没有沿用；新方案有主题活动时请填写 campaign`);
  for (const [key, value] of Object.entries(planData)) if (value === undefined) delete planData[key];
  files.set(`${PLAN_DIRS.plan}/plan.md`, markdown(planData, plan.preamble.join('\n\n')));

  const dated = (requirements?.children ?? []).flatMap((r) =>
    r.text
      .split(/(?<=[。；])/)
      .filter((s) => /(\d+|[XＸ])月(\d+|[XＸ])日/.test(s))
      .map((s) => `${r.label}“${s.trim()}”`),
  );
  // The same plan's milestones are the office's; otherwise the dated sentences are listed to register.
  if (!(samePlan && old['milestones'] !== undefined) && dated.length > 0) {
    todo.push(`plan.md：以下时间节点请在 milestones 中登记（编号用小写字母，日期未公开写“待定”）：${dated.join('；')}`);
  }
  for (const note of plan.notes) todo.push(`原文：${note}`);
  return { files, unplaceable, todo };
}

/**
 * What the plan calls each level from 方面 down, when it is not the default (问题 → 整改措施): a
 * plan whose 方面 are called so (…方面) has problems under them, and the measures below those.
 */
function levelNames(areas: readonly PlanItem[], part: PlanItem | undefined): string[] | undefined {
  const depth = (item: PlanItem): number => 1 + Math.max(0, ...item.children.map(depth));
  const deepest = Math.max(0, ...areas.map(depth));
  // 方面 with problems under them, or named so, or at the top of the plan; otherwise each is a problem.
  const areaNoun = deepest >= 3 || areas.every((a) => /方面$/.test(a.title)) || !part ? '方面' : '问题';
  if (areaNoun === '问题' && deepest <= 2) return undefined;
  const below = areas.flatMap((a) => a.children);
  const childLabel = below.find((i) => i.childrenLabel)?.childrenLabel ?? '整改措施';
  const names = [areaNoun];
  // Under 方面 the first level are problems (问题1–N); under problems, measures.
  if (deepest >= 2) names.push(deepest >= 3 || areaNoun === '方面' ? '问题' : '整改措施');
  if (deepest >= 3) names.push(childLabel);
  if (deepest >= 4) names.push('具体措施');
  return names;
}
