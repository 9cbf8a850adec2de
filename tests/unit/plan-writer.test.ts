/**
 * Writing a parsed plan as content files: plans of every shape (three parts, 方面 at the top,
 * three levels, a progress report) are written whole, as a tree of items numbered as the document
 * numbers them; what the model still cannot hold is refused with what could not be placed, in Chinese.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/cli/plan-import.ts';
import { planContentFiles, leadershipOf, measureTitle, sameEntry, type ExistingProject } from '../../src/cli/plan-writer.ts';
import { planFixturePath } from '../helpers/fixtures.ts';

const fixture = (name: string) => readFileSync(planFixturePath(name), 'utf8');
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
  const { files, unplaceable, todo } = planContentFiles(plan, fresh);

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
        'src/content/units/unit-4.md',
        'src/content/requirements/1.md',
        'src/content/requirements/2.md',
      ].sort(),
    );
  });

  it('writes measures with owners from 责任单位 and deadlines the model accepts', () => {
    expect(files.get('src/content/measures/1-1.md')).toBe(
      '---\ntitle: 制定党建工作责任清单\nowners: [dangwei, djb]\ndeadline: 2026-10-31\n---\n\n制定党建工作责任清单，明确各层级责任。\n',
    );
    expect(files.get('src/content/measures/1-2.md')).toContain('deadlineText: 长期坚持\n');
    expect(files.get('src/content/measures/1-2.md')).toContain('title: 以年度考核为抓手，严格党建工作考核\n');
    // A unit the project lacks is made, with the kind its name ends with.
    expect(files.get('src/content/measures/2-1.md')).toContain('owners: [x-cun, unit-4]\ndeadline: 待定\n');
    expect(files.get('src/content/units/unit-4.md')).toBe('---\nname: 乙村党支部\nkind: 党支部\norder: 40\n---\n');
    expect(todo.filter((t) => t.includes('单位“'))).toEqual([]);
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
        'plan.md：以下时间节点请在 milestones 中登记（编号用小写字母，日期未公开写“待定”）：三（一）“各党支部要在X月X日前报送整改方案。”',
      ]),
    );
  });

  it('keeps owners, deadlines and the plan’s fields from the project when re-importing the same plan', () => {
    const again = planContentFiles(plan, {
      units,
      plan: { title: plan.title, issuer: '中共乙镇委员会', campaign: '某主题活动', milestones: [] },
      measures: new Map([['2-1', { owners: ['djb'], deadline: '2027-01-31' }]]),
    });
    // 2-1's text names its units and deadline: the text wins.
    expect(again.files.get('src/content/measures/2-1.md')).toContain('owners: [x-cun, unit-4]\ndeadline: 待定\n');
    expect(again.files.get('src/content/plan/plan.md')).toContain('issuer: 中共乙镇委员会\n');
    expect(again.files.get('src/content/plan/plan.md')).toContain('campaign: 某主题活动\n');
    expect(again.todo.filter((t) => t.startsWith('plan.md'))).toEqual([]);
  });

  it('does not carry over another plan’s campaign, and says so', () => {
    const other = planContentFiles(plan, { units, plan: { title: '另一个方案', campaign: '旧活动' }, measures: new Map() });
    expect(other.files.get('src/content/plan/plan.md')).not.toContain('旧活动');
    expect(other.todo).toContain('plan.md：原有的主题活动“旧活动”属于原方案，没有沿用；新方案有主题活动时请填写 campaign');
  });
});

describe('a plan that reports its own figures (共…项，已完成…项) and is dated', () => {
  const text = fixture('fits-current-model.txt')
    .replace('具体方案如下。', '具体方案如下。截至2026年9月30日，共梳理整改任务12项，已完成9项，正在整改3项。')
    .concat('\n中共乙镇委员会\n2026年10月8日\n');
  const { files, unplaceable, todo } = planContentFiles(parsePlanText(text), fresh);

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

describe('plans of other shapes are written as a tree of items', () => {
  it('a plan whose 方面 are its top level, with problems numbered 1–N across them and 文号', () => {
    const { files, unplaceable, todo } = planContentFiles(parsePlanText(fixture('flat-numbering.txt')), fresh);
    expect(unplaceable).toEqual([]);
    expect([...files.keys()].filter((f) => f.includes('/areas/')).sort()).toEqual(['1', '2', '3'].map((n) => `src/content/areas/${n}.md`));
    expect(files.get('src/content/areas/2.md')).toBe('---\ntitle: 全面从严治党方面\nlabel: 二\n---\n');
    // Problem 4 is the first of 方面 二: its file follows the path, its label the document.
    expect(files.get('src/content/measures/2-4.md')).toContain(
      'label: "4"\nowners: [unit-4, unit-8]\nleader: 镇党委书记\ndeadlineText: ２０２３年９月底前\n',
    );
    expect(files.get('src/content/measures/2-4-2.md')).toBe(
      '---\ntitle: 建立议事决策台账\nlabel: "2"\n---\n\n建立议事决策台账，逐项登记。\n',
    );
    const plan = files.get('src/content/plan/plan.md')!;
    expect(plan).toContain('number: Y党发〔2023〕12号\nissued: 2023-03-15\nissuer: 中共Y镇委员会\nlevels: [方面, 问题, 整改措施]\n');
    expect(plan).not.toContain('sections:');
    // New units are numbered after the project's own (three here), with the kind their name suggests.
    expect(files.get('src/content/units/unit-4.md')).toBe('---\nname: 党政办\nkind: 办公室\norder: 40\n---\n');
    expect(todo).toEqual(expect.arrayContaining([expect.stringContaining('跨越上一层连续编号')]));
  });

  it('three levels with 一是 measures, leaders, worded deadlines and a 4th level', () => {
    const { files, unplaceable } = planContentFiles(parsePlanText(fixture('three-levels.txt')), fresh);
    expect(unplaceable).toEqual([]);
    expect(files.get('src/content/measures/1-1.md')).toContain(
      'title: 理论学习流于形式\nowners: [unit-4]\nleader: 村党总支书记\ndeadlineText: 立行立改，长期坚持\n',
    );
    // The 整改措施 line is listed as the items below, not repeated in the problem's text.
    expect(files.get('src/content/measures/1-1.md')).not.toContain('整改措施：');
    expect(files.get('src/content/measures/1-1.md')).toContain('具体表现：一是学习计划不具体');
    expect(files.get('src/content/measures/1-1-2.md')).toBe(
      '---\ntitle: 每季度开展一次专题研讨\nlabel: 二是\n---\n\n每季度开展一次专题研讨，每名支委撰写心得体会；\n',
    );
    expect(files.get('src/content/measures/2-2-3.md')).toContain('label: （3）\n');
    const plan = files.get('src/content/plan/plan.md')!;
    expect(plan).toContain('  - part: text\n    title: 整改目标\n    text: 通过集中整改');
    expect(plan).toContain('  - part: requirements\n    title: 保障措施\n');
    expect(plan).toContain('levels: [方面, 问题, 整改措施]\n');
  });

  it('a progress report: statuses become dated records, with the report as evidence and its words in the vocabulary', () => {
    const settings = {
      path: 'src/content/settings/site.yaml',
      text: '# 设置\nsiteName: 某站\nstatusLabels:\n  - { label: 基本完成, status: 已完成 }\n',
    };
    const { files, unplaceable, todo } = planContentFiles(parsePlanText(fixture('progress-report.txt')), {
      ...fresh,
      settingsFile: settings,
      statusLabels: [{ label: '基本完成', status: '已完成' }],
    });
    expect(unplaceable).toEqual([]);
    expect(files.get('src/content/measures/2-3.md')).toContain('label: "3"\n');
    const done = [...files].find(([f, text]) => f.startsWith('src/content/updates/') && text.includes('status: 已完成'))!;
    expect(done[0]).toBe('src/content/updates/2023-07-05-import-1.md');
    expect(done[1]).toContain(
      'date: 2023-07-05\nmeasures: [1-1, 2-4]\nstatus: 已完成\nevidence: [《关于W镇巡察整改进展情况的通报》（2023-07-05）]\n',
    );
    // 正在整改 is new to the site: it is added to the settings, counted as 推进中, comments kept.
    const written = files.get(settings.path)!;
    expect(written).toContain('# 设置\n');
    expect(written).toMatch(/label: 正在整改\n\s+status: 推进中/);
    expect(todo).toContain('站点设置 statusLabels：登记了状态说法“正在整改”，按“推进中”统计');
  });

  it('refuses, whole, what the model cannot hold, and a text with no numbered items', () => {
    const text = '某方案\n一、学习不够深入方面\n责任单位：党政办\n二、制度执行不严方面\n';
    const refused = planContentFiles(parsePlanText(text), fresh);
    expect(refused.files.size).toBe(0);
    expect(refused.unplaceable).toEqual([expect.stringContaining('责任单位“党政办”写在“方面”一层')]);
    expect(planContentFiles(parsePlanText('标题\n导语。'), fresh).unplaceable).toEqual([
      '没有找到编号的问题或整改条目：原文应有“一、”“（一）”“1.”这类编号',
    ]);
  });

  it('keeps a deadline it cannot read as written, and says the site shows 待定', () => {
    const text = fixture('fits-current-model.txt').replace('完成时限：待定', '完成时限：尽快');
    const { files, todo } = planContentFiles(parsePlanText(text), fresh);
    expect(files.get('src/content/measures/2-1.md')).toContain('deadlineText: 尽快\n');
    expect(todo).toEqual(expect.arrayContaining([expect.stringMatching(/完成时限“尽快”推算不出日期.*网站按“待定”显示/)]));
  });
});
