/**
 * A phrase trie keyed on token hashes: matching a phrase costs one Map lookup per token, whatever the size of the
 * gazetteer. Terminal nodes keep the folded words so that a rare hash collision can be rejected.
 */

import type { Tokens } from './tokenize';
import * as tk from './tokenize';

// Copied once: under CommonJS transpilers every read of an imported binding is a getter call.
const { foldCode, foldTable, foldWord, hashWord } = tk;

export interface TrieNode<P> {
  next: Map<number, TrieNode<P>> | null;
  payload: P[] | null;
  /** Folded words of the phrase that ends here, for collision checks. */
  words: string[] | null;
}

export function newNode<P>(): TrieNode<P> {
  return { next: null, payload: null, words: null };
}

/** Adds a phrase (already split into words) under `root`, whose first level is looked up via `rootNode`. */
export function insertWords<P>(first: TrieNode<P>, words: string[], payload: P): void {
  let node = first;
  for (let i = 1; i < words.length; i++) {
    const h = hashWord(words[i]);
    if (!node.next) node.next = new Map();
    let child = node.next.get(h);
    if (!child) {
      child = newNode<P>();
      node.next.set(h, child);
    }
    node = child;
  }
  if (!node.words) node.words = words.map((w) => foldWord(w, 0, w.length));
  if (!node.payload) node.payload = [];
  if (!node.payload.includes(payload)) node.payload.push(payload);
}

/** Checks that tokens [from, from + words.length) really spell the phrase (hash collisions are possible). */
export function verify(text: string, t: Tokens, from: number, words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const k = from + i;
    const w = words[i];
    const s = t.start[k];
    if (t.end[k] - s !== w.length) return false;
    // Same as comparing foldWord(text, start, end) with w, without building the string.
    for (let j = 0; j < w.length; j++) if (foldCode(text.charCodeAt(s + j)) !== w.charCodeAt(j)) return false;
  }
  return true;
}

/** `verify` on the tokenizer's copy of the text (see `textCodes`): typed-array reads and a table fold per char. */
export function verifyCodes(codes: Uint16Array, t: Tokens, from: number, words: string[]): boolean {
  const fold = foldTable;
  const start = t.start;
  const end = t.end;
  for (let i = 0; i < words.length; i++) {
    const k = from + i;
    const w = words[i];
    const s = start[k];
    if (end[k] - s !== w.length) return false;
    for (let j = 0; j < w.length; j++) if (fold[codes[s + j]] !== w.charCodeAt(j)) return false;
  }
  return true;
}
