/**
 * Saved passages on the page: turning the reader's selection into selectors, and highlighting saved ones
 * again on a later visit. Those that cannot be found are returned, never silently dropped.
 */
import { anchor, describe } from '../anchoring/text-quote';
import type { Passage, PassageSelectors } from '../types';
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
  /** Each passage found on the page, as live ranges over its text nodes (one per node, so only text is painted). */
  found: Map<string, Range[]>;
  orphans: Passage[];
  /** Paints the highlights again where the text now is (after a resize or reflow). */
  repaint(): void;
  remove(): void;
}

/**
 * Finds saved passages again and paints them into `layer`, a layer of the extension's closed shadow root, as
 * rectangles over the text's client rects. Nothing is written into the page: a page's scripts can neither read
 * which passages the reader saved nor tell them apart from the page's own text.
 */
export function highlightPassages(root: Element, passages: Passage[], layer: HTMLElement): PassageHighlights {
  const found = new Map<string, Range[]>();
  const orphans: Passage[] = [];
  const index = buildTextIndex(root);
  const doc = root.ownerDocument;
  for (const p of passages) {
    const a = anchor(index.text, p.selectors);
    const slices = a && a.score > 0.55 ? sliceNodes(index, a.start, a.end) : [];
    if (!slices.length) {
      orphans.push(p);
      continue;
    }
    const ranges = slices.map(({ node, start, end }) => {
      const range = doc.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      return range;
    });
    found.set(p.id, ranges);
  }
  const repaint = () => {
    const win = doc.defaultView;
    const dx = win?.scrollX ?? 0;
    const dy = win?.scrollY ?? 0;
    const boxes: HTMLElement[] = [];
    for (const range of [...found.values()].flat()) {
      for (const r of Array.from(range.getClientRects?.() ?? [])) {
        if (r.width < 1 || r.height < 1) continue;
        const box = doc.createElement('div');
        // Page coordinates: the layer sits at the document's origin, so scrolling moves the boxes with the text.
        box.style.cssText = `left:${r.left + dx}px;top:${r.top + dy}px;width:${r.width}px;height:${r.height}px`;
        boxes.push(box);
      }
    }
    layer.replaceChildren(...boxes);
  };
  repaint();
  return {
    found,
    orphans,
    repaint,
    remove: () => {
      found.clear();
      layer.replaceChildren();
    },
  };
}
