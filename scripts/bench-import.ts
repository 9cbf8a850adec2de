/**
 * npm run bench:import -- [measures …]: how long reading a plan and writing its content files
 * takes, for the published plan and for synthetic plans of N measures (text and Word). Prints
 * the median of 3 runs per size and the load average, since the machine is shared.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { parsePlanText, planTextFromFile } from '../src/cli/plan-import.ts';
import { planContentFiles } from '../src/cli/plan-writer.ts';
import { toChineseNumeral } from '../src/domain/numbering.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const root = join(import.meta.dirname, '..');

/** A plan of the model's shape with `measures` measures, 10 to a problem. */
function synthetic(measures: number): string {
  const lines = ['关于某问题的整改方案', '根据要求，制定本方案。', '一、责任', '（一）党委负责。党委负主体责任。', '二、问题清单'];
  const problems = Math.ceil(measures / 10);
  for (let p = 1; p <= problems; p += 1) {
    lines.push(`（${toChineseNumeral(p)}）第${p}个问题`, '具体表现：一是表现甲。说明。二是表现乙。');
    const items = Array.from(
      { length: Math.min(10, measures - (p - 1) * 10) },
      (_, m) => `${m + 1}.第${m + 1}项措施，落实到位。每月检查一次。`,
    );
    lines.push(`整改措施：${items.join('')}`);
  }
  lines.push('三、要求', '（一）加强领导。X同志为组长，X同志为副组长，其他同志为成员。');
  return lines.join('\n');
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function time(label: string, run: () => Promise<number>): Promise<void> {
  const ms: number[] = [];
  let items = 0;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    items = await run();
    ms.push(performance.now() - start);
  }
  console.log(`${label}: ${items} files, median ${median(ms).toFixed(1)} ms (${ms.map((m) => m.toFixed(0)).join(', ')})`);
}

const write = (text: string) => planContentFiles(parsePlanText(text), { units: [], measures: new Map() }).files.size;

await time('published plan (text)', async () => write(readFileSync(join(root, 'docs/source/整改方案原文.txt'), 'utf8')));
for (const n of sizes.length > 0 ? sizes : [200, 2000]) {
  const text = synthetic(n);
  await time(`${n} measures (text)`, async () => write(text));
  const doc = new Document({ sections: [{ children: text.split('\n').map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  await time(`${n} measures (.docx, ${(bytes.length / 1024).toFixed(0)} KB)`, async () =>
    write((await planTextFromFile(bytes, 'plan.docx')).text),
  );
}
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
