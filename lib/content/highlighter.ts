/**
 * The one highlighter that owns the page: it wraps slices of text nodes in its own custom element and can
 * remove every trace again, restoring the original text nodes. It never writes HTML strings.
 */
import type { NodeSlice } from './text-index';

export const MARK_TAG = 'counterpart-mark';

export interface Highlight {
  elements: HTMLElement[];
}

/**
 * Wraps each slice in a `<counterpart-mark>` with the given data attributes. Slices must come from a fresh
 * text index; slices of the same node are processed right to left so earlier offsets stay valid.
 */
export function wrapSlices(slices: NodeSlice[], attrs: Record<string, string>, doc: Document): Highlight {
  const elements: HTMLElement[] = [];
  for (let i = slices.length - 1; i >= 0; i--) {
    const { node, start, end } = slices[i];
    if (!node.parentNode || end > node.data.length) continue;
    let target = node;
    if (end < target.data.length) target.splitText(end);
    if (start > 0) target = target.splitText(start);
    const mark = doc.createElement(MARK_TAG);
    for (const [k, v] of Object.entries(attrs)) mark.setAttribute(k, v);
    target.parentNode!.replaceChild(mark, target);
    mark.appendChild(target);
    elements.unshift(mark);
  }
  return { elements };
}

/** Removes marks (all of ours under `root` when no list is given) and merges the text back together. */
export function unwrap(elements: Iterable<Element>): void {
  const parents = new Set<Node>();
  for (const el of elements) {
    const parent = el.parentNode;
    if (!parent) continue;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    parent.removeChild(el);
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
}

export function removeAllMarks(root: ParentNode): void {
  unwrap(Array.from(root.querySelectorAll(MARK_TAG)));
}
