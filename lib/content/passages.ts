/**
 * Saved passages on the page: turning the reader's selection into selectors, and highlighting saved ones
 * again on a later visit. Those that cannot be found are returned, never silently dropped.
 */
import { anchor, describe } from '../anchoring/text-quote';
import type { Passage, PassageSelectors } from '../types';
import { unwrap, wrapSlices } from './highlighter';
import { buildTextIndex, offsetOf, sliceNodes } from './text-index';

export function selectionToSelectors(range: Range, root: Element): PassageSelectors | null {
  const quote = range.toString().trim();
  if (!quote) return null;
  const index = buildTextIndex(root);
  const start = offsetOf(index, range.startContainer, range.startOffset);
  const end = offsetOf(index, range.endContainer, range.endOffset);
  if (start >= 0 && end > start) {
    // Trim the same whitespace the quote lost, so position and quote agree.
    const raw = index.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    return describe(index.text, start + lead, end - trail);
  }
  return { quote: { exact: quote, prefix: '', suffix: '' }, position: { start: -1, end: -1 } };
}

export interface PassageHighlights {
  found: Map<string, HTMLElement[]>;
  orphans: Passage[];
  remove(): void;
}

export function highlightPassages(root: Element, passages: Passage[]): PassageHighlights {
  const found = new Map<string, HTMLElement[]>();
  const orphans: Passage[] = [];
  const located: { p: Passage; start: number; end: number }[] = [];
  const index = buildTextIndex(root);
  for (const p of passages) {
    const a = anchor(index.text, p.selectors);
    if (a && a.score > 0.55) located.push({ p, start: a.start, end: a.end });
    else orphans.push(p);
  }
  // Wrap from the end so earlier offsets stay valid.
  located.sort((x, y) => y.start - x.start);
  for (const { p, start, end } of located) {
    const doc = root.ownerDocument;
    const h = wrapSlices(sliceNodes(index, start, end), { 'data-passage': p.id, 'data-kind': 'passage' }, doc);
    found.set(p.id, h.elements);
  }
  return {
    found,
    orphans,
    remove: () => {
      for (const els of found.values()) unwrap(els);
      found.clear();
    },
  };
}
