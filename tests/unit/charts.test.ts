import { describe, expect, it } from 'vitest';
import { chartConfig, toneColour, TONE_COLOURS } from '../../src/lib/chart-config.ts';
import { areaChart, burnDownChart, chartCsv, metricChart, statusChart, unitChart } from '../../src/lib/charts.ts';
import { summarise, type MeasureStatus } from '../../src/lib/status.ts';

const states = (...statuses: MeasureStatus[]) => statuses.map((status) => ({ status, overdue: false }));
const THEME = { fontSize: 14, fontFamily: 'sans-serif', text: '#111', grid: '#ddd', outline: '#111' };

describe('statusChart', () => {
  it('counts measures per status and says so in one sentence', () => {
    const spec = statusChart(summarise([...states('已完成', '已完成', '推进中', '未启动'), { status: '推进中', overdue: true }]));
    expect(spec.labels).toEqual(['未启动', '推进中', '已完成', '长期坚持']);
    expect(spec.series[0]!.values).toEqual([1, 2, 2, 0]);
    expect(spec.series[0]!.tones).toEqual(['todo', 'doing', 'done', 'ongoing']);
    expect(spec.summary).toBe('5 项措施中已完成 2 项、长期坚持 0 项、推进中 2 项、未启动 1 项，其中逾期 1 项。');
  });
});

describe('areaChart and unitChart', () => {
  it('stack statuses per group and name the best and the worst closed share', () => {
    const spec = areaChart([
      { number: 1, states: states('已完成', '未启动') },
      { number: 2, states: states('未启动', '未启动', '推进中') },
      { number: 3, states: states('长期坚持') },
    ]);
    expect(spec.stacked).toBe(true);
    expect(spec.labels).toEqual(['（一）', '（二）', '（三）']);
    expect(spec.series.find((s) => s.label === '未启动')!.values).toEqual([1, 2, 0]);
    expect(spec.summary).toBe('已销号比例最高的是问题（三）（1/1），最低的是问题（二）（0/3）。');
  });
  it('leave out units that lead no measure, and say when all are equal', () => {
    const spec = unitChart([
      { name: '甲', states: states('未启动') },
      { name: '乙', states: [] },
      { name: '丙', states: states('推进中') },
    ]);
    expect(spec.labels).toEqual(['甲', '丙']);
    expect(spec.summary).toBe('2 组的已销号比例相同（0/1）。');
  });
});

describe('burnDownChart', () => {
  it('counts the measures still open at the end of each week up to today', () => {
    const spec = burnDownChart(
      [
        [
          { date: '2026-09-01', status: '推进中' },
          { date: '2026-09-10', status: '已完成' },
        ],
        [{ date: '2026-09-05', status: '长期坚持' }],
        [],
      ],
      '2026-09-20',
    );
    // 09-01: none closed; 09-08: the second closed; 09-15: both closed; 09-20 (today): both.
    expect(spec.labels).toEqual(['9月1日', '9月8日', '9月15日', '9月20日']);
    expect(spec.series[0]!.values).toEqual([3, 2, 1, 1]);
    expect(spec.summary).toBe('未销号措施从2026年9月1日的 3 项变为2026年9月20日的 1 项（约 3 周）。');
  });
  it('shows a single point when nothing has changed yet', () => {
    const spec = burnDownChart([[], []], '2026-09-20');
    expect(spec.series[0]!.values).toEqual([2]);
    expect(spec.summary).toBe('截至2026年9月20日，未销号措施 2 项。');
  });
});

describe('metricChart', () => {
  const units = [
    { id: 'a', name: '甲支部' },
    { id: 'b', name: '乙支部' },
    { id: 'c', name: '丙支部' },
  ];
  const metric = { id: 'days', name: '活动日次数', unit: '次', period: '月' as const, target: 1 };
  it('puts periods on the axis, a series per unit with data, gaps as null, and the target', () => {
    const spec = metricChart(
      metric,
      [
        { period: '2026-10', unit: 'a', value: 1 },
        { period: '2026-09', unit: 'a', value: 0 },
        { period: '2026-10', unit: 'b', value: 2 },
      ],
      units,
    );
    expect(spec.labels).toEqual(['2026年9月', '2026年10月']);
    expect(spec.series.map((s) => [s.label, s.values])).toEqual([
      ['甲支部', [0, 1]],
      ['乙支部', [null, 2]],
    ]);
    expect(spec.target).toEqual({ value: 1, label: '目标：不少于 1 次' });
    expect(spec.summary).toBe('活动日次数：2026年10月有数据的 2 个单位中 2 个达到目标（不少于 1 次）。');
  });
  it('reports values without judging them when the plan sets no target', () => {
    const spec = metricChart({ ...metric, target: undefined }, [{ period: '2026-10', unit: 'c', value: 3 }], units);
    expect(spec.target).toBeUndefined();
    expect(spec.summary).toBe('活动日次数：2026年10月丙支部 3 次（方案未定目标）。');
  });
});

describe('chartCsv', () => {
  it('writes one tidy row per category and series, plus the target, with a BOM', () => {
    const spec = metricChart(
      { id: 'x', name: '指标', unit: '次', period: '月', target: 2 },
      [{ period: '2026-10', unit: 'a', value: 1 }],
      [{ id: 'a', name: '甲' }],
    );
    expect(chartCsv(spec)).toBe('\uFEFF类别,系列,数值,单位\r\n2026年10月,甲,1,次\r\n2026年10月,目标,2,次\r\n');
  });
});

describe('chartConfig', () => {
  it('draws bars with outlines, per-bar tones, a dashed target line, and no animation', () => {
    const spec = metricChart(
      { id: 'x', name: '指标', unit: '次', period: '月', target: 2 },
      [{ period: '2026-10', unit: 'a', value: 1 }],
      [{ id: 'a', name: '甲' }],
    );
    const config = chartConfig(spec, THEME);
    const datasets = config.data.datasets as { type: string; borderDash?: number[]; borderColor?: string; data: unknown[] }[];
    expect(datasets.map((d) => d.type)).toEqual(['bar', 'line']);
    expect(datasets[1]!.borderDash).toEqual([8, 5]);
    expect(datasets[1]!.data).toEqual([2]);
    expect(datasets[0]!.borderColor).toBe('#111');
    expect(config.options?.animation).toBe(false);
    const status = chartConfig(statusChart(summarise(states('已完成'))), THEME);
    expect((status.data.datasets[0] as unknown as { backgroundColor: string[] }).backgroundColor).toEqual(
      ['todo', 'doing', 'done', 'ongoing'].map((t) => toneColour(t as 'todo')),
    );
  });
  it('uses fills that differ in lightness, so they stay apart in grayscale', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ramp = [TONE_COLOURS.done, TONE_COLOURS.ongoing, TONE_COLOURS.doing, TONE_COLOURS.todo].map(luminance);
    for (let i = 1; i < ramp.length; i += 1) expect(ramp[i]! - ramp[i - 1]!).toBeGreaterThan(0.1);
  });
});
