/**
 * Stage 7: pages whose officials are not officials — a review of fiction (its "Home Secretary Julia X" is a
 * character) and a sports page (a known name there is usually a namesake, or the person in a non-government role).
 * Each count is taken on first question only: most pages never ask.
 */
import { FICTION_WORDS } from '../data/topics';
import type { Gazetteer } from '../gazetteer';
import { W_SPORTS } from '../gazetteer';
import { hashWord, type Tokens } from '../tokenize';

export interface PageKind {
  isFiction(): boolean;
  isSports(): boolean;
}

/** Distinct fiction words (`FICTION_WORDS`) that make a page a review of a drama, a film or a novel. */
const FICTION_MIN_WORDS = 3;
/** Distinct sports words that make a page a sports page. */
const SPORTS_MIN_WORDS = 3;
const FICTION_HASHES: ReadonlySet<number> = new Set(FICTION_WORDS.map(hashWord));

/** Hashes of the gazetteer's sports words, built once per detector. */
export function sportsHashesOf(g: Gazetteer): Set<number> {
  const out = new Set<number>();
  for (const [h, e] of g.words) if (e.bits & W_SPORTS) out.add(h);
  return out;
}

export function pageKind(t: Tokens, sportsHashes: ReadonlySet<number>): PageKind {
  let fiction = -1;
  let sports = -1;
  return {
    isFiction: () => {
      if (fiction < 0) fiction = distinctHits(t, FICTION_HASHES);
      return fiction >= FICTION_MIN_WORDS;
    },
    isSports: () => {
      if (sports < 0) sports = distinctHits(t, sportsHashes);
      return sports >= SPORTS_MIN_WORDS;
    },
  };
}

function distinctHits(t: Tokens, hashes: ReadonlySet<number>): number {
  const seen = new Set<number>();
  for (let k = 0; k < t.n; k++) if (hashes.has(t.hash[k])) seen.add(t.hash[k]);
  return seen.size;
}
