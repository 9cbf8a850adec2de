/**
 * The content model: one schema per collection, the single source of truth for both Astro's
 * collections (src/content.config.ts) and the standalone checker (npm run check).
 *
 * References between entries are plain ids here, not Astro's `reference()`: Astro only logs a
 * reference to a missing entry, while the checker refuses it with file, line and field.
 */
import { z } from 'astro/zod';
import { addressProblem, reportedProblems, STATUSES } from './vocabulary.ts';
import {
  areaRef,
  calendarDate,
  count,
  dateOrPending,
  hint,
  localDateTime,
  measureRef,
  numberCell,
  ownId,
  nonEmptyList,
  ref,
  AREA_ID,
  SLUG_ID,
  strict,
  text,
  timeOfDay,
  unitRef,
} from './fields.ts';

/** What a collection schema may ask of its environment: Astro's `image()` or the checker's stand-in. */
export interface SchemaContext<I extends z.ZodType = z.ZodType> {
  image: () => I;
}

const columnRef = ref(SLUG_ID, '栏目编号，即 src/content/columns/ 下的文件名，例如 dongtai', 'columns');
const screenRef = ref(SLUG_ID, '显示屏预设编号，即 src/content/screens/ 下的文件名，例如 tv-1080p', 'screens');

/**
 * 自报数字: a dated report of the plan's own totals (a 通报's “共梳理整改任务106项，已完成98项”). It is
 * shown beside the counts the site computes, never instead of them (src/domain/reported.ts).
 */
export const reportedFigureSchema = strict({
  date: calendarDate('截至日期：这组数字截至哪一天，格式 YYYY-MM-DD，例如 2023-06-30（原文“截至2023年6月30日”）'),
  total: count('总数：原文所说的总数，整数，例如 106（共梳理整改任务106项）', 0, 100_000),
  done: count('已完成数：原文所说的已完成数，整数，不大于总数，例如 98', 0, 100_000),
  inProgress: count('正在整改数：原文所说的正在整改（未完成）数，整数，例如 8；原文没有写时省略', 0, 100_000).optional(),
  counted: text('计数对象：原文按什么计数，例如：整改任务、问题、整改措施；省略时为 整改任务').optional(),
  source: text('出处：数字出自哪里，文件标题、文号或原句，例如：关于X镇巡察整改进展情况的通报').optional(),
}).superRefine((figure, ctx) => {
  for (const p of reportedProblems(figure)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message, input: figure });
});

/** The parts of a plan's body, each kept in its own collection (duties, areas, requirements). */
export const PLAN_PARTS = ['duties', 'areas', 'requirements', 'text'] as const;

/** 整改方案: the plan document itself, one entry. */
export const planSchema = strict({
  title: text('方案标题，例如：关于XX问题整改工作的实施方案'),
  issuer: text('制定单位，例如：中共X镇委员会'),
  number: text('方案本身的文号，照原文填写，例如：X发〔2023〕X号；没有时不写').optional(),
  levels: z
    .array(
      text('这一层条目的称呼，例如：方面、问题、整改措施'),
      hint('各层条目的称呼，从最上层（src/content/areas/）起，例如 [方面, 问题, 整改措施]；省略为 [问题, 整改措施]（问题下面是整改措施）'),
    )
    .optional(),
  basis: strict({
    issuer: text('依据文件的发文单位，例如：县委组织部'),
    title: text('依据文件的标题，例如：关于印发《……整改方案》的通知'),
    number: text('依据文件的文号，照原文填写，例如：X组字〔2020〕X号').optional(),
  }).optional(),
  campaign: text('主题活动名称，例如：XX；方案没有主题活动时不写').optional(),
  sections: z
    .array(
      strict({
        part: z.enum(
          PLAN_PARTS,
          hint('这一部分的内容：duties（责任）、areas（问题与整改措施）、requirements（工作要求）或 text（只有文字，写在 text 中）'),
        ),
        title: text('这一部分的标题，照原文填写，例如：梳理问题清单，推动整改措施落实到位；原文没有标题时不写').optional(),
        text: text('这一部分标题下的文字，照原文填写；part 为 text 时写这一部分的全文').optional(),
      }),
      hint('方案正文各部分，按原文顺序列出，例如 - { part: areas, title: 梳理问题清单 }；原文没有的部分不写'),
    )
    .optional(),
  issued: calendarDate(
    '印发日期：方案印发（或通报发布）的日期，照落款填写，格式 YYYY-MM-DD，例如 2023-07-05；“6月底前”“立行立改”这类完成时限按它推算日期；落款没有日期时不写',
  ).optional(),
  reported: z
    .array(
      reportedFigureSchema,
      hint(
        '自报进度：原文自己报告的整改进度（总数、已完成数），每次通报一组，例如 - { date: 2023-06-30, total: 106, done: 98, inProgress: 8, counted: 整改任务 }；没有时不写',
      ),
    )
    .optional(),
  declared: strict({
    areas: count('方案中声明的问题方面数，整数，例如 5', 1, 100),
    measures: count('方案中声明的整改措施数，整数，例如 21', 1, 1000),
  }),
  leadership: strict({
    leader: text('整改工作领导小组组长，照原文填写，未公开时写 X同志').optional(),
    deputies: z.array(text('副组长，照原文填写，例如 X同志'), hint('副组长列表，例如 [X同志, X同志]')).optional(),
    members: text('领导小组成员，例如：其它党委班子领导').optional(),
    office: unitRef.optional(),
    officeHead: text('负责日常整改工作的同志，照原文填写，例如 X同志').optional(),
  }).optional(),
  milestones: z.array(
    strict({
      id: ownId('节点编号，小写字母、数字和连字符，例如 branch-plans'),
      title: text('节点名称，例如：各党支部整改方案报镇党委'),
      date: dateOrPending('节点日期，格式 YYYY-MM-DD；方案写作“X月X日”时填 待定'),
      requirement: count('出自“整改工作有关要求”的第几条，整数，例如 3', 1, 20).optional(),
    }),
    hint('时间节点列表'),
  ),
});

/** 一、责任: the committee's and the branches' duties. */
export const dutySchema = strict({
  title: text('责任标题，例如：党委落实党建工作主体责任'),
});

/** 三、整改工作有关要求. */
export const requirementSchema = strict({
  title: text('要求标题，例如：加强组织领导'),
});

/** 二、问题领域 (方面): a problem area found by the inspection; the first level of the plan's items. */
export const areaSchema = strict({
  title: text('问题表述，照原文填写，例如：基层党组织书记履职意识不强、业务能力不高'),
  label: text('原文的编号，照原文填写，例如：（一）或 一；省略为（一）（二）……').optional(),
  manifestations: z
    .array(
      strict({
        title: text('具体表现的概括，例如：党建工作思想认识不到位'),
        text: text('具体表现的展开原文（原文只有概括时省略），例如：一些党支部书记对……认识不到位').optional(),
      }),
      hint('具体表现列表'),
    )
    .optional(),
});

const DEADLINE_RULE = '整改时限：日期 YYYY-MM-DD、待定或长期，例如 2026-12-31';

/**
 * 整改条目: a problem, a measure or an item below it. The id (file name) is the document's
 * numbering path: item 3 of 方面 2 is `2-3`, the first item under it `2-3-1`. Owners and the
 * deadline are inherited from the item above when an item has none of its own; 完成时限 may be
 * kept as the plan words it (`deadlineText`), and the build derives the date (src/domain/measures.ts).
 */
export const measureSchema = strict({
  title: text('条目的简短标题（原文第一句），例如：建立健全党建工作责任制'),
  label: text('原文的编号，照原文填写，例如：17 或（三）；省略时显示文件名中的编号').optional(),
  owners: nonEmptyList(unitRef, '责任单位列表，至少一个单位编号，例如 [zuzhi-ban, a-cun]；省略时沿用上一层条目的责任单位').optional(),
  leader: text('责任领导，照原文填写（方案公开的职务或“X同志”），例如：镇党委书记').optional(),
  deadline: z.union([z.literal('待定'), z.literal('长期'), calendarDate(DEADLINE_RULE)], hint(DEADLINE_RULE)).optional(),
  deadlineText: text(
    '完成时限的原文说法，照原文填写，例如：2023年6月底前、立行立改、长期坚持；网站据此推算日期（写了 deadline 时以 deadline 为准）',
  ).optional(),
  areas: z.array(areaRef, hint('同时属于的其他问题方面编号列表，例如 [3]；只属于文件名中的方面时不写')).optional(),
});

/**
 * Unit kinds when the settings list none (`unitKinds`); a plan with 党总支 or 科室 lists its own.
 * Kinds marked `board` get a printable bulletin board (宣传栏展板).
 */
export const DEFAULT_UNIT_KINDS: readonly { name: string; board?: boolean }[] = [
  { name: '党委' },
  { name: '办公室' },
  { name: '党支部', board: true },
];

/** 单位: the committee, its offices and the branches (whatever the plan names). */
export const unitSchema = strict({
  name: text('单位名称，照原文填写，例如：X村党支部'),
  kind: text(`单位类别，须是站点设置 unitKinds 中的一个（未设置时为 ${DEFAULT_UNIT_KINDS.map((k) => k.name).join('、')} 之一）`),
  order: count('排列顺序，整数，越小越靠前，例如 10', 0, 10_000),
});

/** Said when a record closes a measure without saying what proves it. */
export const COMPLETED_NEEDS_EVIDENCE = '状态为“已完成”的记录必须写佐证材料（evidence），例如：- 支部党员大会会议记录（存档）';

/** 整改进展记录: a dated record of work on one or more measures. */
export const updateSchema = strict({
  title: text('记录标题，例如：A村党支部开展12月主题党日'),
  date: calendarDate('记录日期，格式 YYYY-MM-DD，例如 2026-12-04'),
  measures: z.array(measureRef, hint('涉及的措施编号列表，例如 [3-1]；记录关于整个方案（例如印发方案）时不写')).optional(),
  units: nonEmptyList(unitRef, '涉及的单位编号列表，例如 [a-cun]；记录来自整个方案的通报、不涉及具体单位时不写').optional(),
  status: text(`措施的新状态：${STATUSES.join('、')} 之一，或站点设置 statusLabels 中的说法（例如 基本完成）；不改变状态时省略此项`)
    // Forms offer the four categories, which every site accepts; a site's own words can still be typed in the file.
    .meta({ 'x-options': [...STATUSES] })
    .optional(),
  completedOn: calendarDate('完成日期，格式 YYYY-MM-DD，不晚于记录日期，例如 2026-12-04').optional(),
  evidence: z.array(text('佐证材料的说明，例如：支部党员大会会议记录（存档）'), hint('佐证材料列表')).optional(),
}).superRefine((record, ctx) => {
  // Rules of one record alone live here, so the build enforces them even without the checker;
  // a site's own word for 已完成 (statusLabels) is the checker's, which knows the settings.
  if (record.status === '已完成' && !record.evidence?.length) {
    ctx.addIssue({ code: 'custom', path: ['status'], message: COMPLETED_NEEDS_EVIDENCE, input: record.status });
  }
  if (record.status !== undefined && !record.measures?.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['status'],
      message: '记录关于整个方案（没有写 measures）时不能设状态：状态属于措施，请写 measures 或去掉 status',
      input: record.status,
    });
  }
  if (record.completedOn !== undefined && record.completedOn > record.date) {
    ctx.addIssue({
      code: 'custom',
      path: ['completedOn'],
      message: `完成日期 ${record.completedOn} 晚于记录日期 ${record.date}：完成日期不能晚于记录日期`,
      input: record.completedOn,
    });
  }
});

/** 宣传栏目: a column of the publicity campaign (公众号专题栏目). */
export const columnSchema = strict({
  title: text('栏目名称，例如：“XX”主题活动'),
  description: text('栏目简介，一两句话'),
  order: count('排列顺序，整数，例如 10', 0, 10_000),
});

/** 宣传文章: a post in a column. */
export function postSchema<I extends z.ZodType>({ image }: SchemaContext<I>) {
  return strict({
    title: text('文章标题，例如：A村党支部召开主题活动动员会'),
    date: calendarDate('发布日期，格式 YYYY-MM-DD，例如 2026-09-10'),
    column: columnRef,
    summary: text('摘要，一两句话，用于列表和分享'),
    cover: image().optional(),
    coverAlt: text('封面图片的文字说明（给读屏软件和加载失败时看），例如：党员在宣传栏前学习').optional(),
    measures: z.array(measureRef, hint('相关措施编号列表，例如 [5-2]')).optional(),
    units: z.array(unitRef, hint('相关单位编号列表，例如 [a-cun]')).optional(),
    screen: z.boolean(hint('是否在电子显示屏上展示：true 或 false')).optional(),
  });
}

/**
 * 通知公告: an announcement with a body and its own page. `start`–`end` is when it is shown
 * (on the home page and the display screens; urgent ones interrupt the screens), not when the
 * event happens: readers see the event's own `date` when it has one, never the display window.
 */
export const noticeSchema = strict({
  title: text('通知标题，例如：12月主题党日安排'),
  date: calendarDate('通知所说事项本身的日期（如活动当天），格式 YYYY-MM-DD，例如 2026-12-04；没有具体日期时省略').optional(),
  start: localDateTime('开始时间（北京时间），格式 YYYY-MM-DD HH:mm，例如 2026-12-01 08:00'),
  end: localDateTime('结束时间（北京时间），格式 YYYY-MM-DD HH:mm，晚于开始时间，例如 2026-12-04 18:00'),
  urgent: z.boolean(hint('是否紧急（紧急通知会打断显示屏轮播）：true 或 false')).optional(),
  screens: z.array(screenRef, hint('只在这些显示屏上展示，省略则全部显示屏，例如 [tv-1080p]')).optional(),
  measures: z.array(measureRef, hint('相关措施编号列表，通知会显示在这些措施的页面上，例如 [3-1]')).optional(),
});

export const SLIDE_KINDS = ['requirements', 'overall', 'areas', 'branches', 'posts', 'dates', 'qr'] as const;
export const SCREEN_THEMES = ['standard', 'led'] as const;

/** 显示屏预设: one kind of electronic display screen. */
export const screenSchema = strict({
  name: text('预设名称，例如：大厅电视 1920×1080'),
  width: count('屏幕宽度（像素），整数，例如 1920', 64, 10_000),
  height: count('屏幕高度（像素），整数，例如 1080', 64, 10_000),
  theme: z.enum(SCREEN_THEMES, hint('主题：standard（普通屏）或 led（LED 屏，黑底亮字）')),
  dwellSeconds: count('每页停留秒数，5 到 600 的整数，例如 15', 5, 600),
  slides: nonEmptyList(
    z.enum(SLIDE_KINDS, hint(`页面种类：${SLIDE_KINDS.join('、')} 之一`)),
    `轮播页面列表，例如 [requirements, overall, areas]；可用：${SLIDE_KINDS.join('、')}`,
  ),
  urgentEvery: count('紧急通知至少每几页出现一次，2 到 20 的整数，例如 3：每放两页其他内容插入一次紧急通知；省略为 3', 2, 20).optional(),
  noticeSeconds: count('通知页每页停留秒数，5 到 120 的整数，例如 20；省略则同 dwellSeconds', 5, 120).optional(),
  minFontSize: count(
    '最小字号（像素），文字多时最多缩小到这个字号，再放不下就分页续放；12 到 200 的整数，例如 24；省略为 16',
    12,
    200,
  ).optional(),
  night: strict({
    from: timeOfDay('夜间开始时刻，格式 HH:mm，例如 22:00'),
    to: timeOfDay('夜间结束时刻，格式 HH:mm，例如 06:30'),
    mode: z.enum(['dim', 'blank'], hint('夜间模式：dim（调暗）或 blank（黑屏）')),
  }).optional(),
});

const SITE_URL_RULE =
  '网站的公开网址，只写到域名，例如 https://dj.example.gov.cn/；显示屏和宣传栏的二维码、分享链接都指向它（环境变量 SITE_URL 优先）';

const RULE_HINT =
  '重复规则，例如 { every: month, weekday: 5, nth: 1 }（每月第一个星期五）；every 为 month（每月）、quarter（每季度）或 year（每年）';

/**
 * A recurring obligation of the plan (活动日, 集中学习, 党课, 述职): its rule drives the calendar
 * feed, the home page and the display screens (src/domain/recurrence.ts).
 */
export const obligationSchema = strict({
  id: ownId('日程编号，小写字母、数字和连字符，例如 study-day'),
  title: text('日程名称，例如：主题党日'),
  rule: strict({
    every: z.enum(['month', 'quarter', 'year'], hint(RULE_HINT)),
    month: count('第几个月：每季度时写 1 到 3，每年时写 1 到 12，例如 12；省略为第一个月', 1, 12).optional(),
    day: count('每月几日，1 到 28 的整数，例如 15；与 weekday 二选一', 1, 28).optional(),
    weekday: count('星期几，1 到 7 的整数（1 为星期一，7 为星期日），例如 5', 1, 7).optional(),
    nth: z
      .union(
        [count('第几个星期几，1 到 4，或 -1 表示最后一个；省略为 1', 1, 4), z.literal(-1)],
        hint('第几个星期几，1 到 4，或 -1 表示最后一个；省略为 1'),
      )
      .optional(),
  })
    .refine((r) => !(r.day !== undefined && r.weekday !== undefined), hint('day（几日）和 weekday（星期几）只能写一个'))
    .refine((r) => r.nth === undefined || r.weekday !== undefined, hint('写了 nth（第几个）时必须同时写 weekday（星期几）'))
    .refine((r) => r.month === undefined || r.every !== 'month', hint('每月的日程不写 month'))
    .refine((r) => r.month === undefined || r.every !== 'quarter' || r.month <= 3, hint('每季度的日程 month 只能是 1 到 3')),
  wording: text('方案原文对时间的说法，照原文填写，例如：每月第一周的星期五；省略时按规则自动生成').optional(),
  measures: z.array(measureRef, hint('出处：相关整改措施编号列表，例如 [3-1]')).optional(),
  audience: text('参加对象，例如：全体党员').optional(),
  description: text('日程说明，一两句话，例如：统一主题，突出政治学习与教育'),
});

/** 站点设置: one entry. */
export function settingsSchema<I extends z.ZodType>({ image }: SchemaContext<I>) {
  return strict({
    siteName: text('网站名称，例如：X镇整改进展公开'),
    description: text('网站简介，一句话，用于搜索引擎和分享'),
    url: z
      .string(hint(SITE_URL_RULE))
      .trim()
      .refine((value) => addressProblem(value) === undefined, hint(SITE_URL_RULE))
      .optional(),
    demo: z.boolean(hint('是否为演示数据：true 时每页提示“演示数据”，正式上线前改为 false')),
    contacts: z.array(
      strict({
        label: text('联系方式名称，例如：监督电话'),
        value: text('联系方式，只写单位座机或邮箱，不写个人手机号，例如 0000-0000000'),
      }),
      hint('监督联系方式列表'),
    ),
    obligations: z
      .array(obligationSchema, hint('方案规定的定期工作（活动日、集中学习、党课、述职等）列表；它们进入日历订阅、首页和显示屏'))
      .optional(),
    statusLabels: z
      .array(
        strict({
          label: text('方案或通报里的状态说法，例如：基本完成、正在整改'),
          status: z.enum(STATUSES, hint(`对应的统计类别：${STATUSES.join('、')} 之一`)),
        }),
        hint('状态说法列表，例如 - { label: 基本完成, status: 已完成 }'),
      )
      .optional(),
    unitKinds: z
      .array(
        strict({
          name: text('单位类别名称，照原文填写，例如：党总支、科室'),
          board: z.boolean(hint('这类单位是否有宣传栏展板（A3 打印），true 或 false')).optional(),
        }),
        hint('单位类别列表，例如 - { name: 党总支, board: true }；不写时为 党委、办公室、党支部（党支部有展板）'),
      )
      .optional(),
    campaign: strict({
      title: text('显示屏和宣传栏上主题活动的标题，例如：“XX”主题活动'),
      area: ref(AREA_ID, '其整改措施作为主题活动要求的问题方面编号，即 src/content/areas/ 下的文件名，例如 5', 'areas'),
    }).optional(),
    pages: strict({
      posts: text('宣传专栏页的简介，一句话').optional(),
      units: text('责任单位页的简介，一句话').optional(),
      stats: text('统计页的简介，一句话').optional(),
      areas: text('问题清单页的简介，一句话').optional(),
      boards: text('宣传栏展板页的简介，一句话').optional(),
    }).optional(),
    shareImage: text('分享图片上的文字，例如：X镇整改进展公开；省略时用网站名称').optional(),
    officialAccount: strict({
      name: text('公众号名称，例如：X镇发布'),
      qr: image().optional(),
      qrAlt: text('二维码图片的文字说明，例如：“X镇发布”公众号二维码').optional(),
    }).optional(),
  });
}

export const METRIC_PERIODS = ['月', '季', '年'] as const;

/** A row of data/metrics.csv: a quantified obligation of the plan and its target. */
export const metricSchema = strict({
  id: ownId('指标编号，小写字母、数字和连字符，例如 activity-days'),
  name: text('指标名称，例如：主题党日开展次数'),
  unit: text('计量单位，例如：次、学时、%'),
  period: z.enum(METRIC_PERIODS, hint('统计周期：月、季 或 年')),
  target: numberCell('目标值，非负数字，例如 2；方案没有定目标时留空').optional(),
  measure: measureRef,
  description: text('指标说明，写明口径，例如：每个党支部每月开展主题党日的次数'),
});

/** A row of a tidy data table under data/observations/: one period × unit × metric. */
export const observationSchema = strict({
  period: z
    .string(hint('统计期：月写 2026-09，季度写 2026-Q3，年写 2026'))
    .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, hint('统计期：月写 2026-09，季度写 2026-Q3，年写 2026')),
  unit: text('单位编号或单位名称，例如 a-cun 或 A村党支部（只填单位，不填个人）'),
  metric: text('指标编号或名称，见 data/metrics.csv，例如 activity-days'),
  value: numberCell('数值，非负数字，不带单位和千位逗号，例如 2 或 95.5'),
  note: z.string().optional(),
});

/** Chinese header names editors may use in CSV files, mapped onto the canonical column names. */
export const CSV_ALIASES: Readonly<Record<string, string>> = {
  统计期: 'period',
  期间: 'period',
  单位: 'unit',
  指标: 'metric',
  数值: 'value',
  备注: 'note',
  编号: 'id',
  名称: 'name',
  计量单位: 'unit',
  周期: 'period',
  目标: 'target',
  措施: 'measure',
  说明: 'description',
};
