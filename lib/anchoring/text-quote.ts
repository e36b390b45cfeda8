/**
 * Finding a saved passage again in a page's text, after the page may have changed a little (a word edited,
 * a paragraph moved, an ad inserted). Pure functions over strings, in the manner of hypothesis' anchoring:
 * exact quote first, then an approximate match, each candidate scored by its context and position.
 */
import search from 'approx-string-match';
import type { PassageSelectors } from '../types';

const CONTEXT = 32;

export function describe(text: string, start: number, end: number): PassageSelectors {
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
    position: { start, end },
  };
}

export interface Anchor {
  start: number;
  end: number;
  /** 1 for an exact quote in its original context, lower as the match gets looser. */
  score: number;
}

function similarity(a: string, b: string): number {
  if (!a && !b) return 1;
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  const errs = search(a, b, Math.max(1, Math.floor(n / 2)));
  const best = errs.length ? Math.min(...errs.map((m) => m.errors)) : n;
  return 1 - best / Math.max(a.length, b.length);
}

function scoreAt(text: string, sel: PassageSelectors, start: number, end: number, quoteErrors: number): number {
  const { exact, prefix, suffix } = sel.quote;
  const quoteScore = 1 - quoteErrors / Math.max(1, exact.length);
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const ctx = (similarity(prefix, before) + similarity(suffix, after)) / 2;
  const pos = 1 - Math.min(1, Math.abs(start - sel.position.start) / Math.max(1, text.length));
  return quoteScore * 50 + ctx * 20 + pos * 2;
}

/**
 * Locates the passage in `text`, or returns null when nothing close enough is there. A match may differ from
 * the saved quote by up to a quarter of its characters.
 */
export function anchor(text: string, sel: PassageSelectors): Anchor | null {
  const { exact } = sel.quote;
  if (!exact) return null;
  const candidates: { start: number; end: number; errors: number }[] = [];
  for (let i = text.indexOf(exact); i !== -1 && candidates.length < 50; i = text.indexOf(exact, i + 1)) {
    candidates.push({ start: i, end: i + exact.length, errors: 0 });
  }
  if (candidates.length === 0) {
    const maxErrors = Math.min(256, Math.floor(exact.length / 4));
    if (maxErrors === 0) return null;
    for (const m of search(text, exact, maxErrors)) candidates.push(m);
  }
  if (candidates.length === 0) return null;
  const max = 50 + 20 + 2;
  let best: Anchor | null = null;
  for (const c of candidates) {
    const score = scoreAt(text, sel, c.start, c.end, c.errors) / max;
    if (!best || score > best.score) best = { start: c.start, end: c.end, score };
  }
  return best;
}
