/**
 * The recall suite's queries: terms members search for, taken from the plan's text, and
 * phrases of 2–6 characters cut from the measures' text at places a seeded generator picks
 * (so they cross word boundaries, as people's half-remembered phrases do). The expected result
 * is computed from the content: a measure page whose text contains the query.
 */
export const TERMS = [
  '三会一课',
  '谈心谈话',
  '一岗双责',
  '五学四议三帮',
  '徽章',
  '党费',
  '党员活动日',
  '两学一做',
  '述职',
  '联系点',
  '党课',
  '学时',
  '发展党员',
  '组织生活',
  '基础设施',
  '宣传栏',
  '公众号',
  '电子显示屏',
  '积分管理',
  '诫勉谈话',
  '慰问帮扶',
  '年报统计',
  '培训班',
  '两委换届',
  '双重组织生活',
  '红色教育基地',
  '入党积极分子',
  '思想动态',
];

/** A deterministic pseudo-random sequence (same queries on every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const PUNCTUATION = /[\s，。、“”‘’；：:（）()《》〈〉<>！？!?,.;\-—…0-9A-Za-z]/;

/**
 * `count` phrases of 2–6 characters, each found in exactly one measure's text.
 * @param texts measure id → full text of the measure.
 */
export function phrases(texts: ReadonlyMap<string, string>, count: number, seed = 2026): { query: string; measure: string }[] {
  const rnd = random(seed);
  const ids = [...texts.keys()];
  const out: { query: string; measure: string }[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; out.length < count && attempt < count * 200; attempt += 1) {
    const id = ids[Math.floor(rnd() * ids.length)]!;
    const text = texts.get(id)!;
    const length = 2 + Math.floor(rnd() * 5);
    const start = Math.floor(rnd() * Math.max(1, text.length - length));
    const query = text.slice(start, start + length);
    if (query.length !== length || PUNCTUATION.test(query) || seen.has(query)) continue;
    if ([...texts.values()].filter((t) => t.includes(query)).length !== 1) continue;
    seen.add(query);
    out.push({ query, measure: id });
  }
  return out;
}
