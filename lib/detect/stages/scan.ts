/** Stage 1: tokenize the text and match the gazetteer over its tokens. */
import type { Gazetteer } from '../gazetteer';
import { matchGazetteer, TextWords } from '../match';
import type { Scan } from '../titles';
import { tokenize } from '../tokenize';

export interface ScanResult {
  sc: Scan;
  /** Tokens that may start a role title; null on the fast path, which discovers no titles. */
  roleStarts: number[] | null;
  /** Tokens that may start a proximity topic pattern. */
  proxStarts: number[];
}

export function scanText(g: Gazetteer, text: string, fast: boolean): ScanResult {
  const t = tokenize(text, g.abbreviations);
  const words = new TextWords(t);
  const roleStarts: number[] | null = fast ? null : [];
  const proxStarts: number[] = [];
  const matches = matchGazetteer(text, g, t, words, roleStarts, proxStarts);
  const cover = new Int32Array(t.n).fill(-1);
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    for (let k = m.s; k < m.e; k++) cover[k] = i;
  }
  return { sc: { text, t, g, matches, cover }, roleStarts, proxStarts };
}
