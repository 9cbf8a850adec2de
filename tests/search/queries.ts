/**
 * The recall suite's queries, all taken from the content the site is built from, never listed
 * here (the suite must hold for any plan): the terms the plan itself puts in quotation marks
 * (“三会一课”, as members remember and search them), and phrases of 2–6 characters cut from the
 * measures' text at places a seeded generator picks (so they cross word boundaries, as people's
 * half-remembered phrases do). The expected result is computed from the content: a measure page
 * whose text contains the query.
 */

/** The terms of 2–8 characters (no digits, Latin letters or punctuation) the texts put in “”, each once. */
export function quotedTerms(texts: Iterable<string>): string[] {
  const terms = new Set<string>();
  for (const text of texts)
    for (const [, term] of text.matchAll(/“([^”]{2,8})”/g)) if (!PUNCTUATION.test(term!) && !/[+＋]/.test(term!)) terms.add(term!);
  return [...terms].sort();
}

/**
 * The two-character word most measures contain, among those some other text (records, posts)
 * contains too: a query whose results mix kinds, and whose marks are one whole word.
 */
export function commonWord(measures: Iterable<string>, others: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const text of measures) {
    const seen = new Set<string>();
    for (let i = 0; i + 2 <= text.length; i += 1) {
      const pair = text.slice(i, i + 2);
      if (/^[\u4e00-\u9fff]{2}$/.test(pair)) seen.add(pair);
    }
    for (const pair of seen) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return [...counts]
    .filter(([pair]) => others.some((t) => t.includes(pair)))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

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
