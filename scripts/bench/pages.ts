/**
 * Benchmark pages written from our own sentence templates: a news article of a given length, full of officials,
 * countries and topics, and a page of the same kind of prose with nothing for the gazetteer to find.
 * Deterministic (a seeded generator), so every run measures the same pages.
 */

const OFFICIALS = ['Mohsin Naqvi', 'Magnus Brunner', 'Bernard Quintin'];
const COUNTRIES = [
  'Pakistan',
  'Belgium',
  'Germany',
  'Italy',
  'Greece',
  'Afghanistan',
  'Iran',
  'Turkey',
  'Spain',
  'Morocco',
  'Libya',
  'Bangladesh',
];
const TOPICS = [
  'illegal migration',
  'human trafficking',
  'migrant smuggling',
  'counterterrorism',
  'money laundering',
  'border security',
  'information sharing',
  'organised crime',
];
const CITIES = ['Brussels', 'Islamabad', 'Rome', 'Athens', 'Madrid', 'Berlin'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/** Each template has a few gazetteer hits among ordinary words, like wire copy about a ministerial visit. */
const NEWS_TEMPLATES = [
  '{official} met his counterpart in {city} on Tuesday to discuss {topic} and closer cooperation with {country}.',
  'Officials said the talks covered {topic}, the return of rejected applicants and a joint working group.',
  'The delegation from {country} praised the progress made since the last round of meetings in {month}.',
  'According to a statement issued after the meeting, both sides agreed to expand {topic} over the coming year.',
  'Analysts noted that the number of attempted crossings had fallen by {n} percent compared with the previous year.',
  'The minister told reporters that the partnership with {country} had produced results that were hard to ignore.',
  '{official} also called on partners to share more data and to train investigators in modern methods.',
  'A senior official, speaking on condition of anonymity, said a formal agreement could be signed before {month}.',
  'The two governments will hold a follow-up meeting in {city}, where technical teams are expected to agree on details.',
  'Earlier this year, {country} and {country2} signed a memorandum on {topic} that several observers called overdue.',
  'Civil society groups urged the ministers to keep the rights of people on the move at the centre of any plan.',
  'The visit ended with a short press conference at which no questions were taken about the budget.',
];

/** Ordinary prose with no country, official, bloc or topic in it. */
const PLAIN_TEMPLATES = [
  'The morning started grey and cool, and the bakery on the corner opened a little later than usual.',
  'Most of the loaves were sold before nine, and the queue reached the end of the street by half past eight.',
  'A light rain fell in the afternoon, which the gardeners on the allotments welcomed after a dry week.',
  'The tomatoes had grown tall, though only a few of them had begun to turn from green to a pale orange.',
  'In the evening the choir met in the old hall to rehearse the pieces for the autumn concert.',
  'Somebody had left a bicycle against the railings, its basket full of apples and a folded newspaper.',
  'The recipe called for {n} grams of flour, a pinch of salt, warm water and plenty of patience.',
  'By the weekend the weather had cleared, and families filled the park with blankets and kites.',
  'The library extended its opening hours, and the reading room stayed busy until well after dark.',
  'A small dog chased pigeons across the square while its owner finished a cup of tea.',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

function fill(template: string, next: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  return template
    .replace('{official}', pick(OFFICIALS))
    .replace('{country2}', pick(COUNTRIES))
    .replace('{country}', pick(COUNTRIES))
    .replace('{topic}', pick(TOPICS))
    .replace('{city}', pick(CITIES))
    .replace('{month}', pick(MONTHS))
    .replace('{n}', String(5 + Math.floor(next() * 90)));
}

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Paragraphs of about 60 words until `words` is reached. */
export function paragraphs(words: number, kind: 'news' | 'plain', seed = 7): string[] {
  const next = rng(seed);
  const templates = kind === 'news' ? NEWS_TEMPLATES : PLAIN_TEMPLATES;
  const out: string[] = [];
  let total = 0;
  let para: string[] = [];
  let paraWords = 0;
  while (total < words) {
    const sentence = fill(templates[Math.floor(next() * templates.length)], next);
    const n = countWords(sentence);
    para.push(sentence);
    paraWords += n;
    total += n;
    if (paraWords >= 60) {
      out.push(para.join(' '));
      para = [];
      paraWords = 0;
    }
  }
  if (para.length) out.push(para.join(' '));
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A whole news page: site header and navigation, the article, a footer. */
export function articlePage(opts: { words: number; kind?: 'news' | 'plain'; title?: string; seed?: number }): string {
  const kind = opts.kind ?? 'news';
  const title = opts.title ?? (kind === 'news' ? 'Ministers agree to deepen cooperation' : 'A quiet week in town');
  const body = paragraphs(opts.words, kind, opts.seed)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta property="og:type" content="article"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/local">Local</a></nav></header>
<main><article><h1>${esc(title)}</h1>
<p class="byline">By a staff reporter</p>
${body}
</article></main>
<footer><p>Written for the Counterpart benchmarks.</p></footer>
</body></html>`;
}

export const BENCH_PAGES = [
  { name: 'article-1.5k', path: '/bench/article-1500.html', words: 1_500, kind: 'news' as const },
  { name: 'page-15k', path: '/bench/page-15000.html', words: 15_000, kind: 'news' as const },
  { name: 'page-150k', path: '/bench/page-150000.html', words: 150_000, kind: 'news' as const },
  { name: 'no-match-1.5k', path: '/bench/no-match-1500.html', words: 1_500, kind: 'plain' as const },
  { name: 'no-match-15k', path: '/bench/no-match-15000.html', words: 15_000, kind: 'plain' as const },
];
