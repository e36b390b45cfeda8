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

/** One piece of a text node to wrap, `[start, end)`, in a copy of `template` (a childless mark). */
export interface NodePiece {
  start: number;
  end: number;
  template: HTMLElement;
}

/**
 * Wraps several pieces of one text node at once: the node keeps its leading text (or becomes the first mark's
 * text), and everything after it is built off-document and inserted in one go. A node with k marks costs one
 * insertion instead of 4k splits and moves, which is what makes wrapping thousands of marks cheap.
 * Pieces must be in order; one that overlaps the previous or runs past the node is skipped, never wrapped twice.
 */
export function wrapPieces(
  node: Text,
  pieces: readonly NodePiece[],
  doc: Document,
  made?: (mark: HTMLElement, piece: NodePiece) => void,
): HTMLElement[] {
  const parent = node.parentNode;
  const elements: HTMLElement[] = [];
  if (!parent) return elements;
  const data = node.data;
  const next = node.nextSibling;
  // Strings become text nodes inside `append`, one DOM call for a whole run of pieces.
  const items: (Node | string)[] = [];
  let pos = 0;
  let reused = false;
  // The original node carries the first piece of text, so removing the marks merges everything back into it
  // and a page that holds on to its text node (a framework) still has the live one.
  const text = (value: string): Node | string => {
    if (reused) return value;
    reused = true;
    node.data = value;
    return node;
  };
  for (const p of pieces) {
    if (p.start < pos || p.end > data.length || p.end <= p.start) continue;
    if (p.start > pos) items.push(text(data.slice(pos, p.start)));
    const mark = p.template.cloneNode(false) as HTMLElement;
    mark.append(text(data.slice(p.start, p.end)));
    items.push(mark);
    elements.push(mark);
    made?.(mark, p);
    pos = p.end;
  }
  if (!elements.length) return elements;
  if (pos < data.length) items.push(data.slice(pos));
  const frag = doc.createDocumentFragment();
  frag.append(...items);
  parent.insertBefore(frag, next);
  return elements;
}

/** A childless mark with these attributes, to be copied by `wrapPieces`. */
export function markTemplate(attrs: Record<string, string>, doc: Document): HTMLElement {
  const mark = doc.createElement(MARK_TAG);
  for (const [k, v] of Object.entries(attrs)) mark.setAttribute(k, v);
  return mark;
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
