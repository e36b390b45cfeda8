/**
 * A flat view of the readable text under a root: the text nodes the reader sees, joined into one string,
 * with a map back from string offsets to nodes. Detection and anchoring work on the string; only this
 * module and the highlighter touch the DOM.
 */
import { BLOCK_TAGS, NOT_TEXT_INDEX_BLOCKS } from '../lexicon/html-tags';
import { ancestorTest } from './ancestor-test';

/** Elements whose text is never marked: chrome, forms, code, and our own UI. */
const SKIP_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'menu',
  'iframe',
  'object',
  'svg',
  'math',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="menu"]',
  '[role="search"]',
  '[aria-hidden="true"]',
  '[hidden]',
  'counterpart-ui',
].join(',');

/** The blocks a segment of text nodes stops at. */
const BLOCK: ReadonlySet<string> = new Set(BLOCK_TAGS.filter((tag) => !NOT_TEXT_INDEX_BLOCKS.includes(tag)));

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in `TextIndex.text`. */
  start: number;
  /** Offset just past its last character: kept here, since reading `node.data` is a call into the DOM. */
  end: number;
}

export interface TextIndex {
  text: string;
  segments: TextSegment[];
}

export interface NodeSlice {
  node: Text;
  start: number;
  end: number;
}

/** True when the node sits inside something we must not mark (relative to `root`, which itself is allowed). */
export function isSkipped(el: Element | null, root: Node): boolean {
  let cur: Element | null = el;
  while (cur && cur !== root) {
    if (cur.matches(SKIP_SELECTOR)) return true;
    cur = cur.parentElement;
  }
  return false;
}

function blockAncestor(node: Node, root: Node): Node {
  let cur: Node | null = node.parentNode;
  while (cur && cur !== root) {
    if (cur.nodeType === 1 && BLOCK.has((cur as Element).tagName)) return cur;
    cur = cur.parentNode;
  }
  return root;
}

/** Which parts of the page hold the text to index, and which elements inside them to leave out. */
export interface IndexScope {
  /** Elements to index, in document order; none nested in another. */
  parts: readonly Element[];
  /** An element inside a part whose text is left out; asked at most once per element. */
  excluded?(el: Element): boolean;
}

/**
 * Collects the visible text nodes under `root` (or, with a scope, under each of its parts). Text in different
 * block elements is separated by a newline so that a sentence ending one paragraph never runs into the next.
 */
export function buildTextIndex(
  root: Node,
  doc: Document = root.ownerDocument ?? (root as Document),
  scope?: IndexScope,
): TextIndex {
  const segments: TextSegment[] = [];
  const parts: string[] = [];
  let length = 0;
  let lastBlock: Node | null = null;
  const excluded = scope?.excluded;
  const skipped = ancestorTest((el) => el.matches(SKIP_SELECTOR) || excluded?.(el) === true);
  const walk = (top: Node) => {
    const walker = doc.createTreeWalker(top, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const node = n as Text;
      const value = node.data;
      if (!value || !/\S/.test(value)) continue;
      if (skipped(node.parentElement, top)) continue;
      const block = blockAncestor(node, top);
      if (lastBlock && block !== lastBlock) {
        parts.push('\n');
        length += 1;
      }
      lastBlock = block;
      segments.push({ node, start: length, end: length + value.length });
      parts.push(value);
      length += value.length;
    }
  };
  if (!scope) walk(root);
  else {
    // A part inside page chrome (a headline in a <header>) is chrome too.
    for (const part of scope.parts) if (!isSkipped(part, root)) walk(part);
  }
  return { text: parts.join(''), segments };
}

/** Index of the last segment starting at or before `offset`. */
function segmentAt(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.segments[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The node pieces covering `[start, end)` of the index text, skipping the separators between blocks. */
export function sliceNodes(index: TextIndex, start: number, end: number): NodeSlice[] {
  const out: NodeSlice[] = [];
  if (index.segments.length === 0 || end <= start) return out;
  for (let i = segmentAt(index, start); i < index.segments.length; i++) {
    const seg = index.segments[i];
    if (seg.start >= end) break;
    const s = Math.max(start, seg.start) - seg.start;
    const e = Math.min(end, seg.end) - seg.start;
    if (e > s) out.push({ node: seg.node, start: s, end: e });
  }
  return out;
}

/** The index offset of a DOM position (a Range boundary), or -1 when it is outside the indexed text. */
export function offsetOf(index: TextIndex, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const seg = index.segments.find((s) => s.node === container);
    return seg ? seg.start + Math.min(offset, seg.node.data.length) : -1;
  }
  // An element boundary: the position before its offset-th child; use the first text node at or after it.
  const doc = container.ownerDocument ?? (container as Document);
  const child = container.childNodes[offset] ?? null;
  const walker = doc.createTreeWalker(child ?? container, 4);
  const first = child ? (child.nodeType === 3 ? child : walker.nextNode()) : null;
  if (first) {
    const seg = index.segments.find((s) => s.node === first);
    if (seg) return seg.start;
  }
  const last = index.segments.filter((s) => container.contains(s.node)).pop();
  return last ? last.start + last.node.data.length : -1;
}
