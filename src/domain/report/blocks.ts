/**
 * The report's text as an ordered list of blocks, in the order and wording of a 整改进展情况报告:
 * 标题, 主送, 一、整改工作开展情况, 二、整改落实情况 (totals, then 方面 by 方面, item by item),
 * 三、存在的问题和下一步打算, 落款 and date. The Markdown file, the .docx and the /report/ page all
 * render these blocks, so they say the same thing. Every word comes from the report tree or is
 * a heading or label of the genre; what only the office can write is a 【待填写】 placeholder.
 */
import { formatDate } from '../dates.ts';
import { LEDGER_COLUMNS, type LedgerRow } from '../ledger.ts';
import { PLACEHOLDER, type ProgressReport, type ReportItem } from './model.ts';

export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'recipient'; text: string }
  /** 一、 (黑体) and （一） (楷体) headings. */
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  /** An item's label and title on its own line, then its facts; `depth` 0 for a 方面's own items. */
  | { kind: 'item'; depth: number; label: string; title: string; facts: string }
  | { kind: 'signature'; issuer: string; date: string };

export const REPORT_HEADINGS = ['一、整改工作开展情况', '二、整改落实情况', '三、存在的问题和下一步打算'] as const;

/** The ledger's own column label, so the report and /ledger/ name each fact alike. */
const label = (key: keyof LedgerRow) => LEDGER_COLUMNS.find((c) => c.key === key)!.label;
const sentence = (text: string) => text.replace(/[。；，\s]+$/u, '');

/**
 * An item's facts in one sentence, fields as the ledger names them; empty fields left out.
 * @example itemFacts(item, '2026年11月27日') // '责任单位：镇党委；整改时限：长期坚持；整改状态：推进中。最新进展：…'
 */
export function itemFacts(item: ReportItem): string {
  const fields: [keyof LedgerRow, string][] = [
    ['owners', item.owners],
    ['deadline', item.deadline],
    ['status', item.status === undefined ? '' : item.statusText],
    ['countdown', item.countdown],
    ['completedOn', item.completedOn],
  ];
  const facts = fields
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${label(key)}：${value}`)
    .join('；');
  const latest = item.latest
    ? `最新进展：${formatDate(item.latest.date)}，${sentence(item.latest.title)}${
        item.latest.evidence.length > 0 ? `（佐证材料：${item.latest.evidence.map(sentence).join('；')}）` : ''
      }。`
    : '最新进展：无进展记录。';
  return `${facts}。${latest}`;
}

/** The totals sentence of 二、整改落实情况, in the site's categories. */
export function totalsText(report: ProgressReport): string {
  const { totals } = report;
  const asOf = formatDate(report.asOf);
  const declared = report.declared
    .map((f) => `${f.declared}${f.what}${f.counted === f.declared ? '' : `（台账实有${f.counted}${f.what}）`}`)
    .join('、');
  const s = totals.byStatus;
  return (
    `截至${asOf}，方案列明${declared}。台账所列${totals.total}项中：已完成${s['已完成']}项、推进中${s['推进中']}项、` +
    `长期坚持${s['长期坚持']}项、未启动${s['未启动']}项，其中逾期${totals.overdue}项；已销号${totals.closed}项，占${totals.percentClosed}%。`
  );
}

/**
 * The plan's own reported figures, after the ledger's totals: what the document said, and why its
 * numbers differ from the ledger's when they do. Undefined when the plan reports none.
 */
export function reportedText(report: ProgressReport): string | undefined {
  if (!report.reported) return undefined;
  const { latest } = report.reported;
  const source = latest.source ? `（出处：${latest.source.replace(/[。；]$/, '')}）` : '';
  return `方案自报：${latest.sentence}${source}。${latest.difference ?? '与台账统计一致。'}`;
}

/** The whole report, block by block. */
export function reportBlocks(report: ProgressReport): ReportBlock[] {
  const asOf = formatDate(report.asOf);
  const blocks: ReportBlock[] = [
    { kind: 'title', text: report.title },
    ...(report.demo ? [{ kind: 'paragraph' as const, text: '（本报告由演示数据生成，不代表真实整改进展。）' }] : []),
    { kind: 'recipient', text: `${report.recipient ?? `${PLACEHOLDER}（主送机关）`}：` },
    { kind: 'paragraph', text: `${PLACEHOLDER}（导语：报告的缘由和总体情况）` },
    { kind: 'heading', level: 1, text: REPORT_HEADINGS[0] },
  ];
  if (report.plan.basis) blocks.push({ kind: 'paragraph', text: `整改依据：${report.plan.basis}；整改方案：《${report.plan.title}》。` });
  // A plan that names no leadership group gets no empty 组织领导 line.
  if (report.organisation.length > 0)
    blocks.push({ kind: 'paragraph', text: `组织领导：${report.organisation.map((f) => `${f.label}${f.value}`).join('；')}。` });
  if (report.milestones.length > 0) {
    blocks.push({ kind: 'paragraph', text: `时间节点：${report.milestones.map((m) => `${m.label}（${m.value}）`).join('；')}。` });
  }
  blocks.push({ kind: 'paragraph', text: `${PLACEHOLDER}（整改工作开展的具体情况：召开的会议、部署和督导）` });

  blocks.push({ kind: 'heading', level: 1, text: REPORT_HEADINGS[1] }, { kind: 'paragraph', text: totalsText(report) });
  const reported = reportedText(report);
  if (reported) blocks.push({ kind: 'paragraph', text: reported });
  for (const section of report.sections) {
    blocks.push({ kind: 'heading', level: 2, text: `${section.label}${section.title}` });
    if (section.items.length === 0) blocks.push({ kind: 'paragraph', text: '本方面没有列出整改事项。' });
    const walk = (items: readonly ReportItem[], depth: number) => {
      for (const item of items) {
        blocks.push({ kind: 'item', depth, label: item.label, title: sentence(item.title), facts: itemFacts(item) });
        walk(item.children, depth + 1);
      }
    };
    walk(section.items, 0);
  }

  blocks.push({ kind: 'heading', level: 1, text: REPORT_HEADINGS[2] });
  const overdue = report.open.filter(({ item }) => item.overdue).length;
  if (report.open.length === 0) {
    blocks.push({ kind: 'paragraph', text: `截至${asOf}，台账所列事项均已销号。` });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: `截至${asOf}，尚有${report.open.length}项未销号，其中逾期${overdue}项，按整改时限列出如下：`,
    });
    report.open.forEach(({ section, item }, i) => {
      const facts = [
        `${label('owners')}：${item.owners}`,
        `${label('deadline')}：${item.deadline}`,
        `${label('status')}：${item.statusText}`,
      ];
      if (item.countdown) facts.push(`${label('countdown')}：${item.countdown}`);
      blocks.push({
        kind: 'paragraph',
        text: `${i + 1}. ${section.label}${section.title} ${item.label}${sentence(item.title)}（${facts.join('；')}）。`,
      });
    });
  }
  blocks.push({ kind: 'paragraph', text: `${PLACEHOLDER}（存在的主要问题及原因分析、下一步打算）` });
  blocks.push({ kind: 'signature', issuer: report.issuer ?? `${PLACEHOLDER}（落款单位）`, date: asOf });
  return blocks;
}
