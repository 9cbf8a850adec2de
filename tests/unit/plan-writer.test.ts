/**
 * Writing a parsed plan as the current content files: a plan of the shape the model holds is
 * written whole, every other shape is refused with what could not be placed, in Chinese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/lib/plan-import.ts';
import { currentContentFiles, leadershipOf, measureTitle, sameEntry, type ExistingProject } from '../../src/lib/plan-writer.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests/fixtures/plans', name), 'utf8');
const units: ExistingProject['units'] = [
  { id: 'dangwei', name: '镇党委' },
  { id: 'djb', name: '党建办' },
  { id: 'x-cun', name: 'X村党支部' },
];
const fresh: ExistingProject = { units, measures: new Map() };

describe('measureTitle', () => {
  it.each([
    ['建立健全党建工作责任制，强化党委核心作用。', '建立健全党建工作责任制'],
    ['加大培训力度。开办培训班。', '加大培训力度'],
    ['以“党员活动日”为主要载体，严格落实“三会一课”等基本制度。每月……', '以“党员活动日”为主要载体，严格落实“三会一课”等基本制度'],
    ['围绕中心工作，开展专题调研；形成报告。', '围绕中心工作，开展专题调研'],
    ['没有标点的一句话', '没有标点的一句话'],
  ])('%s → %s', (text, title) => {
    expect(measureTitle(text)).toBe(title);
  });
});

describe('leadershipOf', () => {
  it('reads the 领导小组 as plans write it', () => {
    expect(
      leadershipOf(
        '镇党委成立领导小组，X同志为组长，X、Y同志为副组长，其它党委班子领导为成员，领导小组下设办公室，办公室设在党建办，由Z同志负责日常整改工作。',
      ),
    ).toEqual({ leader: 'X同志', deputies: ['X同志', 'Y同志'], members: '其它党委班子领导', office: '党建办', officeHead: 'Z同志' });
    expect(leadershipOf('没有领导小组。')).toEqual({});
  });
});

describe('sameEntry', () => {
  it('compares data and text, not comments, quotes or blank lines', () => {
    const a = '---\n# 注释\ntitle: 标题\nowners: [a, b]\n---\n\n第一段。\n\n第二段。\n';
    const b = "---\ntitle: '标题'\nowners:\n  - a\n  - b\n---\n第一段。\n\n\n第二段。";
    expect(sameEntry(a, b)).toBe(true);
    expect(sameEntry(a, b.replace('第二段', '第三段'))).toBe(false);
    expect(sameEntry(a, b.replace('- b', '- c'))).toBe(false);
  });
});

describe('a plan of the shape the current model holds', () => {
  const plan = parsePlanText(fixture('fits-current-model.txt'));
  const { files, unplaceable, todo } = currentContentFiles(plan, fresh);

  it('writes every part of it', () => {
    expect(unplaceable).toEqual([]);
    expect([...files.keys()].sort()).toEqual(
      [
        'src/content/plan/plan.md',
        'src/content/duties/1.md',
        'src/content/duties/2.md',
        'src/content/areas/1.md',
        'src/content/areas/2.md',
        'src/content/measures/1-1.md',
        'src/content/measures/1-2.md',
        'src/content/measures/2-1.md',
        'src/content/requirements/1.md',
        'src/content/requirements/2.md',
      ].sort(),
    );
  });

  it('writes measures with owners from 责任单位 and deadlines the model accepts', () => {
    expect(files.get('src/content/measures/1-1.md')).toBe(
      '---\ntitle: 制定党建工作责任清单\nowners: [dangwei, djb]\ndeadline: 2026-10-31\n---\n\n制定党建工作责任清单，明确各层级责任。\n',
    );
    expect(files.get('src/content/measures/1-2.md')).toContain('deadline: 长期\n');
    expect(files.get('src/content/measures/1-2.md')).toContain('title: 以年度考核为抓手，严格党建工作考核\n');
    expect(files.get('src/content/measures/2-1.md')).toContain('owners: [x-cun]\ndeadline: 待定\n');
    expect(todo).toContain(
      '措施 2-1：责任单位“乙村党支部”在 src/content/units/ 中没有同名单位，请建立该单位（name 写“乙村党支部”）或在 owners 中填写单位编号',
    );
  });

  it('writes 具体表现 and the parts', () => {
    expect(files.get('src/content/areas/1.md')).toBe(
      '---\ntitle: 党建工作责任制落实不到位\nmanifestations:\n  - title: 责任清单不具体\n    text: 部分支部没有制定责任清单。\n  - title: 考核不严格\n---\n',
    );
    expect(files.get('src/content/duties/2.md')).toBe('---\ntitle: 各党支部负直接责任\n---\n\n党支部书记抓好本支部整改。\n');
    expect(files.get('src/content/requirements/2.md')).toBe('---\ntitle: 严格督促检查\n---\n\n镇党委将适时开展督查。\n');
  });

  it('writes plan.md from the text, and lists what the text does not say', () => {
    expect(files.get('src/content/plan/plan.md')).toBe(
      [
        '---',
        'title: 关于落实乙镇党建工作检查反馈问题的整改方案',
        'basis:',
        '  issuer: 县委组织部',
        '  title: 关于开展《党建工作专项检查》的通知',
        '  number: X组字〔2022〕X号',
        'sections:',
        '  - part: duties',
        '    title: 明确整改责任',
        '  - part: areas',
        '    title: 问题清单及整改措施',
        '  - part: requirements',
        '    title: 整改工作要求',
        'declared:',
        '  areas: 2',
        '  measures: 3',
        'leadership:',
        '  leader: X同志',
        '  deputies: [X同志]',
        '  members: 其他班子成员',
        '  office: djb',
        '  officeHead: X同志',
        'milestones: []',
        '---',
        '',
        '根据县委组织部《关于开展<党建工作专项检查>的通知》（X组字〔2022〕X号）要求，结合检查中发现的问题，列出了2个方面3项整改措施，具体方案如下。',
        '',
      ].join('\n'),
    );
    expect(todo).toEqual(
      expect.arrayContaining([
        'plan.md：原文没有写制定单位，请填写 issuer（例如：中共X镇委员会）',
        'plan.md：以下时间节点请在 milestones 中登记（编号用小写字母，日期未公开写“待定”）：三（1）“各党支部要在X月X日前报送整改方案。”',
      ]),
    );
  });

  it('keeps owners, deadlines and the plan’s fields from the project when re-importing the same plan', () => {
    const again = currentContentFiles(plan, {
      units,
      plan: { title: plan.title, issuer: '中共乙镇委员会', campaign: '某主题活动', milestones: [] },
      measures: new Map([['2-1', { owners: ['djb'], deadline: '2027-01-31' }]]),
    });
    // 2-1's text names its units and deadline: the text wins.
    expect(again.files.get('src/content/measures/2-1.md')).toContain('owners: [x-cun]\ndeadline: 待定\n');
    expect(again.files.get('src/content/plan/plan.md')).toContain('issuer: 中共乙镇委员会\n');
    expect(again.files.get('src/content/plan/plan.md')).toContain('campaign: 某主题活动\n');
    expect(again.todo.filter((t) => t.startsWith('plan.md'))).toEqual([]);
  });

  it('says so when it carries over another plan’s fields', () => {
    const other = currentContentFiles(plan, { units, plan: { title: '另一个方案', campaign: '旧活动' }, measures: new Map() });
    expect(other.files.get('src/content/plan/plan.md')).toContain('campaign: 旧活动\n');
    expect(other.todo).toContain('plan.md：campaign 沿用了原有 plan.md 的内容（原方案《另一个方案》），请确认或改为新方案的内容');
  });
});

describe('a plan that reports its own figures (共…项，已完成…项) and is dated', () => {
  const text = fixture('fits-current-model.txt')
    .replace('具体方案如下。', '具体方案如下。截至2026年9月30日，共梳理整改任务12项，已完成9项，正在整改3项。')
    .concat('\n中共乙镇委员会\n2026年10月8日\n');
  const { files, unplaceable, todo } = currentContentFiles(parsePlanText(text), fresh);

  it('writes them into plan.md as dated figures, with the date of the document, instead of refusing them', () => {
    expect(unplaceable).toEqual([]);
    const plan = files.get('src/content/plan/plan.md')!;
    expect(plan).toContain('issued: 2026-10-08\n');
    expect(plan).toContain(
      [
        'reported:',
        '  - date: 2026-09-30',
        '    total: 12',
        '    done: 9',
        '    inProgress: 3',
        '    counted: 整改任务',
        '    source: 截至2026年9月30日，共梳理整改任务12项，已完成9项，正在整改3项。',
        '',
      ].join('\n'),
    );
    expect(todo.join('\n')).not.toContain('自报');
  });
});

describe('plans the current model cannot hold are refused whole', () => {
  it('a plan numbered 1–N across its parts, with 文号', () => {
    const { files, unplaceable } = currentContentFiles(parsePlanText(fixture('flat-numbering.txt')), fresh);
    expect(files.size).toBe(0);
    expect(unplaceable).toEqual([
      '问题分在 3 个部分中（一、贯彻落实党的路线方针政策方面；二、全面从严治党方面；三、基层党组织建设方面）：当前模型只有一个问题清单部分，“方面”这一层无处安放',
    ]);
  });

  it('three levels with 一是 measures, leaders, worded deadlines and a 4th level', () => {
    const { files, unplaceable } = currentContentFiles(parsePlanText(fixture('three-levels.txt')), fresh);
    expect(files.size).toBe(0);
    expect(unplaceable).toEqual(
      expect.arrayContaining([
        '第4行“一、整改目标”：部分标题下的说明文字无处安放（当前模型的部分只有标题）',
        '第8行“1.理论学习流于形式”：下面还有一层措施（一是、二是……）：当前模型的措施之下没有层级',
        '第8行“1.理论学习流于形式”：责任领导“村党总支书记”无处安放',
        '第13行“2.宣传教育覆盖面不广”：完成时限“2023年6月底前”只能写成 2023-06-30，原文措辞无处保存',
        '第26行“（1）全面排查党员组织关系；”：第4层编号（措施之下）无处安放',
      ]),
    );
  });

  it('a progress report with reported totals and statuses', () => {
    const { files, unplaceable } = currentContentFiles(parsePlanText(fixture('progress-report.txt')), fresh);
    expect(files.size).toBe(0);
    expect(unplaceable).toEqual(
      expect.arrayContaining([
        '第13行“3.为民服务意识不强”：措施跨问题连续编号（从3起）：当前模型的措施编号是“问题序号-措施序号”，原编号无法保留',
        '第14行“4.会议文件过多”：进展“已完成”无处安放（当前模型的状态只来自进展记录）',
      ]),
    );
  });

  it('a deadline it cannot read, and a plan with no problem list', () => {
    const text = fixture('fits-current-model.txt').replace('完成时限：待定', '完成时限：尽快');
    expect(currentContentFiles(parsePlanText(text), fresh).unplaceable).toEqual([
      '第13行“1.加快X村党支部活动场所建设，年底前投入使……”：完成时限“尽快”无法写成日期，原文措辞无处保存（看不懂完成时限“尽快”：可写作 2023年6月底前、12月31日前、年底前、立行立改、长期坚持、待定 或 2023-06-30）',
    ]);
    expect(currentContentFiles(parsePlanText('标题\n导语。'), fresh).unplaceable).toEqual([
      '没有找到列有整改措施的问题清单部分（问题下面带编号的措施）',
    ]);
  });
});
