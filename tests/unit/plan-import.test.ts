/**
 * Reading plans into the item tree: fixtures of four shapes written for these tests
 * (tests/fixtures/plans/), a Word file generated here and read back through mammoth, and text
 * broken the ways web pages and Word break it.
 */
import { readFileSync } from 'node:fs';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import {
  declaredCounts,
  fieldValue,
  firstSentence,
  parsePlanText,
  planTextFromFile,
  reportedProgress,
  splitRunTogether,
  tidyLine,
  walkItems,
  type ParsedPlan,
  type PlanItem,
} from '../../src/cli/plan-import.ts';
import { planFixturePath } from '../helpers/fixtures.ts';

const fixture = (name: string) => readFileSync(planFixturePath(name), 'utf8');
const byId = (plan: ParsedPlan, id: string): PlanItem => {
  const item = walkItems(plan.items).find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};
/** The tree as id, label and title per item, to compare two readings of the same plan. */
const outline = (plan: ParsedPlan) => walkItems(plan.items).map((i) => [i.id, i.label, i.depth, i.title, i.fields.map((f) => f.value)]);

describe('text as web pages and Word leave it', () => {
  it('tidies spaces without touching words', () => {
    expect(tidyLine('\u3000\u3000一、 加强 领导\u00a0 ')).toBe('一、加强领导');
    expect(tidyLine('  使用 Word 2016 编辑  ')).toBe('使用 Word 2016 编辑');
  });

  it('splits numbered items run together on one line, in order, after a sentence end', () => {
    expect(splitRunTogether('整改措施:1.建制度。2.抓落实，不少于2次。3.严考核。')).toEqual([
      '整改措施:',
      '1.建制度。',
      '2.抓落实，不少于2次。',
      '3.严考核。',
    ]);
    expect(splitRunTogether('（一）学习。（二）落实。')).toEqual(['（一）学习。', '（二）落实。']);
    // Not in order, or not after a sentence end, or a decimal: one line.
    expect(splitRunTogether('1.投入资金。3.5万元用于阵地建设。')).toEqual(['1.投入资金。3.5万元用于阵地建设。']);
    expect(splitRunTogether('1.投入1.5万元，2.完善设施')).toEqual(['1.投入1.5万元，2.完善设施']);
    expect(splitRunTogether('一般的句子。')).toEqual(['一般的句子。']);
  });

  it('takes the first sentence as a title', () => {
    expect(firstSentence('加强组织领导。成立领导小组。')).toBe('加强组织领导');
    expect(firstSentence('没有句号的标题')).toBe('没有句号的标题');
  });

  it('reads declared counts either way round, in digits or Chinese numerals', () => {
    expect(declaredCounts('列出了5个方面21项整改措施')).toEqual({ aspects: 5, measures: 21 });
    expect(declaredCounts('共梳理出三个方面七个问题，制定整改措施２１条')).toEqual({ aspects: 3, problems: 7, measures: 21 });
    expect(declaredCounts('反馈问题逐项整改，整改任务106项')).toEqual({ tasks: 106 });
    expect(declaredCounts('没有数字')).toEqual({});
  });

  it('reads reported totals with their date', () => {
    expect(reportedProgress('截至2023年6月30日，共梳理整改任务106项，已完成98项，正在整改8项，完成率92.5%。', 4)).toEqual({
      total: 106,
      done: 98,
      inProgress: 8,
      rate: 92.5,
      asOf: '2023-06-30',
      sentence: '截至2023年6月30日，共梳理整改任务106项，已完成98项，正在整改8项，完成率92.5%。',
      line: 4,
    });
    expect(reportedProgress('共有问题１２个，已整改完成１０个。', 1)).toMatchObject({ total: 12, done: 10 });
    expect(reportedProgress('共开展活动12次。', 1)).toBeUndefined();
  });
});

describe('a plan numbered 1–N straight through its parts, with fields per problem', () => {
  const plan = parsePlanText(fixture('flat-numbering.txt'));

  it('reads the header, signature and declared counts', () => {
    expect(plan.title).toBe('中共Y镇委员会关于县委第三巡察组反馈意见整改落实方案');
    expect(plan.documentNumber).toBe('Y党发〔2023〕12号');
    expect(plan.issuer).toBe('中共Y镇委员会');
    expect(plan.issued).toBe('2023-03-15');
    expect(plan.declared).toEqual({ aspects: 3, problems: 7, measures: 21 });
    expect(plan.preamble).toHaveLength(1);
    expect(plan.basis).toBeUndefined();
  });

  it('labels the problems with their own numbers across the parts, and nests the measures numbered 1. under them', () => {
    expect(plan.items.map((i) => i.label)).toEqual(['一', '二', '三']);
    const problems = plan.items.flatMap((p) => p.children);
    expect(problems.map((p) => p.label)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    // Ids take the whole path, so they never collide with the parts' (一、 is 1).
    expect(problems.map((p) => p.id)).toEqual(['1-1', '1-2', '1-3', '2-4', '2-5', '3-6', '3-7']);
    expect(byId(plan, '2-4').path).toEqual([
      { style: 'chapter', ordinal: 2 },
      { style: 'arabic', ordinal: 4 },
    ]);
    expect(byId(plan, '3-6').children.map((m) => [m.id, m.label])).toEqual([
      ['3-6-1', '6.1'],
      ['3-6-2', '6.2'],
      ['3-6-3', '6.3'],
      ['3-6-4', '6.4'],
    ]);
    expect(byId(plan, '3-6').childrenLabel).toBe('整改措施');
    expect(byId(plan, '3-6-4').title).toBe('对档案不全的，限期补齐');
    expect(new Set(walkItems(plan.items).map((i) => i.id)).size).toBe(walkItems(plan.items).length);
    expect(plan.notes.some((n) => n.includes('跨越上一层连续编号'))).toBe(true);
  });

  it('gives each problem its leader, units and deadline as written, after the measures', () => {
    const p2 = byId(plan, '1-2');
    expect(fieldValue(p2, 'leader')).toBe('分管副镇长');
    expect(fieldValue(p2, 'units')).toBe('农业农村办、乡村振兴工作站');
    expect(fieldValue(p2, 'deadline')).toBe('2023年12月31日前');
    expect(fieldValue(byId(plan, '2-4'), 'deadline')).toBe('２０２３年９月底前');
    // The measures themselves carry none.
    expect(walkItems(p2.children).flatMap((m) => m.fields)).toEqual([]);
  });
});

describe('a plan of three levels with 一是、二是 measures', () => {
  const plan = parsePlanText(fixture('three-levels.txt'));

  it('nests 一、 → （一） → 1. → 一是 with ids and labels from the numbering', () => {
    const item = byId(plan, '2-1-1');
    expect(item.label).toBe('二（一）1');
    expect(item.title).toBe('理论学习流于形式');
    expect(item.children.map((c) => [c.id, c.label, c.inline])).toEqual([
      ['2-1-1-1', '二（一）1一是', true],
      ['2-1-1-2', '二（一）1二是', true],
      ['2-1-1-3', '二（一）1三是', true],
    ]);
    expect(item.children[1]!.text).toBe('每季度开展一次专题研讨，每名支委撰写心得体会；');
  });

  it('reads a 具体表现 that follows the heading on the same line as its own list', () => {
    const shown = byId(plan, '2-1-1').labelled.find((l) => l.label === '具体表现')!;
    expect(shown.items.map((i) => i.text)).toEqual(['学习计划不具体，随意性大。', '研讨交流不深入，联系实际不够。']);
  });

  it('puts （1）（2）（3） listed under 整改措施： below their problem, and the fields after them on the problem', () => {
    const item = byId(plan, '2-2-2');
    expect(item.children.map((c) => c.marker.text)).toEqual(['（1）', '（2）', '（3）']);
    expect(item.children.every((c) => !c.inline && c.depth === 4)).toBe(true);
    expect(fieldValue(item, 'deadline')).toBe('2023年9月底前');
    expect(item.children.flatMap((c) => c.fields)).toEqual([]);
  });

  it('keeps the intro part with its paragraph', () => {
    expect(plan.items[0]!.title).toBe('整改目标');
    expect(plan.items[0]!.paragraphs[0]).toMatch(/^通过集中整改/);
    expect(plan.basis).toBeUndefined();
  });
});

describe('a progress report (通报) with its reported totals', () => {
  const plan = parsePlanText(fixture('progress-report.txt'));

  it('reads the title without the addressees, and the totals as of their date', () => {
    expect(plan.title).toBe('关于W镇巡察整改进展情况的通报');
    expect(plan.preamble[0]).toBe('各村（社区）党组织、镇直各单位：');
    expect(plan.reported).toEqual([
      expect.objectContaining({ total: 106, done: 98, inProgress: 8, rate: 92.5, asOf: '2023-06-30', line: 4 }),
    ]);
    expect(plan.issued).toBe('2023-07-05');
  });

  it('reads each item’s status from 整改情况 or a closing parenthesis', () => {
    expect(['2-1-1', '2-1-2', '2-2-3', '2-2-4'].map((id) => byId(plan, id).status)).toEqual(['已完成', '基本完成', '正在整改', '已完成']);
    expect(byId(plan, '2-2-4').title).toBe('会议文件过多');
    expect(byId(plan, '2-2-4').label).toBe('4');
  });
});

describe('texts that are not plans, or broken ones', () => {
  it('an empty text has no title and no items, and says so', () => {
    const plan = parsePlanText('');
    expect(plan.items).toEqual([]);
    expect(plan.notes).toContain('没有找到方案标题：文件的第一行应是标题');
  });

  it('a text without numbering is all preamble', () => {
    const plan = parsePlanText('标题\n第一段话。\n第二段话。');
    expect(plan.title).toBe('标题');
    expect(plan.items).toEqual([]);
    expect(plan.preamble).toEqual(['第一段话。', '第二段话。']);
  });

  it('notes a gap in the numbering with its line', () => {
    const plan = parsePlanText('标题\n一、甲\n三、丙');
    expect(plan.items.map((i) => i.id)).toEqual(['1', '3']);
    expect(plan.notes).toContain('第3行：编号“三、”接在“一、”之后，不连续');
  });

  it('ends an empty 整改措施： list at the next problem', () => {
    const plan = parsePlanText('标题\n一、甲\n（一）问题一\n整改措施：\n（二）问题二\n1.措施');
    expect(walkItems(plan.items).map((i) => i.id)).toEqual(['1', '1-1', '1-2', '1-2-1']);
  });

  it('keeps ids unique when the document repeats a number', () => {
    const plan = parsePlanText('标题\n一、甲\n一、乙');
    expect(plan.items.map((i) => i.id)).toEqual(['1', '1.2']);
    expect(plan.notes).toContain('第3行：编号“一、”与前面的条目重复，编号记作 1.2');
  });

  it('repairs the broken 《<…>》 of a web copy and says so', () => {
    const plan = parsePlanText('标题\n根据县委《关于印发<< span="">某方案>的通知》（X发〔2020〕1号）要求，制定本方案。\n一、甲');
    expect(plan.preamble[0]).toBe('根据县委《关于印发<某方案>的通知》（X发〔2020〕1号）要求，制定本方案。');
    expect(plan.basis).toEqual({ issuer: '县委', title: '关于印发《某方案》的通知', number: 'X发〔2020〕1号' });
    expect(plan.notes[0]).toMatch(/^第2行：网页复制造成的乱码/);
  });

  it('leaves out the web page around the article, and reads a signature date in Chinese numerals', () => {
    const plan = parsePlanText(
      [
        '当前位置：首页 > 党建工作',
        '发布时间：2023-03-20 来源：镇党委 浏览次数：120',
        '关于某问题的整改方案',
        '导语。',
        '一、甲。',
        '【打印本页】',
        '中共某镇委员会',
        '二〇二三年三月十五日',
      ].join('\n'),
    );
    expect(plan.title).toBe('关于某问题的整改方案');
    expect(plan.preamble).toEqual(['导语。']);
    expect(plan.items.map((i) => i.title)).toEqual(['甲']);
    expect(plan.issuer).toBe('中共某镇委员会');
    expect(plan.issued).toBe('2023-03-15');
    expect(plan.notes.filter((n) => n.includes('不属于方案'))).toHaveLength(3);
  });

  it('reads Windows line ends and GB18030 text', async () => {
    const text = '标题\r\n一、甲。\r\n（一）乙。\r\n';
    const bytes = new Uint8Array(Buffer.from(new TextEncoder().encode(text)));
    const gb = new Uint8Array([0xb1, 0xea, 0xcc, 0xe2, 0x0d, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2, 0xbc, 0xd7]); // 标题\r\n一、甲
    expect((await planTextFromFile(gb, 'plan.txt')).text).toBe('标题\r\n一、甲');
    expect(outline(parsePlanText((await planTextFromFile(bytes, 'plan.txt')).text))).toEqual([
      ['1', '一', 1, '甲', []],
      ['1-1', '一（一）', 2, '乙', []],
    ]);
  });

  it('refuses an old .doc and a .docx that is not one, in Chinese', async () => {
    await expect(planTextFromFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), '方案.doc')).rejects.toThrow(/只能读取 \.docx/);
    await expect(planTextFromFile(new TextEncoder().encode('not a zip'), '方案.docx')).rejects.toThrow(/不是有效的 \.docx/);
  });
});

describe('a Word document', () => {
  const lines = fixture('three-levels.txt').split('\n');

  it('reads the same tree from a .docx as from its text', async () => {
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const { text, notes } = await planTextFromFile(bytes, '方案.docx');
    expect(notes).toEqual([]);
    const fromWord = parsePlanText(text);
    const fromText = parsePlanText(fixture('three-levels.txt'));
    expect(outline(fromWord)).toEqual(outline(fromText));
    expect(fromWord.title).toBe(fromText.title);
  });

  it('says when Word’s automatic numbering hid the numbers', async () => {
    const doc = new Document({
      numbering: {
        config: [{ reference: 'auto', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('某方案')] }),
            new Paragraph({ children: [new TextRun('制定学习计划。')], numbering: { reference: 'auto', level: 0 } }),
          ],
        },
      ],
    });
    const { notes } = await planTextFromFile(new Uint8Array(await Packer.toBuffer(doc)), '方案.docx');
    expect(notes[0]).toMatch(/自动编号/);
  });
});
