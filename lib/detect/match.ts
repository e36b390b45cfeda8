/**
 * The fast path: one pass over the tokens, longest phrase match in the gazetteer trie at each token, then the
 * context rules for ambiguous forms. Costs one Map lookup per token plus a few per match.
 */
import type { AmbiguityRule } from './data/countries';
import type { Gazetteer, Payload, WordEntry } from './gazetteer';
import * as gz from './gazetteer';
import type { Match } from './titles';
import type { Tokens } from './tokenize';
import * as tk from './tokenize';
import type { TrieNode } from './trie';
import * as tr from './trie';

// Imported bindings copied to module constants once: under CommonJS transpilers (tsx, vitest) every read of an
// imported binding is a getter call, which costs more than the rest of the hot loop.
const { W_PROX, W_ROLE, W_STOP } = gz;
const { CAP, GAP_ABBR, GAP_SPACE, POSS, SENT, UPPER, hashWord, textCodes } = tk;
const { verify, verifyCodes } = tr;

interface RuleSets {
  next: Set<number>;
  prev: Set<number>;
  corroborate: number[][];
  contra: number[][];
}

const ruleCache = new WeakMap<AmbiguityRule, RuleSets>();

function phraseHashes(p: string): number[] {
  return p.split(/[\s-]+/).map(hashWord);
}

function ruleSets(rule: AmbiguityRule): RuleSets {
  let r = ruleCache.get(rule);
  if (!r) {
    r = {
      next: new Set((rule.rejectNext ?? []).map(hashWord)),
      prev: new Set((rule.rejectPrev ?? []).map(hashWord)),
      corroborate: (rule.corroborate ?? []).map(phraseHashes),
      contra: (rule.contra ?? []).map(phraseHashes),
    };
    ruleCache.set(rule, r);
  }
  return r;
}

/**
 * Open-addressing hash table from word hashes to gazetteer entries, on typed arrays: a probe costs a couple of
 * array reads instead of a `Map` lookup. Built once per words map and rebuilt if the map changes size.
 */
interface WordTable {
  source: Map<number, WordEntry>;
  size: number;
  /** Mask for cell offsets (multiples of 4). */
  mask: number;
  /**
   * Four ints per cell, so a probe touches one cache line: the word hash; index + 1 into `entries` (0 marks an
   * empty cell); the entry's bits plus HAS_PHRASE (most hits are stopwords, which then never load the entry).
   */
  cells: Int32Array;
  entries: WordEntry[];
}

const HAS_PHRASE = 1 << 30;

const tableCache = new WeakMap<Map<number, WordEntry>, WordTable>();

function mix(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ (h >>> 13);
}

function wordTable(map: Map<number, WordEntry>): WordTable {
  let wt = tableCache.get(map);
  if (wt !== undefined && wt.size === map.size) return wt;
  let cap = 16;
  while (cap < map.size * 2) cap <<= 1;
  const mask = (cap - 1) << 2;
  const cells = new Int32Array(cap * 4);
  const entries: WordEntry[] = [];
  for (const [h, e] of map) {
    let x = (mix(h) << 2) & mask;
    while (cells[x + 1] !== 0) x = (x + 4) & mask;
    entries.push(e);
    cells[x] = h;
    cells[x + 1] = entries.length;
    cells[x + 2] = e.bits | (e.phrase !== null ? HAS_PHRASE : 0);
  }
  wt = { source: map, size: map.size, mask, cells, entries };
  tableCache.set(map, wt);
  return wt;
}

/**
 * Answers "does this word occur anywhere in the text" for the corroboration rules. Rules ask about a handful of
 * words, and those that occur usually occur early, so the first few questions scan the token hashes (stopping at
 * the first hit) and only later ones pay for a hash set of the whole text.
 */
export class TextWords {
  private keys: Int32Array | null = null;
  private used: Uint8Array | null = null;
  private mask = 0;
  private misses = 0;
  private readonly seen = new Map<number, boolean>();
  constructor(private readonly t: Tokens) {}
  private build(): void {
    const t = this.t;
    let cap = 16;
    while (cap < t.n * 2) cap <<= 1;
    const mask = cap - 1;
    const keys = new Int32Array(cap);
    const used = new Uint8Array(cap);
    const hash = t.hash;
    for (let i = 0; i < t.n; i++) {
      const h = hash[i];
      let x = mix(h) & mask;
      while (used[x] !== 0 && keys[x] !== h) x = (x + 1) & mask;
      keys[x] = h;
      used[x] = 1;
    }
    this.keys = keys;
    this.used = used;
    this.mask = mask;
  }
  private scan(h: number): boolean {
    const known = this.seen.get(h);
    if (known !== undefined) return known;
    const hash = this.t.hash;
    const n = this.t.n;
    let found = false;
    for (let i = 0; i < n; i++) {
      if (hash[i] === h) {
        found = true;
        break;
      }
    }
    if (!found) this.misses++;
    this.seen.set(h, found);
    return found;
  }
  has(h: number): boolean {
    h |= 0;
    if (this.keys === null) {
      if (this.misses < 4) return this.scan(h);
      this.build();
    }
    const keys = this.keys as Int32Array;
    const used = this.used as Uint8Array;
    const mask = this.mask;
    let x = mix(h) & mask;
    while (used[x] !== 0) {
      if (keys[x] === h) return true;
      x = (x + 1) & mask;
    }
    return false;
  }
}

/** Does `phrase` occur between tokens from..to, without crossing a sentence start around `center`? */
function hasPhraseNear(t: Tokens, from: number, to: number, phrase: number[], center = -1): boolean {
  let lo = Math.max(0, from);
  let hi = Math.min(t.n - phrase.length, to);
  if (center >= 0) {
    for (let i = center; i > lo; i--) {
      if (t.flags[i] & SENT) {
        lo = i;
        break;
      }
    }
    for (let i = center + 1; i <= hi; i++) {
      if (t.flags[i] & SENT) {
        hi = i - 1;
        break;
      }
    }
  }
  for (let i = lo; i <= hi; i++) {
    let ok = true;
    for (let j = 0; j < phrase.length && ok; j++) ok = t.hash[i + j] === phrase[j];
    if (ok) return true;
  }
  return false;
}

function looksLikeName(g: Gazetteer, t: Tokens, k: number): boolean {
  if (k < 0 || k >= t.n) return false;
  const f = t.flags[k];
  if ((f & CAP) === 0 || (f & UPPER) !== 0) return false;
  const e = g.words.get(t.hash[k]);
  // Gazetteer words (countries, roles, stopwords) are not first names or surnames.
  if (e && (e.phrase || e.bits & (W_STOP | W_ROLE))) return false;
  return true;
}

/** "Manchester United", "Bolton Wanderers": a city before one of these is a club's name. */
const CLUB_WORDS = new Set(
  ['united', 'fc', 'rovers', 'wanderers', 'athletic', 'albion', 'hotspur', 'rangers'].map(hashWord),
);

/**
 * "the French Laundry", "Indian Express": a demonym before a capitalised word the gazetteer does not know (no role,
 * portfolio, institution or place word) is part of a name, not a mention of the country.
 */
function namesAThing(g: Gazetteer, t: Tokens, e: number): boolean {
  if (e >= t.n || t.gap[e - 1] !== GAP_SPACE || (t.flags[e - 1] & POSS) !== 0) return false;
  const f = t.flags[e];
  if ((f & CAP) === 0 || (f & (UPPER | SENT)) !== 0) return false;
  return !g.words.has(t.hash[e]);
}

function passesRule(g: Gazetteer, t: Tokens, s: number, e: number, rule: AmbiguityRule, words: TextWords): boolean {
  const r = ruleSets(rule);
  if (e < t.n && (t.flags[e - 1] & POSS) === 0 && t.gap[e - 1] <= GAP_ABBR && r.next.has(t.hash[e])) return false;
  if (s > 0 && t.gap[s - 1] <= GAP_ABBR && r.prev.has(t.hash[s - 1])) return false;
  if (s > 0 && r.prev.size > 0 && t.gap[s - 1] !== GAP_SPACE && r.prev.has(t.hash[s - 1])) return false;
  if (rule.rejectNameNeighbour) {
    const prevName = s > 0 && t.gap[s - 1] === GAP_SPACE && (t.flags[s - 1] & SENT) === 0 && looksLikeName(g, t, s - 1);
    const nextName = (t.flags[e - 1] & POSS) === 0 && e < t.n && t.gap[e - 1] === GAP_SPACE && looksLikeName(g, t, e);
    if (prevName || nextName) return false;
  }
  for (const c of r.contra) if (hasPhraseNear(t, s - 12, e + 12, c, s)) return false;
  if (r.corroborate.length > 0) {
    let ok = false;
    for (const c of r.corroborate) {
      if (c.length === 1 ? words.has(c[0]) : hasPhraseNear(t, 0, t.n, c)) {
        ok = true;
        break;
      }
    }
    if (!ok) return false;
  }
  return true;
}

/** The text of tokens s..e equals `exact`, dots ignored on both sides (no strings built). */
function exactOk(text: string, t: Tokens, s: number, e: number, exact: string): boolean {
  const end = t.end[e - 1];
  let i = t.start[s];
  let j = 0;
  const m = exact.length;
  for (;;) {
    while (i < end && text.charCodeAt(i) === 0x2e) i++;
    while (j < m && exact.charCodeAt(j) === 0x2e) j++;
    if (i >= end || j >= m) return i >= end && j >= m;
    if (text.charCodeAt(i) !== exact.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

function accept(text: string, g: Gazetteer, t: Tokens, s: number, e: number, p: Payload, words: TextWords): boolean {
  switch (p.kind) {
    case 'topic':
      return true;
    case 'none':
      return true;
    case 'official':
      return (t.flags[s] & CAP) !== 0 && (t.flags[e - 1] & CAP) !== 0;
    case 'bloc':
      return p.exact ? exactOk(text, t, s, e, p.exact) : (t.flags[s] & CAP) !== 0;
    case 'country':
      if (p.exact) return exactOk(text, t, s, e, p.exact);
      if ((t.flags[s] & CAP) === 0) return false;
      if (p.form === 'demonym' && namesAThing(g, t, e)) return false;
      if (p.form === 'place' && e < t.n && t.gap[e - 1] === GAP_SPACE && CLUB_WORDS.has(t.hash[e])) return false;
      return p.rule ? passesRule(g, t, s, e, p.rule, words) : true;
  }
}

const PRIORITY: Record<Payload['kind'], number> = { official: 0, none: 1, bloc: 2, country: 3, topic: 4 };

// Reused across calls (the matcher is not re-entrant: accept() never matches again).
const walkNodes: TrieNode<Payload>[] = [];
let walkEnds = new Int32Array(16);

const sortedCache = new WeakMap<Payload[], { n: number; sorted: Payload[] }>();

/** A node's payloads by kind priority (stable sort), cached per payload list. */
function byPriority(list: Payload[]): Payload[] {
  const c = sortedCache.get(list);
  if (c !== undefined && c.n === list.length) return c.sorted;
  const sorted = [...list].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]);
  sortedCache.set(list, { n: list.length, sorted });
  return sorted;
}

/**
 * Finds gazetteer matches (longest first, left to right, non-overlapping). When `roleStarts` is given, also
 * collects tokens that may start a role title, so the slow path does not need a second lookup pass; `proxStarts`
 * likewise collects first words of proximity topic rules.
 */
export function matchGazetteer(
  text: string,
  g: Gazetteer,
  t: Tokens,
  words: TextWords,
  roleStarts: number[] | null,
  proxStarts: number[] | null = null,
): Match[] {
  const out: Match[] = [];
  const wt = wordTable(g.words);
  const cells = wt.cells;
  const mask = wt.mask;
  const entries = wt.entries;
  const n = t.n;
  const hash = t.hash;
  const gap = t.gap;
  const flags = t.flags;
  // Terminal nodes met on the current walk and the token each one ends at: longest first is tried last-to-first.
  const termNodes = walkNodes;
  let termEnds = walkEnds;
  const codes = textCodes(text);
  for (let i = 0; i < n; i++) {
    const h = hash[i];
    let x = (mix(h) << 2) & mask;
    let slot = cells[x + 1];
    while (slot !== 0 && cells[x] !== h) {
      x = (x + 4) & mask;
      slot = cells[x + 1];
    }
    if (slot === 0) continue;
    const bits = cells[x + 2];
    if (roleStarts !== null && (bits & W_ROLE) !== 0) roleStarts.push(i);
    if (proxStarts !== null && (bits & W_PROX) !== 0) proxStarts.push(i);
    if ((bits & HAS_PHRASE) === 0) continue;
    let node = entries[slot - 1].phrase as TrieNode<Payload>;
    // Walk the trie as far as the text allows, remembering every terminal.
    let k = i;
    let terms = 0;
    for (;;) {
      if (node.payload !== null) {
        if (terms === termEnds.length) {
          const grown = new Int32Array(terms * 2);
          grown.set(termEnds);
          termEnds = walkEnds = grown;
        }
        termNodes[terms] = node;
        termEnds[terms++] = k;
      }
      if (node.next === null || k + 1 >= n || gap[k] > GAP_ABBR || (flags[k] & POSS) !== 0) break;
      const child = node.next.get(hash[k + 1]);
      if (child === undefined) break;
      node = child;
      k++;
    }
    // Longest terminal whose words verify and whose payload passes its case/context rule.
    for (let c = terms - 1; c >= 0; c--) {
      const nd = termNodes[c];
      const endTok = termEnds[c];
      const ws = nd.words;
      if (ws === null || !(codes !== null ? verifyCodes(codes, t, i, ws) : verify(text, t, i, ws))) continue;
      const list = nd.payload as Payload[];
      const ps = list.length > 1 ? byPriority(list) : list;
      let taken = false;
      for (let q = 0; q < ps.length; q++) {
        const p = ps[q];
        if (accept(text, g, t, i, endTok + 1, p, words)) {
          out.push({ s: i, e: endTok + 1, payload: p });
          i = endTok;
          taken = true;
          break;
        }
      }
      if (taken) break;
    }
  }
  return out;
}
