/**
 * Pure scoring of the pipeline's output against the hand-annotated corpus in tests/fixtures/corpus.
 * Nothing here reads files or runs the pipeline: it compares two AnalysisJson-shaped values.
 *
 * Matching is deliberately forgiving about surface form (titles, diacritics, "Minister for Interior" vs
 * "Interior Minister") and strict about substance (the right person, the right country, a compatible office).
 */
import countries from 'world-countries';
import type { AnalysisJson } from '../../lib/pipeline';

/** A person as annotated: `role` and `country` may list every acceptable answer. */
export interface ExpectedPerson {
  name: string;
  role: string | string[] | null;
  country: string | (string | null)[] | null;
  /** Other spellings that name the same person ("Bernard Quinten", "Saif bin Zayed"). */
  aliases?: string[];
}

export interface ExpectedEngagement {
  kind: string;
  participants: string[];
  place: string | null;
  date: string | null;
  topics: string[];
}

/** The contents of a `NAME.expected.json` file. */
export interface ExpectedAnalysis {
  title: string | null;
  published: string | null;
  outlet: string | null;
  /** true for pages that are not about security cooperation: they should yield no people, topics or engagements. */
  offTopic?: boolean;
  people: ExpectedPerson[];
  countries: { code: string; name: string }[];
  topics: { id: string; label: string }[];
  engagements: ExpectedEngagement[];
  figures: { text: string }[];
  notes?: string;
}

export type ActualAnalysis = AnalysisJson;

export interface SetScore {
  tp: number;
  fp: number;
  fn: number;
  missed: string[];
  extra: string[];
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Names

/** Honorifics, ranks and courtesy titles that can precede a name but are not part of it. */
const TITLE_TOKENS = new Set(
  [
    'mr mrs ms miss dr prof professor sir dame lord lady hon honourable honorable rt right his her highness excellency he',
    'sheikh shaikh sheikha prince princess king emir amir sayyid',
    'gen general lt lieutenant col colonel maj major brig brigadier adm admiral air chief marshal field capt captain',
    'retd retired rtd senator sen datuk dato datin seri tan sri tun pol police',
  ]
    .join(' ')
    .split(' '),
);

/** Particles inside Arabic, Dutch, Spanish… names that carry no identity on their own. */
const NAME_PARTICLES = new Set([
  'bin',
  'bint',
  'ibn',
  'al',
  'el',
  'ul',
  'de',
  'del',
  'la',
  'van',
  'von',
  'der',
  'den',
  'da',
  'dos',
  'ould',
]);

/** Lowercase, strip diacritics, unify apostrophes and dashes. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑–—]/g, '-');
}

/** Name → comparable tokens: folded, hyphens split, punctuation and leading titles dropped. */
export function nameTokens(name: string): string[] {
  const tokens = fold(name)
    .replace(/\(retd\.?\)|\(r\)/g, ' ')
    .replace(/[-_]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (tokens.length > 1 && TITLE_TOKENS.has(tokens[0])) tokens.shift();
  return tokens;
}

/** The last token of the normalised name: what participant pairs are built from. */
export function surname(name: string): string {
  const t = nameTokens(name);
  return t[t.length - 1] ?? '';
}

function givenNamesCompatible(a: string[], b: string[]): boolean {
  const x = a.filter((t) => !NAME_PARTICLES.has(t));
  const y = b.filter((t) => !NAME_PARTICLES.has(t));
  if (x.length === 0 || y.length === 0) return true;
  if (x[0] === y[0]) return true;
  if ((x[0].length === 1 && y[0].startsWith(x[0])) || (y[0].length === 1 && x[0].startsWith(y[0]))) return true;
  const [small, big] = x.length <= y.length ? [x, y] : [y, x];
  return small.every((t) => big.includes(t));
}

/** One written name against one reference name: equal, or same surname with compatible given names. */
export function sameName(reference: string, actual: string): boolean {
  const r = nameTokens(reference);
  const a = nameTokens(actual);
  if (r.length === 0 || a.length === 0) return false;
  if (r.join(' ') === a.join(' ')) return true;
  if (r[r.length - 1] !== a[a.length - 1]) return false;
  return givenNamesCompatible(r.slice(0, -1), a.slice(0, -1));
}

/** Does `actual` name this expected person (by name or any alias)? */
export function namesPerson(person: ExpectedPerson, actual: string): boolean {
  return [person.name, ...(person.aliases ?? [])].some((n) => sameName(n, actual));
}

// ---------------------------------------------------------------------------------------------------------------
// Roles

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Country names and demonyms, longest first, so "Saudi Arabian" goes before "Saudi". */
const COUNTRY_WORDS: string[] = (() => {
  const words = new Set<string>([
    'eu',
    'european union',
    'european',
    'uk',
    'us',
    'usa',
    'u s',
    'britain',
    'emirati',
    'uae',
  ]);
  for (const c of countries) {
    words.add(fold(c.name.common));
    words.add(fold(c.name.official));
    const d = c.demonyms?.eng;
    if (d) {
      words.add(fold(d.m));
      words.add(fold(d.f));
    }
  }
  words.delete('');
  return [...words].sort((a, b) => b.length - a.length);
})();

const COUNTRY_WORDS_RE = new RegExp(`\\b(?:${COUNTRY_WORDS.map(escapeRe).join('|')})(?:'s)?\\b`, 'g');

const ROLE_STOPWORDS = new Set([
  'the',
  'of',
  'for',
  'and',
  'federal',
  'union',
  'affairs',
  'to',
  'in',
  's',
  'his',
  'her',
  'a',
  'an',
]);

/** Synonyms folded onto one token, so "home affairs", "internal affairs" and "interior" compare equal. */
const ROLE_SYNONYMS: Record<string, string> = { home: 'interior', internal: 'interior', defense: 'defence' };

/** Role → set of core tokens, without country words, filler words or punctuation. */
export function roleTokens(role: string): Set<string> {
  const text = fold(role)
    .replace(/\./g, '')
    .replace(COUNTRY_WORDS_RE, ' ')
    .replace(/[-_]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ');
  const out = new Set<string>();
  for (const raw of text.split(/\s+/)) {
    if (!raw || ROLE_STOPWORDS.has(raw)) continue;
    out.add(ROLE_SYNONYMS[raw] ?? raw);
  }
  return out;
}

function isSubset(a: Set<string>, b: Set<string>): boolean {
  for (const t of a) if (!b.has(t)) return false;
  return true;
}

/** Compatible when, after normalising, either role's core tokens are all contained in the other's. */
export function rolesCompatible(expected: string | string[] | null, actual: string | null): boolean {
  if (expected === null || (Array.isArray(expected) && expected.length === 0)) return true;
  if (!actual) return false;
  const a = roleTokens(actual);
  if (a.size === 0) return false;
  return (Array.isArray(expected) ? expected : [expected]).some((r) => {
    const e = roleTokens(r);
    return e.size > 0 && (isSubset(e, a) || isSubset(a, e));
  });
}

export function countriesCompatible(expected: ExpectedPerson['country'], actual: string | null): boolean {
  const norm = (c: string | null) => (c ? c.toUpperCase() : null);
  const options = Array.isArray(expected) ? expected : [expected];
  return options.some((c) => norm(c) === norm(actual));
}

// ---------------------------------------------------------------------------------------------------------------
// Scores

export function prf(s: { tp: number; fp: number; fn: number }): Prf {
  const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function scoreSets(expected: Iterable<string>, actual: Iterable<string>): SetScore {
  const e = new Set(expected);
  const a = new Set(actual);
  const missed = [...e].filter((x) => !a.has(x));
  const extra = [...a].filter((x) => !e.has(x));
  return { tp: e.size - missed.length, fp: extra.length, fn: missed.length, missed, extra };
}

export function scoreCountries(expected: ExpectedAnalysis, actual: ActualAnalysis): SetScore {
  return scoreSets(
    expected.countries.map((c) => c.code.toUpperCase()),
    actual.countries.map((c) => c.code.toUpperCase()),
  );
}

export function scoreTopics(expected: ExpectedAnalysis, actual: ActualAnalysis): SetScore {
  return scoreSets(
    expected.topics.map((t) => t.id),
    actual.topics.map((t) => t.id),
  );
}

type ActualPerson = ActualAnalysis['people'][number];

function describe(p: ActualPerson): string {
  return `${p.name} (${p.role ?? '?'}, ${p.country ?? '?'})`;
}

/**
 * A person is a true positive only when name, country and role all match. A name match with the wrong
 * country or role consumes the actual entry (it is both a miss and an extra), with the reason recorded.
 */
export function scorePeople(expected: ExpectedAnalysis, actual: ActualAnalysis): SetScore {
  const used = new Set<number>();
  const correct = new Set<number>();
  const missed: string[] = [];
  for (const person of expected.people) {
    const candidates = actual.people
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => !used.has(i) && namesPerson(person, p.name));
    const exact = candidates.find(
      ({ p }) => countriesCompatible(person.country, p.country) && rolesCompatible(person.role, p.role),
    );
    if (exact) {
      used.add(exact.i);
      correct.add(exact.i);
      continue;
    }
    const label = `${person.name} (${Array.isArray(person.role) ? person.role[0] : person.role}, ${person.country})`;
    if (candidates.length > 0) {
      const { p, i } = candidates[0];
      used.add(i);
      const why = !countriesCompatible(person.country, p.country) ? 'country' : 'role';
      missed.push(`${label} — wrong ${why}: got ${describe(p)}`);
    } else {
      missed.push(label);
    }
  }
  const extra = actual.people.filter((_, i) => !correct.has(i)).map(describe);
  const tp = correct.size;
  return { tp, fp: actual.people.length - tp, fn: expected.people.length - tp, missed, extra };
}

/** Maps a participant name to the surname of the expected person it names, else to its own surname. */
export function canonicalSurname(name: string, people: ExpectedPerson[]): string {
  const person = people.find((p) => namesPerson(p, name));
  return surname(person ? person.name : name);
}

/** Unordered "a|b" surname pairs from every engagement with at least two distinct participants. */
export function participantPairs(engagements: { participants: string[] }[], people: ExpectedPerson[]): Set<string> {
  const pairs = new Set<string>();
  for (const e of engagements) {
    const names = [...new Set(e.participants.map((n) => canonicalSurname(n, people)).filter(Boolean))].sort();
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++) pairs.add(`${names[i]}|${names[j]}`);
  }
  return pairs;
}

export function scorePairs(expected: ExpectedAnalysis, actual: ActualAnalysis): SetScore {
  return scoreSets(
    participantPairs(expected.engagements, expected.people),
    participantPairs(actual.engagements, expected.people),
  );
}

/** What an off-topic page reported that it should not have. */
export interface Noise {
  people: number;
  topics: number;
  engagements: number;
}

export function offTopicNoise(actual: ActualAnalysis): Noise {
  return { people: actual.people.length, topics: actual.topics.length, engagements: actual.engagements.length };
}

export function isNoisy(n: Noise): boolean {
  return n.people + n.topics + n.engagements > 0;
}

/**
 * Details of engagements found by pair: for each expected engagement with two or more participants, the first
 * actual engagement sharing one of its pairs, and whether kind, date and place agree. Informational only.
 */
export interface EngagementDetail {
  pair: string;
  kind: boolean;
  date: boolean;
  place: boolean;
}

export function engagementDetails(expected: ExpectedAnalysis, actual: ActualAnalysis): EngagementDetail[] {
  const out: EngagementDetail[] = [];
  for (const e of expected.engagements) {
    const pairs = participantPairs([e], expected.people);
    if (pairs.size === 0) continue;
    const hit = actual.engagements.find((a) => [...participantPairs([a], expected.people)].some((p) => pairs.has(p)));
    if (!hit) continue;
    out.push({
      pair: [...pairs][0],
      kind: hit.kind === e.kind,
      date: hit.date === e.date,
      place: fold(hit.place ?? '') === fold(e.place ?? ''),
    });
  }
  return out;
}

export interface MetaScore {
  title: boolean;
  published: boolean;
  outlet: boolean;
}

export function scoreMeta(expected: ExpectedAnalysis, actual: ActualAnalysis): MetaScore {
  const same = (a: string | null, b: string | null) =>
    fold((a ?? '').replace(/\s+/g, ' ').trim()) === fold((b ?? '').replace(/\s+/g, ' ').trim());
  return {
    title: same(expected.title, actual.title),
    published: (expected.published ?? null) === (actual.published ?? null),
    outlet: same(expected.outlet, actual.outlet),
  };
}

export type Category = 'countries' | 'topics' | 'people' | 'pairs';
export const CATEGORIES: Category[] = ['countries', 'topics', 'people', 'pairs'];

export interface FileScore {
  file: string;
  offTopic: boolean;
  scores: Record<Category, SetScore>;
  noise: Noise | null;
  details: EngagementDetail[];
  meta: MetaScore;
}

export function scoreFile(file: string, expected: ExpectedAnalysis, actual: ActualAnalysis): FileScore {
  const offTopic = expected.offTopic === true;
  return {
    file,
    offTopic,
    scores: {
      countries: scoreCountries(expected, actual),
      topics: scoreTopics(expected, actual),
      people: scorePeople(expected, actual),
      pairs: scorePairs(expected, actual),
    },
    noise: offTopic ? offTopicNoise(actual) : null,
    details: engagementDetails(expected, actual),
    meta: scoreMeta(expected, actual),
  };
}

/** Micro-average: sum tp/fp/fn over files, then compute P/R/F1. */
export function aggregate(files: FileScore[]): Record<Category, Prf & { tp: number; fp: number; fn: number }> {
  const out = {} as Record<Category, Prf & { tp: number; fp: number; fn: number }>;
  for (const c of CATEGORIES) {
    const sum = { tp: 0, fp: 0, fn: 0 };
    for (const f of files) {
      sum.tp += f.scores[c].tp;
      sum.fp += f.scores[c].fp;
      sum.fn += f.scores[c].fn;
    }
    out[c] = { ...sum, ...prf(sum) };
  }
  return out;
}
