/**
 * Rules across entries that a schema cannot express: references (found by walking the schemas,
 * src/schemas/references.ts), status rules, dates in order,
 * declared counts, duplicate table rows, images that exist.
 */
import { dirname } from 'node:path/posix';
import { parseLocalDateTime, type CalendarDate } from '../schemas/vocabulary.ts';
import { IMAGE_EXTENSIONS, imageTypeOf, imageTypeOfName } from '../domain/image-type.ts';
import { leafIds, ownDeadline, parentMeasureId, parseMeasureId } from '../domain/measures.ts';
import { periodKind } from '../domain/periods.ts';
import { makeResolver } from '../domain/resolve.ts';
import type { RefTarget } from '../schemas/fields.ts';
import { COMPLETED_NEEDS_EVIDENCE, DEFAULT_UNIT_KINDS } from '../schemas/index.ts';
import { STATUSES, statusCategory } from '../domain/status.ts';
import { checkCompletedTargets } from './completed-targets.ts';
import type { ProjectFiles } from './files.ts';
import { checkLeftovers } from './leftovers.ts';
import { checkReported } from './reported.ts';
import type { IssueList } from './issues.ts';
import type { LoadedContent, LoadedEntry } from './load.ts';

const REF_LABELS: Record<RefTarget, string> = {
  measures: '条目',
  units: '单位',
  areas: '问题领域',
  columns: '栏目',
  screens: '显示屏预设',
};

/** Checks that every referenced id exists, naming the field and listing what exists. */
function checkReferences(content: LoadedContent, issues: IssueList) {
  const known: Record<RefTarget, Set<string>> = content.ids;
  // Every reference field the schemas declare, read off each entry's data even when the entry
  // failed its schema for another field, so every mistake of a file shows in one run.
  for (const r of content.fieldReferences) {
    if (known[r.collection].has(r.id)) continue;
    const sample = [...known[r.collection]].slice(0, 8).join('、');
    const field = r.path.reduce<string>((a, k) => (typeof k === 'number' ? `${a}[${k}]` : a ? `${a}.${k}` : k), '');
    issues.error(
      r.file,
      r.lineOf(r.path),
      field,
      `找不到${REF_LABELS[r.collection]}“${r.id}”。已有的编号：${sample}${known[r.collection].size > 8 ? '……' : ''}`,
    );
  }
  const kinds = content.settings[0]?.data.unitKinds ?? DEFAULT_UNIT_KINDS;
  for (const u of content.units) {
    if (!kinds.some((k) => k.name === u.data.kind))
      issues.error(
        u.file,
        u.lineOf(['kind']),
        'kind',
        `单位类别“${u.data.kind}”不在站点设置 unitKinds 中；可用的类别：${kinds.map((k) => k.name).join('、')}`,
      );
  }
  // Components in MDX bodies that point at entries, e.g. <MeasureLink id="3-1" />.
  for (const entry of [...content.posts, ...content.updates]) {
    for (const r of entry.references) {
      if (!known[r.collection].has(r.id))
        issues.error(entry.file, r.line, '正文', `${r.field}：找不到${REF_LABELS[r.collection]}“${r.id}”`);
    }
  }
  for (const row of content.metrics) {
    if (!known.measures.has(row.data.measure)) {
      issues.error(row.file, row.line, 'measure', `第 ${row.line} 行：找不到条目“${row.data.measure}”`);
    }
  }
}

/** Measure ids follow the plan's numbering, and their area must exist. */
function checkNumbering(content: LoadedContent, issues: IssueList) {
  const areas = content.ids.areas;
  for (const [collection, entries] of [
    ['areas', content.areas],
    ['duties', content.duties],
    ['requirements', content.requirements],
  ] as const) {
    for (const e of entries) {
      if (!/^[1-9]\d*$/.test(e.id)) issues.error(e.file, 1, '文件名', `${collection} 的文件名应是序号，例如 1.md、2.md`);
    }
  }
  const planDate = content.plan[0]?.data.issued;
  for (const m of content.measures) {
    const parsed = parseMeasureId(m.id);
    if (!parsed) {
      issues.error(
        m.file,
        1,
        '文件名',
        '条目文件名应是原文的编号路径“方面序号-序号”，例如 2-3.md（第二个方面的第3项）；下一层再加“-序号”，例如 2-3-1.md',
      );
      continue;
    }
    if (!areas.has(String(parsed.area))) {
      issues.error(m.file, 1, '文件名', `条目 ${m.id} 属于第 ${parsed.area} 个方面，但找不到 src/content/areas/${parsed.area}.md`);
    }
    const parent = parentMeasureId(m.id);
    if (parent && !content.ids.measures.has(parent)) {
      issues.error(m.file, 1, '文件名', `条目 ${m.id} 是 ${parent} 下面的一项，但找不到 src/content/measures/${parent}.md`);
    }
    // Wording the site cannot read as a date must say what it means in `deadline`.
    const own = m.data.deadline === undefined ? ownDeadline(m.data, { planDate }) : undefined;
    if (own?.deadline === '待定' && m.data.deadlineText && !/待定/.test(m.data.deadlineText)) {
      issues.warning(
        m.file,
        m.lineOf(['deadlineText']),
        'deadlineText',
        `完成时限“${m.data.deadlineText}”推算不出日期${own.note ? `（${own.note}）` : ''}，网站按“待定”显示；请另写 deadline: YYYY-MM-DD、待定或长期${planDate ? '' : '，或在 plan.md 写上印发日期 issued'}`,
      );
    }
  }
  // An item with nothing below must say who is responsible, itself or through the item above.
  const byId = new Map(content.measures.map((m) => [m.id, m]));
  for (const id of leafIds([...byId.keys()])) {
    const m = byId.get(id)!;
    let owners = m.data.owners;
    for (let at = parentMeasureId(m.id); !owners && at; at = parentMeasureId(at)) owners = byId.get(at)?.data.owners;
    if (!owners && content.units.length > 0) {
      issues.warning(
        m.file,
        1,
        'owners',
        '这一项及其上级条目都没有写责任单位（owners），网站显示“未列明”；原文写了责任单位时请填写单位编号',
      );
    }
  }
}

function checkSingletons(content: LoadedContent, issues: IssueList) {
  for (const [name, dir] of [
    ['plan', 'src/content/plan'],
    ['settings', 'src/content/settings'],
  ] as const) {
    const entries = content[name];
    if (entries.length === 0) issues.error(dir, 1, '文件', `${dir} 中应有且只有一个文件，现在没有（或它有错误）`);
    for (const extra of entries.slice(1)) issues.error(extra.file, 1, '文件', `${dir} 中只能有一个文件，另一个是 ${entries[0]!.file}`);
  }
}

/** 已完成 needs evidence; dates must exist and come in order; records should not be in the future. */
function checkStatusAndDates(content: LoadedContent, issues: IssueList, today: CalendarDate) {
  const labels = content.settings[0]?.data.statusLabels ?? [];
  for (const u of content.updates) {
    const written = u.data.status;
    const { completedOn, evidence, date } = u.data;
    const status = written ? statusCategory(written, labels) : undefined;
    if (written && !status) {
      const words = [...STATUSES, ...labels.map((l) => l.label)].join('、');
      issues.error(
        u.file,
        u.lineOf(['status']),
        'status',
        `状态“${written}”不认识：应是 ${words} 之一；方案自己的说法请在站点设置 statusLabels 中登记`,
      );
    }
    // The literal 已完成 and the date order are the schema's rules; a site's own word for 已完成 is checked here.
    if (status === '已完成' && written !== '已完成' && (!evidence || evidence.length === 0)) {
      issues.error(u.file, u.lineOf(['status']), 'evidence', COMPLETED_NEEDS_EVIDENCE);
    }
    if (completedOn !== undefined && status !== '已完成' && status !== '长期坚持') {
      issues.error(u.file, u.lineOf(['completedOn']), 'completedOn', '只有状态为“已完成”或“长期坚持”的记录才填写完成日期');
    }
    if (date > today) issues.warning(u.file, u.lineOf(['date']), 'date', `记录日期 ${date} 晚于今天（${today}），请确认日期`);
  }
  for (const n of content.notices) {
    const start = parseLocalDateTime(n.data.start);
    const end = parseLocalDateTime(n.data.end);
    if (start !== undefined && end !== undefined && end <= start) {
      issues.error(n.file, n.lineOf(['end']), 'end', `结束时间 ${n.data.end} 不晚于开始时间 ${n.data.start}：结束时间必须晚于开始时间`);
    }
  }
  // Two records that set different statuses for one measure on the same day leave the order to chance.
  const seen = new Map<string, { file: string; status: string }>();
  for (const u of content.updates) {
    if (!u.data.status) continue;
    if (!u.data.measures?.length) continue;
    for (const m of u.data.measures) {
      const key = `${m}@${u.data.date}`;
      const other = seen.get(key);
      if (other && other.status !== u.data.status) {
        issues.warning(
          u.file,
          u.lineOf(['status']),
          'status',
          `与 ${other.file} 在同一天（${u.data.date}）给措施 ${m} 设了不同状态，按文件名顺序取后者`,
        );
      }
      seen.set(key, { file: u.file, status: u.data.status });
    }
  }
  for (const plan of content.plan) {
    const ids = new Set<string>();
    plan.data.milestones.forEach((ms, i) => {
      if (ids.has(ms.id)) issues.error(plan.file, plan.lineOf(['milestones', i, 'id']), `milestones[${i}].id`, `节点编号 ${ms.id} 重复`);
      ids.add(ms.id);
    });
  }
}

/** The plan declares its counts; the site shows what the content holds and warns of a difference. */
function checkDeclaredCounts(content: LoadedContent, issues: IssueList) {
  for (const plan of content.plan) {
    const { areas, measures } = plan.data.declared;
    // Items with something below are counted through it, as the site counts.
    const found = { measures: leafIds([...content.ids.measures]).length, areas: content.ids.areas.size };
    if (measures !== found.measures) {
      issues.warning(
        plan.file,
        plan.lineOf(['declared', 'measures']),
        'declared.measures',
        `方案声明 ${measures} 项整改措施，内容中实际有 ${found.measures} 项；网站按实际的 ${found.measures} 项统计`,
      );
    }
    if (areas !== found.areas) {
      issues.warning(
        plan.file,
        plan.lineOf(['declared', 'areas']),
        'declared.areas',
        `方案声明 ${areas} 个方面的问题，内容中实际有 ${found.areas} 个；网站按实际的 ${found.areas} 个统计`,
      );
    }
  }
}

/**
 * Whether the picture at `path` (project-relative) can be published: a real file (not a
 * symbolic link), of the type its name promises, and not SVG (which can carry scripts).
 * Returns the problem in Chinese, or `undefined`.
 */
function imageProblem(files: ProjectFiles, path: string, written: string): string | undefined {
  if (/\.svg$/i.test(path)) return `图片“${written}”是 SVG：SVG 里可以藏脚本，网站不接受，请另存为 .png 或 .jpg`;
  const promised = imageTypeOfName(path);
  if (!promised)
    return `图片“${written}”应是 ${IMAGE_EXTENSIONS.filter((e) => e !== 'jpeg')
      .map((e) => `.${e}`)
      .join('、')} 文件`;
  if (path.split('/').includes('..')) return `图片“${written}”不能用 .. 指向别的文件夹：把图片放在这个文件旁边，写 ./文件名`;
  if (files.isLink(path)) return `图片 ${path} 是符号链接（快捷方式）：请把图片文件本身放进来`;
  if (!files.exists(path)) return `找不到图片 ${path}：把图片放在这个文件旁边，写 ./文件名`;
  let actual;
  try {
    actual = imageTypeOf(files.bytes(path).subarray(0, 16));
  } catch {
    return `无法读取图片 ${path}：请检查文件权限`;
  }
  if (actual !== promised) {
    return `图片 ${path} 的内容${actual ? `是 ${actual} 格式` : '不是图片'}，与扩展名不符：请用看图软件另存为真正的图片`;
  }
  return undefined;
}

/** An image field must name a picture beside the entry, and come with its text alternative. */
function checkImage(
  entry: LoadedEntry<unknown>,
  files: ProjectFiles,
  issues: IssueList,
  field: readonly string[],
  image: unknown,
  alt: { key: string; value: unknown; example: string },
) {
  if (typeof image !== 'string') return;
  const name = field.join('.');
  const line = entry.lineOf(field);
  const problem = imageProblem(files, `${dirname(entry.file)}/${image.replace(/^\.\//, '')}`, image);
  if (problem) issues.error(entry.file, line, name, problem);
  if (alt.value === undefined) {
    issues.error(entry.file, line, alt.key, `有图片时必须写 ${alt.key}（图片的文字说明），例如：${alt.key}: ${alt.example}`);
  }
}

/** Pictures in the body: beside the entry or in public/, never on another site (no third-party requests). */
function checkBodyImages(entry: LoadedEntry<unknown>, files: ProjectFiles, issues: IssueList) {
  for (const { line, src } of entry.images) {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
      issues.error(
        entry.file,
        line,
        '正文',
        `图片“${src.slice(0, 60)}”在别的网站上：网站不从别处加载内容，请把图片放在这个文件旁边，写 ./文件名`,
      );
      continue;
    }
    let decoded = src.split(/[?#]/)[0]!;
    try {
      decoded = decodeURI(decoded);
    } catch {
      // A broken %-escape stays as written; the file will not be found and is reported as missing.
    }
    const path = decoded.startsWith('/') ? `public${decoded}` : `${dirname(entry.file)}/${decoded.replace(/^\.\//, '')}`;
    const problem = imageProblem(files, path, src);
    if (problem) issues.error(entry.file, line, '正文', problem);
  }
}

function checkImages(content: LoadedContent, files: ProjectFiles, issues: IssueList) {
  for (const name of Object.keys(content.ids) as (keyof typeof content.ids)[]) {
    for (const entry of content[name] as LoadedEntry<unknown>[]) checkBodyImages(entry, files, issues);
  }
  for (const p of content.posts) {
    checkImage(p, files, issues, ['cover'], p.data.cover, { key: 'coverAlt', value: p.data.coverAlt, example: '党员在宣传栏前学习' });
  }
  for (const s of content.settings) {
    const account = s.data.officialAccount;
    checkImage(s, files, issues, ['officialAccount', 'qr'], account?.qr, {
      key: 'qrAlt',
      value: account?.qrAlt,
      example: '“X镇发布”公众号二维码',
    });
  }
}

/** Units and metrics in tables must exist, periods must fit the metric, and no figure may appear twice. */
function checkTables(content: LoadedContent, issues: IssueList) {
  const metricIds = new Map<string, string>();
  for (const row of content.metrics) {
    const other = metricIds.get(row.data.id);
    if (other) issues.error(row.file, row.line, 'id', `第 ${row.line} 行：指标编号 ${row.data.id} 与 ${other} 重复`);
    metricIds.set(row.data.id, `${row.file}:${row.line}`);
  }
  const unit = makeResolver(content.units.map((u) => ({ id: u.id, name: u.data.name })));
  const metric = makeResolver(content.metrics.map((m) => ({ id: m.data.id, name: m.data.name })));
  const periodOf = new Map(content.metrics.map((m) => [m.data.id, m.data.period]));
  const seen = new Map<string, string>();
  for (const row of content.observations) {
    const { file, line, data } = row;
    const unitId = unit(data.unit);
    const metricId = metric(data.metric);
    if (!unitId) issues.error(file, line, 'unit', `第 ${line} 行：找不到单位“${data.unit}”，请填单位编号或名称（只填单位，不填个人）`);
    if (!metricId) {
      issues.error(file, line, 'metric', `第 ${line} 行：找不到指标“${data.metric}”，请先在 data/metrics.csv 中定义`);
    } else {
      const expected = periodOf.get(metricId);
      const kind = periodKind(data.period);
      if (expected && kind !== expected) {
        issues.error(file, line, 'period', `第 ${line} 行：指标 ${metricId} 按“${expected}”统计，统计期“${data.period}”是按“${kind}”写的`);
      }
    }
    if (!unitId || !metricId) continue;
    const key = `${data.period}|${unitId}|${metricId}`;
    const other = seen.get(key);
    if (other)
      issues.error(
        file,
        line,
        'value',
        `第 ${line} 行：${data.period} ${data.unit} 的 ${data.metric} 已在 ${other} 填过，同一数据只能填一次`,
      );
    else seen.set(key, `${file}:${line}`);
  }
}

export function checkRules(content: LoadedContent, files: ProjectFiles, issues: IssueList, today: CalendarDate): void {
  checkSingletons(content, issues);
  checkNumbering(content, issues);
  checkReferences(content, issues);
  checkStatusAndDates(content, issues, today);
  checkDeclaredCounts(content, issues);
  checkImages(content, files, issues);
  checkTables(content, issues);
  checkCompletedTargets(content, issues);
  checkReported(content, issues, today);
  checkLeftovers(content, issues);
}
