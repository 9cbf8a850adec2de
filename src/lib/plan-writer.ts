/**
 * Writes a parsed plan (plan-import.ts) as the site's current content files: plan.md, duties/N.md,
 * areas/N.md with 具体表现, measures/A-N.md and requirements/N.md.
 *
 * The current model holds one shape of plan: three parts (责任、问题清单、工作要求), problems with
 * numbered measures under them, no fields on problems, owners as unit ids and deadlines as a date,
 * 待定 or 长期. Whatever a plan has beyond that is listed, in Chinese, as not placeable, and then
 * nothing is written: a site that silently drops part of a plan is not faithful. What the text
 * does not give but the model needs (owners, the campaign name) is kept from the project's
 * existing files or listed as to be filled in by hand. Pure: the caller reads and writes files.
 */
import { Document, isScalar, isSeq, parse, visit } from 'yaml';
import { splitFrontmatter } from '../checker/yaml-source.ts';
import { readDeadline } from './deadline-words.ts';
import { firstSentence, type ParsedPlan, type PlanItem } from './plan-import.ts';
import { reportedFromImport } from './reported.ts';

/** What the writer needs to know of the project it writes into. */
export interface ExistingProject {
  /** Units by id and name, to turn 责任单位 into ids. */
  units: readonly { id: string; name: string }[];
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

/** Writes the parsed plan as the current content files, or says why it cannot. */
export function currentContentFiles(plan: ParsedPlan, existing: ExistingProject): WrittenContent {
  const unplaceable: string[] = [];
  const todo: string[] = [];
  const files = new Map<string, string>();
  const year = plan.issued ? Number(plan.issued.slice(0, 4)) : undefined;
  const deadlineCtx = { ...(year === undefined ? {} : { planYear: year }), ...(plan.issued ? { issued: plan.issued } : {}) };

  // The plan's own figures (共106项，已完成98项) go into plan.md `reported`, dated; see src/lib/reported.ts.
  const reported = reportedFromImport(plan.reported, plan.issued);
  todo.push(...reported.todo);

  // The three parts: the one whose items have measures is the problem list.
  const parts = plan.items;
  const nonChapter = parts.filter((p) => p.marker.style !== 'chapter');
  if (nonChapter.length > 0) {
    unplaceable.push(
      `方案的第一层编号是“${nonChapter[0]!.marker.text}”，不是“一、二、三”：当前模型要求方案分为“责任、问题清单、工作要求”三个部分`,
    );
  }
  const hasMeasures = (part: PlanItem) => part.children.some((c) => c.children.length > 0);
  const problemParts = parts.filter(hasMeasures);
  if (problemParts.length === 0) unplaceable.push('没有找到列有整改措施的问题清单部分（问题下面带编号的措施）');
  if (problemParts.length > 1) {
    unplaceable.push(
      `问题分在 ${problemParts.length} 个部分中（${problemParts.map((p) => p.marker.text + p.title).join('；')}）：当前模型只有一个问题清单部分，“方面”这一层无处安放`,
    );
  }
  const areasPart = problemParts.length === 1 ? problemParts[0]! : undefined;
  const before = areasPart ? parts.slice(0, parts.indexOf(areasPart)) : [];
  const after = areasPart ? parts.slice(parts.indexOf(areasPart) + 1) : [];
  if (areasPart && before.length !== 1) {
    unplaceable.push(
      before.length === 0
        ? '问题清单之前没有“责任”部分：当前模型要求方案有这一部分'
        : `问题清单之前有 ${before.length} 个部分，当前模型只容纳一个“责任”部分：${before.map((p) => p.marker.text + p.title).join('；')}`,
    );
  }
  if (areasPart && after.length !== 1) {
    unplaceable.push(
      after.length === 0
        ? '问题清单之后没有“工作要求”部分：当前模型要求方案有这一部分'
        : `问题清单之后有 ${after.length} 个部分，当前模型只容纳一个“工作要求”部分：${after.map((p) => p.marker.text + p.title).join('；')}`,
    );
  }
  for (const part of parts) {
    if (part.paragraphs.length + part.labelled.length > 0 || headingParts(part).rest) {
      unplaceable.push(`${where(part)}：部分标题下的说明文字无处安放（当前模型的部分只有标题）`);
    }
    for (const f of part.fields) unplaceable.push(`${where(part)}：${f.label}“${f.value}”无处安放`);
  }

  // 一、责任 and 三、工作要求: numbered paragraphs with a title and text, nothing below.
  const plainSection = (part: PlanItem | undefined) => {
    if (!part) return;
    for (const item of part.children) {
      if (item.children.length > 0) unplaceable.push(`${where(item)}：下面还有一层编号，当前模型的这一部分只有一层`);
      for (const f of item.fields) unplaceable.push(`${where(item)}：${f.label}“${f.value}”无处安放`);
    }
  };
  const duties = before.length === 1 ? before[0] : undefined;
  const requirements = after.length === 1 ? after[0] : undefined;
  plainSection(duties);
  plainSection(requirements);

  // 二、问题清单: problems with 具体表现 and measures.
  const problems = areasPart?.children ?? [];
  for (const problem of problems) {
    const { rest } = headingParts(problem);
    if (problem.paragraphs.length > 0 || rest)
      unplaceable.push(`${where(problem)}：问题的说明文字无处安放（当前模型的问题只有标题和具体表现）`);
    for (const l of problem.labelled) {
      if (/表现/.test(l.label) || (/措施/.test(l.label) && (l.text === '' || problem.children.every((c) => c.inline)))) continue;
      unplaceable.push(`第${l.line}行：“${l.label}”一段无处安放`);
    }
    for (const f of problem.fields)
      unplaceable.push(`${where(problem)}：问题的${f.label}“${f.value}”无处安放（当前模型只在措施上记责任单位和时限）`);
    if (problem.status) unplaceable.push(`${where(problem)}：进展“${problem.status}”无处安放（当前模型的状态只来自进展记录）`);
    if (problem.children[0] && problem.children[0].marker.ordinal !== 1) {
      unplaceable.push(
        `${where(problem.children[0])}：措施跨问题连续编号（从${problem.children[0].marker.ordinal}起）：当前模型的措施编号是“问题序号-措施序号”，原编号无法保留`,
      );
    }
    for (const measure of problem.children) {
      if (measure.children.some((c) => c.inline)) {
        unplaceable.push(`${where(measure)}：下面还有一层措施（一是、二是……）：当前模型的措施之下没有层级`);
      }
      for (const child of measure.children.filter((c) => !c.inline)) {
        unplaceable.push(`${where(child)}：第${child.depth}层编号（措施之下）无处安放`);
      }
      for (const f of measure.fields) {
        if (f.kind === 'leader' || f.kind === 'other' || f.kind === 'progress') {
          unplaceable.push(`${where(measure)}：${f.label}“${f.value}”无处安放`);
        }
        if (f.kind === 'deadline') {
          const reading = readDeadline(f.value, deadlineCtx);
          const keeps = /^\d{4}-\d{2}-\d{2}$/.test(f.value) || reading.kind === 'pending' || (reading.kind === 'ongoing' && !reading.date);
          if (!keeps) {
            unplaceable.push(
              `${where(measure)}：完成时限“${f.value}”${reading.date ? `只能写成 ${reading.date}` : '无法写成日期'}，原文措辞无处保存${reading.note ? `（${reading.note}）` : ''}`,
            );
          }
        }
      }
      if (measure.status) unplaceable.push(`${where(measure)}：进展“${measure.status}”无处安放（当前模型的状态只来自进展记录）`);
    }
  }
  if (unplaceable.length > 0) return { files, unplaceable, todo };

  // Everything fits: write it.
  const unitByName = new Map(existing.units.map((u) => [u.name, u.id]));
  const leadership = leadershipOf([...(requirements?.children ?? []), ...(duties?.children ?? [])].map((i) => i.text).join('\n'));
  // Owners, deadlines and the plan's own fields are only carried over when re-importing the same plan.
  const old = existing.plan ?? {};
  const samePlan = old['title'] === plan.title;
  const measureCount = problems.reduce((n, p) => n + p.children.length, 0);
  const noOwners: string[] = [];
  const noDeadline: string[] = [];

  for (const duty of duties?.children ?? []) {
    files.set(`${PLAN_DIRS.duties}/${duty.marker.ordinal}.md`, markdown({ title: headingParts(duty).title }, bodyAfterTitle(duty)));
  }
  for (const req of requirements?.children ?? []) {
    files.set(`${PLAN_DIRS.requirements}/${req.marker.ordinal}.md`, markdown({ title: headingParts(req).title }, bodyAfterTitle(req)));
  }
  for (const problem of problems) {
    const manifestations = problem.labelled
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
    const data: Record<string, unknown> = { title: headingParts(problem).title };
    if (manifestations.length > 0) data['manifestations'] = manifestations;
    files.set(`${PLAN_DIRS.areas}/${problem.marker.ordinal}.md`, markdown(data, ''));

    for (const measure of problem.children) {
      const id = `${problem.marker.ordinal}-${measure.marker.ordinal}`;
      const kept = samePlan ? existing.measures.get(id) : undefined;
      let owners: string[] = [];
      const ownersText = measure.fields.filter((f) => f.kind === 'units').map((f) => f.value);
      if (ownersText.length > 0) {
        for (const name of ownersText.flatMap(unitNames)) {
          const unit = unitByName.get(name);
          if (unit) owners.push(unit);
          else
            todo.push(
              `措施 ${id}：责任单位“${name}”在 src/content/units/ 中没有同名单位，请建立该单位（name 写“${name}”）或在 owners 中填写单位编号`,
            );
        }
      } else if (Array.isArray(kept?.['owners'])) owners = kept['owners'] as string[];
      else noOwners.push(id);

      const deadlineText = measure.fields.find((f) => f.kind === 'deadline')?.value;
      let deadline: unknown = '待定';
      if (deadlineText !== undefined) {
        const reading = readDeadline(deadlineText, deadlineCtx);
        deadline = reading.kind === 'ongoing' ? '长期' : reading.kind === 'pending' ? '待定' : reading.date;
      } else if (kept?.['deadline'] !== undefined) deadline = kept['deadline'];
      else noDeadline.push(id);

      files.set(
        `${PLAN_DIRS.measures}/${id}.md`,
        markdown({ title: measureTitle(measure.text), owners, deadline }, measure.text.split('\n').join('\n\n')),
      );
    }
  }

  if (noOwners.length > 0) todo.push(`措施 ${noOwners.join('、')}：原文没有写责任单位，请在各自的 owners 中填写单位编号`);
  if (noDeadline.length > 0) todo.push(`措施 ${noDeadline.join('、')}：原文没有写完成时限，已写作“待定”`);

  // plan.md: what the text gives, and the rest kept from the project or left to fill in.
  // What the text says comes first; then the project's plan.md, said aloud when it was another plan's.
  const keep = (key: string, derived: unknown, missing: string): unknown => {
    if (derived !== undefined) return derived;
    if (old[key] !== undefined) {
      if (!samePlan) todo.push(`plan.md：${key} 沿用了原有 plan.md 的内容（原方案《${String(old['title'])}》），请确认或改为新方案的内容`);
      return old[key];
    }
    todo.push(`plan.md：${missing}`);
    return undefined;
  };
  const officeId = leadership.office ? unitByName.get(leadership.office) : undefined;
  if (leadership.office && !officeId) {
    todo.push(
      `plan.md：领导小组办公室设在“${leadership.office}”，src/content/units/ 中没有同名单位，请建立后在 leadership.office 中填写其编号`,
    );
  }
  const derivedLeadership =
    leadership.leader && leadership.members && (officeId || !leadership.office)
      ? {
          leader: leadership.leader,
          deputies: leadership.deputies ?? [],
          members: leadership.members,
          ...(officeId ? { office: officeId } : {}),
          ...(leadership.officeHead ? { officeHead: leadership.officeHead } : {}),
        }
      : undefined;
  const declaredAreas = plan.declared.aspects ?? plan.declared.problems;
  const declaredMeasures = plan.declared.measures ?? plan.declared.tasks;
  if (declaredAreas === undefined) todo.push(`plan.md：原文没有声明问题个数，declared.areas 已按实际的 ${problems.length} 个填写`);
  if (declaredMeasures === undefined) todo.push(`plan.md：原文没有声明措施项数，declared.measures 已按实际的 ${measureCount} 项填写`);
  const dated = (requirements?.children ?? []).flatMap((r) =>
    r.text
      .split(/(?<=[。；])/)
      .filter((s) => /(\d+|[XＸ])月(\d+|[XＸ])日/.test(s))
      .map((s) => `三（${r.marker.ordinal}）“${s.trim()}”`),
  );
  if (old['milestones'] === undefined && dated.length > 0) {
    todo.push(`plan.md：以下时间节点请在 milestones 中登记（编号用小写字母，日期未公开写“待定”）：${dated.join('；')}`);
  }
  const planData: Record<string, unknown> = {
    title: plan.title,
    ...(plan.documentNumber ? { number: plan.documentNumber } : {}),
    ...(plan.issued ? { issued: plan.issued } : {}),
    ...(reported.reported.length > 0 ? { reported: reported.reported } : {}),
    issuer: keep('issuer', plan.issuer, '原文没有写制定单位，请填写 issuer（例如：中共X镇委员会）'),
    basis: plan.basis?.number ? plan.basis : keep('basis', undefined, '原文导语中没有“根据……《……》（文号）”，请填写 basis'),
    // A campaign is optional (many plans have none): carried over from plan.md (with a note when it
    // was another plan's), never asked for.
    campaign: old['campaign'] !== undefined ? keep('campaign', undefined, '') : undefined,
    sections: (
      [
        ['duties', duties],
        ['areas', areasPart],
        ['requirements', requirements],
      ] as const
    ).flatMap(([part, item]) => (item ? [{ part, title: item.title }] : [])),
    declared: { areas: declaredAreas ?? problems.length, measures: declaredMeasures ?? measureCount },
    leadership: keep('leadership', derivedLeadership, '原文没有写整改工作领导小组，请填写 leadership'),
    milestones: keep('milestones', undefined, '没有时间节点时 milestones 写 []') ?? [],
  };
  for (const [key, value] of Object.entries(planData)) if (value === undefined) delete planData[key];
  files.set(`${PLAN_DIRS.plan}/plan.md`, markdown(planData, plan.preamble.join('\n\n')));

  // Steps the reader of the import report should know about, e.g. repaired characters.
  for (const note of plan.notes) todo.push(`原文：${note}`);
  return { files, unplaceable, todo };
}
