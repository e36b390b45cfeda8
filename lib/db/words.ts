/**
 * Tokens for the multi-entry `*words` indexes. Pure, so the same tokenizer builds the index at write time and
 * splits the reader's query at read time; if they ever disagreed, search would silently miss rows.
 */
import { foldForSearch } from '../lexicon/fold';

// Only the words that would match nearly every row; anything rarer is worth indexing.
const STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'is',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/** Longest token kept: longer strings are almost always URLs or noise and would bloat the index. */
const MAX_TOKEN = 40;

/** Lowercases, strips diacritics (so "Quintín" finds "Quintin") and splits on anything not a letter or digit. */
export function tokenize(text: string): string[] {
  const folded = foldForSearch(text);
  const out: string[] = [];
  for (const raw of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || raw.length > MAX_TOKEN || STOPWORDS.has(raw)) continue;
    out.push(raw);
  }
  return out;
}

/** Unique tokens of several texts, in first-seen order (the order does not matter to IndexedDB, but tests read it). */
export function wordsOf(...texts: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    for (const w of tokenize(t)) seen.add(w);
  }
  return [...seen];
}

/**
 * True when `words` satisfies every query token: all but the last must be present exactly, the last may be a
 * prefix (so results appear while the reader is still typing).
 */
export function wordsMatch(words: readonly string[], tokens: readonly string[]): boolean {
  return tokens.every((t, i) => (i === tokens.length - 1 ? words.some((w) => w.startsWith(t)) : words.includes(t)));
}
