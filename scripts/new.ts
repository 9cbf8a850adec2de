/**
 * npm run new -- record|post|notice [--field value …]: writes a new progress record, post or
 * notice in the right folder with a readable file name, after running the checker on it. Asks
 * in Chinese for what the flags leave out (when run in a terminal); with --yes or without a
 * terminal, a missing field is an error instead of a question. Nothing is written when the
 * checker finds a problem in the new file.
 *
 *   npm run new -- record --measures 3-1 --units x-cun --title "X村党支部开展12月党员活动日" --status 长期坚持 --evidence "签到表（存党支部）"
 *   npm run new -- post --title "…" --summary "…" --image ~/照片.jpg --image-alt "…"
 *   npm run new -- notice --title "…" --date 2026-12-04 --start "2026-12-01 08:00" --end "2026-12-04 18:00" --urgent
 *
 * The work is `runNew()`, which returns the exit code instead of exiting, so the tests drive it
 * in-process (one process start costs more than the checker run) and one test runs the CLI.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as p from '@clack/prompts';
import { checkProject, formatIssue } from '../src/checker/index.ts';
import { buildDate } from '../src/domain/dates.ts';
import { fileName, noticeMarkdown, postMarkdown, recordMarkdown, SCAFFOLD_DIRS, type ScaffoldKind } from '../src/cli/scaffold.ts';
import { STATUSES } from '../src/domain/status.ts';

const KINDS: Record<string, ScaffoldKind> = {
  record: 'record',
  进展: 'record',
  post: 'post',
  文章: 'post',
  notice: 'notice',
  通知: 'notice',
};

/** Ends the run: caught by runNew(), which prints the message and returns the code. */
class Exit {
  readonly message: string;
  readonly code: number;
  constructor(message: string, code: number) {
    this.message = message;
    this.code = code;
  }
}
function fail(message: string, code = 1): never {
  throw new Exit(message, code);
}

export interface NewIo {
  /** Where the closing line goes (stdout for the CLI). Errors come back in the result. */
  out: (line: string) => void;
  /** Whether questions may be asked (a terminal, without --yes). */
  interactive: boolean;
  /** SOURCE_DATE_EPOCH fixes "today". */
  env: NodeJS.ProcessEnv;
}

/** Runs `npm run new` with these arguments; resolves to the exit code and the message for stderr. */
export async function runNew(argv: string[], io: NewIo): Promise<{ code: number; error?: string }> {
  try {
    return { code: await newEntry(argv, io) };
  } catch (e) {
    if (e instanceof Exit) return { code: e.code, error: e.message };
    throw e;
  }
}

async function newEntry(argv: string[], io: NewIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      yes: { type: 'boolean' },
      title: { type: 'string' },
      date: { type: 'string' },
      measures: { type: 'string' },
      units: { type: 'string' },
      status: { type: 'string' },
      evidence: { type: 'string', multiple: true },
      body: { type: 'string' },
      column: { type: 'string' },
      summary: { type: 'string' },
      image: { type: 'string' },
      'image-alt': { type: 'string' },
      screen: { type: 'boolean' },
      start: { type: 'string' },
      end: { type: 'string' },
      urgent: { type: 'boolean' },
    },
  });

  const kind = KINDS[positionals[0] ?? ''];
  const root = resolve(values.root ?? '.');
  const interactive = io.interactive && !values.yes;

  if (!kind) fail('用法：npm run new -- record（进展记录）| post（宣传文章）| notice（通知） [--字段 值 …]', 2);

  const { content } = checkProject(root);
  const list = (v: string | undefined) => (v ?? '').split(/[,，、\s]+/).filter(Boolean);

  /** A field from its flag, or asked for in a terminal, or an error naming the flag. */
  async function ask(
    flag: string,
    question: string,
    current: string | undefined,
    options: { optional?: boolean; initial?: string | undefined } = {},
  ): Promise<string | undefined> {
    if (current !== undefined) return current;
    if (!interactive) {
      if (options.optional || options.initial !== undefined) return options.initial;
      fail(`缺少 --${flag}（${question}）。在终端里直接运行 npm run new -- ${positionals[0]} 可以逐项回答。`, 2);
    }
    const answer = await p.text({
      message: question,
      initialValue: options.initial ?? '',
      ...(options.optional ? {} : { validate: (v) => (v?.trim() ? undefined : '此项必填') }),
    });
    if (p.isCancel(answer)) fail('已取消，没有写入文件。', 0);
    return answer.trim() || undefined;
  }

  async function askMany(
    flag: string,
    question: string,
    current: string | undefined,
    choices: { value: string; label: string }[],
  ): Promise<string[]> {
    if (current !== undefined) return list(current);
    if (!interactive) fail(`缺少 --${flag}（${question}），多个用逗号分隔。`, 2);
    const answer = await p.multiselect({ message: `${question}（空格选择，回车确认）`, options: choices, required: true });
    if (p.isCancel(answer)) fail('已取消，没有写入文件。', 0);
    return answer;
  }

  const today = buildDate(io.env);
  const measures = content.measures.map((m) => ({ value: m.id, label: `${m.id} ${m.data.title}` }));
  const units = content.units.map((u) => ({ value: u.id, label: `${u.data.name}（${u.id}）` }));

  if (interactive) p.intro({ record: '登记整改进展', post: '发布宣传文章', notice: '发布通知' }[kind]);

  const dir = SCAFFOLD_DIRS[kind];
  let text: string;
  let name: string;
  let image: { from: string; to: string } | undefined;
  const taken = (n: string) => ['md', 'mdx'].some((e) => existsSync(join(root, dir, `${n}.${e}`)));

  if (kind === 'record') {
    const picked = await askMany('measures', '涉及哪些整改措施', values.measures, measures);
    const who = await askMany('units', '哪些单位做的', values.units, units);
    const date = (await ask('date', '日期（YYYY-MM-DD）', values.date, { initial: today }))!;
    const title = (await ask('title', '标题，例如：X村党支部开展12月党员活动日', values.title))!;
    let status = values.status;
    if (status === undefined && interactive) {
      const answer = await p.select({
        message: '措施的新状态（不改变选“不改变”）',
        options: [{ value: '', label: '不改变' }, ...STATUSES.map((s) => ({ value: s, label: s }))],
      });
      if (p.isCancel(answer)) fail('已取消，没有写入文件。', 0);
      status = answer || undefined;
    }
    let evidence = values.evidence;
    if (!evidence && status === '已完成' && interactive)
      evidence = list(await ask('evidence', '佐证材料（“已完成”必填），多个用逗号分隔', undefined));
    name = fileName(date, [...picked, ...who], taken);
    text = recordMarkdown({ title, date, measures: picked, units: who, status, evidence, body: values.body });
  } else if (kind === 'post') {
    const title = (await ask('title', '文章标题', values.title))!;
    const date = (await ask('date', '发布日期（YYYY-MM-DD）', values.date, { initial: today }))!;
    const column = (await ask('column', '栏目编号', values.column, { initial: content.columns[0]?.id }))!;
    const summary = (await ask('summary', '摘要（一两句话）', values.summary))!;
    const imagePath = await ask('image', '封面图片的路径（没有就直接回车）', values.image, { optional: true });
    name = fileName(date, [column], taken);
    let cover: string | undefined;
    let coverAlt: string | undefined;
    if (imagePath) {
      if (!existsSync(imagePath)) fail(`找不到图片 ${imagePath}`);
      cover = `${name}${extname(imagePath).toLowerCase()}`;
      coverAlt = await ask('image-alt', '图片的文字说明，例如：党员在宣传栏前学习', values['image-alt']);
      image = { from: imagePath, to: join(root, dir, cover) };
    }
    text = postMarkdown({
      title,
      date,
      column,
      summary,
      cover,
      coverAlt,
      measures: list(values.measures),
      units: list(values.units),
      screen: values.screen,
      body: values.body,
    });
  } else {
    const title = (await ask('title', '通知标题', values.title))!;
    const date = await ask('date', '通知所说事项本身的日期（YYYY-MM-DD，如活动当天；没有就留空）', values.date, { optional: true });
    const start = (await ask('start', '开始时间（YYYY-MM-DD HH:mm）', values.start, { initial: `${today} 08:00` }))!;
    const end = (await ask('end', '结束时间（YYYY-MM-DD HH:mm）', values.end))!;
    name = fileName(start.slice(0, 10), ['notice'], taken);
    text = noticeMarkdown({ title, date, start, end, urgent: values.urgent, measures: list(values.measures), body: values.body });
  }

  const relative = `${dir}/${name}.md`;
  // Check the new file together with everything else before writing it.
  const overrides = new Map<string, string | Uint8Array>([[relative, text]]);
  // The real picture's bytes, so a file that is not the image its name says is refused before copying.
  if (image) overrides.set(`${dir}/${basename(image.to)}`, readFileSync(image.from));
  const result = checkProject(root, { overrides, today });
  const problems = result.issues.filter((i) => i.severity === 'error' && i.file.startsWith(`${dir}/${name}`));
  if (problems.length > 0) {
    fail(`没有写入文件，请改正后再试：\n${problems.map(formatIssue).join('\n')}`);
  }
  if (image) copyFileSync(image.from, image.to);
  writeFileSync(join(root, relative), text);
  const message = `已写入 ${relative}${image ? `，封面图片已复制到 ${dir}/${basename(image.to)}` : ''}。用 npm run dev 预览，确认后提交（commit）。`;
  if (interactive) p.outro(message);
  else io.out(message);
  return 0;
}

if (import.meta.main) {
  const { code, error } = await runNew(process.argv.slice(2), {
    out: console.log,
    interactive: Boolean(process.stdin.isTTY),
    env: process.env,
  });
  if (error) console.error(error);
  process.exitCode = code;
}
