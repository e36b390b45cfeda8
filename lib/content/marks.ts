/**
 * Turns a detection over the article's text into marks on the page, a chunk at a time so a long page never
 * blocks the main thread for long.
 */
import type { Detection, Mention } from '../types';
import { type Highlight, MARK_TAG, unwrap, wrapSlices } from './highlighter';
import { buildTextIndex, sliceNodes, type TextIndex } from './text-index';

export interface MarkSet {
  index: TextIndex;
  detection: Detection;
  elements: HTMLElement[];
  remove(): void;
}

export type Yield = () => Promise<void>;

export const yieldToMain: Yield = () =>
  new Promise((resolve) => {
    const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    if (s?.yield) s.yield().then(resolve);
    else setTimeout(resolve, 0);
  });

function attrsFor(m: Mention): Record<string, string> {
  const attrs: Record<string, string> = {
    'data-entity': m.entityId,
    'data-kind': m.kind,
    tabindex: '0',
    role: 'button',
  };
  return attrs;
}

/** How long one slice of wrapping may run before giving the page its turn, in ms. */
const BUDGET_MS = 8;

export async function placeMarks(
  root: Element,
  detect: (text: string) => Detection,
  opts: { signal?: AbortSignal; yieldFn?: Yield; doc?: Document; now?: () => number } = {},
): Promise<MarkSet> {
  const doc = opts.doc ?? root.ownerDocument;
  const now = opts.now ?? (() => performance.now());
  const yieldFn = opts.yieldFn ?? yieldToMain;
  const index = buildTextIndex(root, doc);
  const detection = detect(index.text);
  const elements: HTMLElement[] = [];
  // Slices are computed against the untouched index; wrapping from the end keeps earlier offsets valid.
  const mentions = [...detection.mentions].sort((a, b) => b.start - a.start);
  let sliceStart = now();
  for (const m of mentions) {
    if (opts.signal?.aborted) break;
    const h: Highlight = wrapSlices(sliceNodes(index, m.start, m.end), attrsFor(m), doc);
    elements.push(...h.elements);
    if (now() - sliceStart > BUDGET_MS) {
      await yieldFn();
      sliceStart = now();
    }
  }
  return {
    index,
    detection,
    elements,
    remove: () => unwrap(elements.splice(0)),
  };
}

export function isOwnMark(node: Node | null): boolean {
  return !!node && node.nodeType === 1 && (node as Element).tagName.toLowerCase() === MARK_TAG;
}
