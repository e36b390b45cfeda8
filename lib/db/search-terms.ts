/**
 * The timeline search as an analyst types it: every word (or run of words that names one thing) must be found in
 * some field of the engagement, any field: its words (summary, place, participants' names), its countries under
 * any of their names ("Türkiye", "Turkey", "TUR", "Turquie"), its topics by a synonym ("drug" → narcotics), or its
 * figures ("1,770", "21 billion"). Pure: the same terms decide on rows and choose index keys (`query-plan.ts`).
 */
import { TOPIC_LABELS } from '../data/topics';
import { TOPIC_KEYWORDS } from '../detect/data/topics';
import { SCALE } from '../extract/figure-words';
import type { CountryCode, Engagement, TopicId } from '../types';
import { codeOf, codesOfKey, MAX_NAME_WORDS } from './country-names';
import { tokenize } from './words';

/** One thing the reader asked for, and every way a row can have it. */
export interface SearchTerm {
  /** Folded words that must all be among the row's words; the last is a prefix when `prefix`. */
  words: string[];
  prefix: boolean;
  /** Countries (or blocs) the words name: a row with any of them matches. */
  countries: CountryCode[];
  /** Topics the words name or are a synonym of. */
  topics: TopicId[];
  /** A number: a row with a figure of this value, or with it written in a figure's text, matches. */
  number: number | null;
}

/** "drugs" and "drug" are one word to a synonym lookup. */
function stem(w: string): string {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

const phraseKey = (words: readonly string[]) => words.map(stem).join(' ');

/** Whole labels and keyword phrases ("border security", "drug trafficking") → their topic. */
const TOPIC_PHRASES = new Map<string, Set<TopicId>>();
/** One word → how many labels and keyword phrases of each topic hold it. */
const TOPIC_WORDS = new Map<string, Map<TopicId, number>>();

for (const [topic, keywords] of Object.entries(TOPIC_KEYWORDS) as [TopicId, string[]][]) {
  for (const phrase of [TOPIC_LABELS[topic], ...keywords]) {
    const words = tokenize(phrase);
    if (words.length === 0) continue;
    const key = phraseKey(words);
    TOPIC_PHRASES.set(key, (TOPIC_PHRASES.get(key) ?? new Set()).add(topic));
    for (const w of new Set(words.map(stem))) {
      const counts = TOPIC_WORDS.get(w) ?? new Map<TopicId, number>();
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
      TOPIC_WORDS.set(w, counts);
    }
  }
}

/**
 * A word stands for every topic that uses it at least this share as often as the topic that uses it most:
 * "smuggling" is migrant smuggling (13 phrases) and narcotics (9), "terrorism" is counterterrorism (7) but not
 * money laundering (1, in "terrorist financing"-like phrases), "crime" is organised crime, not cybercrime.
 */
const SYNONYM_SHARE = 1 / 3;

/** The topics one folded word is a synonym of ("drug" → narcotics), most used first. */
export function topicsOfWord(word: string): TopicId[] {
  const counts = TOPIC_WORDS.get(stem(word));
  if (!counts) return [];
  const max = Math.max(...counts.values());
  return [...counts]
    .filter(([, n]) => n >= max * SYNONYM_SHARE)
    .sort((a, b) => b[1] - a[1])
    .map(([t]) => t);
}

/** A number as typed: "1,770", "5000", "2.5", "$21", "47%". */
const NUMBER = /^[$€£]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?%?$/;

/** Two- and three-letter capitals ("TUR", "PK") are codes; in lower case they are words ("per", "can"). */
const CODE = /^[A-Z]{2,3}$/;

/** "U.K." → "UK", as the country table folds it. */
const undot = (s: string) => s.replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ''));

interface Piece {
  /** The folded word. */
  word: string;
  /** As typed, for telling a code in capitals from a word. */
  raw: string;
}

/** Numbers written in a figure's text ("1,770 smugglers arrested" → 1770). */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g))
    out.push(Number(m[0].replace(/,/g, '')));
  return out;
}

/**
 * The search text as terms. A run of words that is a country's name ("United Kingdom", "Saudi Arabia") or a topic
 * phrase ("human trafficking") is one term, the longest run first; a number with its scale word ("21 billion")
 * is one term; every other word is a term of its own. The last word is a prefix unless the text ends in a space,
 * so results follow the reader's typing.
 */
export function searchTerms(text: string): SearchTerm[] {
  const chunks = text.split(/\s+/).filter(Boolean);
  const terms: SearchTerm[] = [];
  let pieces: Piece[] = [];
  const flush = () => {
    terms.push(...wordTerms(pieces));
    pieces = [];
  };
  for (let i = 0; i < chunks.length; i++) {
    const n = NUMBER.exec(chunks[i]);
    if (n) {
      flush();
      let value = Number(`${n[1].replace(/,/g, '')}${n[2] ? `.${n[2]}` : ''}`);
      const words = tokenize(chunks[i]);
      const scale = chunks[i + 1] && SCALE[chunks[i + 1].toLowerCase()];
      if (scale && /^[a-z]{3,}$/i.test(chunks[i + 1])) {
        value *= scale;
        words.push(...tokenize(chunks[++i]));
      }
      terms.push({ words, prefix: false, countries: [], topics: [], number: value });
      continue;
    }
    for (const word of tokenize(undot(chunks[i]))) pieces.push({ word, raw: chunks[i] });
  }
  flush();
  const last = terms[terms.length - 1];
  // Only a word being typed is a prefix; a number or a name already matched as a whole is not.
  if (last && !/\s$/.test(text) && last.number === null && last.words.length === 1) last.prefix = true;
  return terms.filter((t) => t.words.length > 0 || t.number !== null);
}

function wordTerms(pieces: readonly Piece[]): SearchTerm[] {
  const out: SearchTerm[] = [];
  for (let i = 0; i < pieces.length; ) {
    let taken = 1;
    let countries: CountryCode[] = [];
    let topics: TopicId[] = [];
    for (let len = Math.min(MAX_NAME_WORDS, pieces.length - i); len >= 2; len--) {
      const words = pieces.slice(i, i + len).map((p) => p.word);
      countries = codesOfKey(words.join(' '));
      topics = [...(TOPIC_PHRASES.get(phraseKey(words)) ?? [])];
      if (countries.length > 0 || topics.length > 0) {
        taken = len;
        break;
      }
    }
    if (taken === 1) {
      const { word, raw } = pieces[i];
      const code = CODE.test(raw) ? codeOf(raw) : null;
      countries = [...new Set([...codesOfKey(word), ...(code ? [code] : [])])];
      topics = topicsOfWord(word);
    }
    out.push({
      words: pieces.slice(i, i + taken).map((p) => p.word),
      prefix: false,
      countries,
      topics,
      number: null,
    });
    i += taken;
  }
  return out;
}

/** The fields a term is matched against: the stored row's words and its primary lists. */
export type Searchable = Pick<Engagement, 'countries' | 'topics' | 'figures'> & { words: readonly string[] };

/** True when the row has the term in some field. */
export function termMatches(e: Searchable, t: SearchTerm): boolean {
  if (t.countries.some((c) => e.countries.includes(c))) return true;
  if (t.topics.some((x) => e.topics.includes(x))) return true;
  if (
    t.number !== null &&
    e.figures.some((f) => f.value === t.number || numbersIn(f.text).includes(t.number as number))
  )
    return true;
  if (t.words.length === 0) return false;
  return t.words.every((w, i) =>
    t.prefix && i === t.words.length - 1 ? e.words.some((x) => x.startsWith(w)) : e.words.includes(w),
  );
}
