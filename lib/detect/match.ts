/**
 * The fast path: one pass over the tokens, longest phrase match in the gazetteer trie at each token, then the
 * context rules for ambiguous forms. Costs one Map lookup per token plus a few per match.
 */
import type { AmbiguityRule } from './data/countries';
import { type Gazetteer, type Payload, W_PROX, W_ROLE, W_STOP } from './gazetteer';
import type { Match } from './titles';
import { CAP, GAP_ABBR, GAP_SPACE, hashWord, POSS, SENT, type Tokens, UPPER } from './tokenize';
import { type TrieNode, verify } from './trie';

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

/** Lazily built set of every token hash in the text, for "does this word occur anywhere" checks. */
export class TextWords {
  private set: Set<number> | null = null;
  constructor(private readonly t: Tokens) {}
  has(h: number): boolean {
    if (!this.set) {
      this.set = new Set();
      for (let i = 0; i < this.t.n; i++) this.set.add(this.t.hash[i]);
    }
    return this.set.has(h);
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

function exactOk(text: string, t: Tokens, s: number, e: number, exact: string): boolean {
  const got = text.slice(t.start[s], t.end[e - 1]).replace(/\./g, '');
  return got === exact.replace(/\./g, '');
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
      return p.rule ? passesRule(g, t, s, e, p.rule, words) : true;
  }
}

const PRIORITY: Record<Payload['kind'], number> = { official: 0, none: 1, bloc: 2, country: 3, topic: 4 };

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
  const map = g.words;
  const n = t.n;
  const hash = t.hash;
  const gap = t.gap;
  const flags = t.flags;
  for (let i = 0; i < n; i++) {
    const entry = map.get(hash[i]);
    if (entry === undefined) continue;
    if (roleStarts !== null && (entry.bits & W_ROLE) !== 0) roleStarts.push(i);
    if (proxStarts !== null && (entry.bits & W_PROX) !== 0) proxStarts.push(i);
    const root = entry.phrase;
    if (root === null) continue;
    let node: TrieNode<Payload> = root;
    // Walk the trie as far as the text allows, remembering every terminal.
    let k = i;
    let ends: number[] | null = null;
    let lastEnd = -1;
    for (;;) {
      if (node.payload !== null) {
        if (lastEnd >= 0) {
          if (ends === null) ends = [lastEnd];
        }
        lastEnd = k;
        if (ends !== null) ends.push(k);
      }
      if (node.next === null || k + 1 >= n || gap[k] > GAP_ABBR || (flags[k] & POSS) !== 0) break;
      const child = node.next.get(hash[k + 1]);
      if (child === undefined) break;
      node = child;
      k++;
    }
    if (lastEnd < 0) continue;
    // Longest terminal whose words verify and whose payload passes its case/context rule.
    const candidates = ends ?? [lastEnd];
    let taken = false;
    for (let c = candidates.length - 1; c >= 0 && !taken; c--) {
      const endTok = candidates[c];
      let nd = entry.phrase;
      for (let x = i + 1; x <= endTok && nd; x++) nd = nd.next?.get(hash[x]) ?? null;
      if (!nd?.payload || !nd.words || !verify(text, t, i, nd.words)) continue;
      const ps =
        nd.payload.length > 1 ? [...nd.payload].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]) : nd.payload;
      for (const p of ps) {
        if (accept(text, g, t, i, endTok + 1, p, words)) {
          out.push({ s: i, e: endTok + 1, payload: p });
          i = endTok;
          taken = true;
          break;
        }
      }
    }
  }
  return out;
}
