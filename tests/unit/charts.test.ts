import { describe, expect, it } from 'vitest';
import {
  chartConfig,
  DARK_TONE_COLOURS,
  isDarkBackground,
  toneColour,
  TONE_COLOURS,
  valueAxis,
  withDashes,
} from '../../src/client/chart-config.ts';
import {
  amountText,
  areaChart,
  burnDownChart,
  chartCsv,
  metricChart,
  statusChart,
  targetText,
  unitChart,
} from '../../src/domain/charts.ts';
import { summarise, type MeasureStatus } from '../../src/domain/status.ts';

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
      { label: '（一）', name: '问题（一）', states: states('已完成', '未启动') },
      { label: '（二）', name: '问题（二）', states: states('未启动', '未启动', '推进中') },
      { label: '三', name: '第三方面', states: states('长期坚持') },
    ]);
    expect(spec.stacked).toBe(true);
    expect(spec.labels).toEqual(['（一）', '（二）', '三']);
    expect(spec.series.find((s) => s.label === '未启动')!.values).toEqual([1, 2, 0]);
    expect(spec.categoryLabel).toBe('问题');
    expect(spec.summary).toBe('已销号比例最高的是第三方面（1 项中已销号 1 项），最低的是问题（二）（3 项中已销号 0 项）。');
  });
  it('leave out units that lead no measure, and say when all are equal', () => {
    const spec = unitChart([
      { name: '甲', states: states('未启动') },
      { name: '乙', states: [] },
      { name: '丙', states: states('推进中') },
    ]);
    expect(spec.labels).toEqual(['甲', '丙']);
    expect(spec.categoryLabel).toBe('单位');
    expect(spec.summary).toBe('2 组的已销号比例相同，均为 0%。');
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
    expect(spec.categoryLabel).toBe('月份');
    expect(spec.series.map((s) => [s.label, s.values])).toEqual([
      ['甲支部', [0, 1]],
      ['乙支部', [null, 2]],
    ]);
    expect(spec.target).toEqual({ value: 1, label: '目标：不少于 1 次' });
    expect(spec.summary).toBe('活动日次数：2026年10月报送数据的 2 个单位全部达到目标（不少于 1 次）。');
  });
  it('names the units below the target, says so when none reached it, and speaks of one unit as one', () => {
    const obs = (a: number, b: number) => [
      { period: '2026-10', unit: 'a', value: a },
      { period: '2026-10', unit: 'b', value: b },
    ];
    expect(metricChart(metric, obs(1, 0), units).summary).toBe(
      '活动日次数：2026年10月报送数据的 2 个单位中 1 个达到目标（不少于 1 次），未达到的是乙支部。',
    );
    expect(metricChart(metric, obs(0, 0), units).summary).toBe('活动日次数：2026年10月报送数据的 2 个单位都未达到目标（不少于 1 次）。');
    expect(metricChart(metric, [{ period: '2026-10', unit: 'a', value: 1 }], units).summary).toBe(
      '活动日次数：2026年10月只有甲支部报送了数据（1 次），达到目标（不少于 1 次）。',
    );
  });
  it('writes rates as readers do: 97.7%, a target of 100% without 不少于', () => {
    const rate = { id: 'dues', name: '按时交纳比例', unit: '%', period: '月' as const, target: 100 };
    const spec = metricChart(rate, [{ period: '2026-11', unit: 'a', value: 97.7 }], units);
    expect(spec.target!.label).toBe('目标：100%');
    expect(spec.summary).toBe('按时交纳比例：2026年11月只有甲支部报送了数据（97.7%），未达到目标（100%）。');
    expect(amountText(2, '学时')).toBe('2 学时');
    expect(targetText(95, '%')).toBe('不低于 95%');
    expect(metricChart({ ...rate, period: '季' }, [], units).categoryLabel).toBe('季度');
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
  const oneMonth = metricChart(
    { id: 'x', name: '指标', unit: '次', period: '月', target: 2 },
    [{ period: '2026-10', unit: 'a', value: 1 }],
    [{ id: 'a', name: '甲' }],
  );
  type Dataset = {
    type: string;
    borderDash?: number[];
    borderColor?: string;
    backgroundColor?: unknown;
    data: unknown[];
    xAxisID?: string;
    clip?: unknown;
    pointStyle?: string;
  };
  it('draws bars with outlines, per-bar tones, and no animation', () => {
    const config = chartConfig(oneMonth, THEME);
    const datasets = config.data.datasets as Dataset[];
    expect(datasets.map((d) => d.type)).toEqual(['bar', 'line']);
    expect(datasets[0]!.borderColor).toBe('#111');
    expect(config.options?.animation).toBe(false);
    const status = chartConfig(statusChart(summarise(states('已完成'))), THEME);
    expect((status.data.datasets[0] as unknown as { backgroundColor: string[] }).backgroundColor).toEqual(
      ['todo', 'doing', 'done', 'ongoing'].map((t) => toneColour(t as 'todo')),
    );
  });
  it('draws the target as an unclipped dashed line across the whole plot, even for a single period', () => {
    const config = chartConfig(oneMonth, { ...THEME, target: '#a31f18' });
    const target = (config.data.datasets as Dataset[])[1]!;
    // Two points on a hidden 0–1 axis: a line from edge to edge whatever the number of categories.
    expect(target.xAxisID).toBe('across');
    expect(target.data).toEqual([
      { x: 0, y: 2 },
      { x: 1, y: 2 },
    ]);
    const across = (config.options?.scales as Record<string, { min?: number; max?: number; display?: boolean }>)['across']!;
    expect([across.min, across.max, across.display]).toEqual([0, 1, false]);
    expect(target.borderDash).toEqual([8, 5]);
    expect(target.borderColor).toBe('#a31f18');
    expect(target.clip).toBe(false);
    // The legend draws it as a dashed line, not a filled box.
    expect(target.pointStyle).toBe('line');
    expect(target.backgroundColor).toBe('transparent');
    expect((config.options?.plugins?.legend?.labels as { usePointStyle?: boolean }).usePointStyle).toBe(true);
  });
  it('gives the target’s legend item the dataset’s dash and width (chart.js takes a point’s style, which has none)', () => {
    const datasets = chartConfig(oneMonth, THEME).data.datasets as { borderDash?: number[]; borderWidth?: number }[];
    const items = withDashes(
      [
        { datasetIndex: 0, text: '甲' },
        { datasetIndex: 1, text: '目标' },
      ],
      datasets,
    );
    expect(items[0]).toEqual({ datasetIndex: 0, text: '甲' });
    expect(items[1]).toEqual({ datasetIndex: 1, text: '目标', lineDash: [8, 5], lineWidth: 3 });
  });
  it('keeps the target below the top of the axis', () => {
    const scales = chartConfig(oneMonth, THEME).options?.scales as Record<string, { max?: number }>;
    expect(scales['y']!.max).toBeGreaterThan(2);
  });
  it('takes the dark ramp of fills on a dark page', () => {
    const status = chartConfig(statusChart(summarise(states('已完成'))), { ...THEME, dark: true });
    expect((status.data.datasets[0] as unknown as { backgroundColor: string[] }).backgroundColor).toEqual(
      ['todo', 'doing', 'done', 'ongoing'].map((t) => DARK_TONE_COLOURS[t as 'todo']),
    );
    expect(isDarkBackground('#161412')).toBe(true);
    expect(isDarkBackground('#fff')).toBe(false);
    expect(isDarkBackground('rgb(0 0 0)')).toBeUndefined();
  });
  it('uses fills that differ in lightness, so they stay apart in grayscale, in both ramps', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const tones of [TONE_COLOURS, DARK_TONE_COLOURS]) {
      const ramp = [tones.done, tones.ongoing, tones.doing, tones.todo].map(luminance);
      const steps = ramp.slice(1).map((l, i) => Math.abs(l - ramp[i]!));
      for (const step of steps) expect(step).toBeGreaterThan(0.1);
    }
  });
});

describe('valueAxis', () => {
  const spec = (values: number[], extra: { unit?: string; target?: { value: number }; stacked?: boolean } = {}) => ({
    unit: extra.unit ?? '次',
    labels: values.map((_, i) => String(i)),
    series: [{ values }],
    stacked: extra.stacked ?? false,
    ...(extra.target ? { target: extra.target } : {}),
  });
  it('runs rates from 0 to 100%', () => {
    expect(valueAxis(spec([97.7, 99.3], { unit: '%', target: { value: 100 } }))).toEqual({ min: 0, max: 100, step: 20 });
  });
  it('gives counts whole steps and room above the largest value or target, never an axis of 0–1', () => {
    expect(valueAxis(spec([0, 1]))).toEqual({ min: 0, max: 4, step: 1 });
    expect(valueAxis(spec([2, 1], { target: { value: 2 } }))).toEqual({ min: 0, max: 4, step: 1 });
    expect(valueAxis(spec([9]))).toEqual({ min: 0, max: 10, step: 1 });
    expect(valueAxis(spec([23]))).toEqual({ min: 0, max: 25, step: 5 });
    // Ten measures in one status: ticks every 2 up to 12, not 0, 2 … 12, 15.
    expect(valueAxis(spec([10, 6, 2, 2]))).toEqual({ min: 0, max: 12, step: 2 });
  });
  it('adds up stacked bars', () => {
    expect(valueAxis({ ...spec([3, 1], { stacked: true }), series: [{ values: [3, 1] }, { values: [4, 0] }] }).max).toBe(8);
  });
  it('gives fractional figures (学时) a round top above the largest', () => {
    expect(valueAxis(spec([9.5, 11], { target: { value: 12 } })).max).toBe(15);
  });
});
