/**
 * The readable text of a page, one paragraph per block separated by blank lines, so that sentence and
 * paragraph boundaries survive for the extractor. Works on any DOM (browser, linkedom, happy-dom): it only
 * walks nodes and reads `textContent`.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { BLOCK_TAGS, SILENT_TAGS } from '../lexicon/html-tags';

/** Elements whose start and end break a paragraph. */
const BLOCKS: ReadonlySet<string> = new Set(BLOCK_TAGS);

/** Never reader text, in any page. */
const SKIP_TAGS: ReadonlySet<string> = new Set([
  ...SILENT_TAGS,
  'SVG',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
]);

/** Page chrome, skipped only in the body fallback (Readability already drops it). */
const CHROME_TAGS: ReadonlySet<string> = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'MENU', 'DIALOG']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Collects the text under `root`, one paragraph per block element, joined by blank lines. Walks with its own
 * stack, not by recursion: a page script can nest elements deeper than the JavaScript call stack goes.
 */
export function blockText(root: Node, skipChrome = false): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    const p = current.join('').replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = [];
  };
  // Entries are nodes to visit, or the block element whose end closes a paragraph (`end: true`).
  const stack: { node: Node; end: boolean }[] = [{ node: root, end: false }];
  while (stack.length > 0) {
    const { node, end } = stack.pop() as { node: Node; end: boolean };
    if (end) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      current.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || (skipChrome && CHROME_TAGS.has(tag))) continue;
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') continue;
    const block = BLOCKS.has(tag);
    if (block) {
      flush();
      stack.push({ node: el, end: true });
    }
    // Children go on in reverse, so the first comes off first.
    const first = stack.length;
    for (let c = el.firstChild; c; c = c.nextSibling) stack.push({ node: c, end: false });
    for (let a = first, b = stack.length - 1; a < b; a++, b--) {
      const t = stack[a];
      stack[a] = stack[b];
      stack[b] = t;
    }
  }
  flush();
  return paragraphs.join('\n\n');
}

export interface MainText {
  text: string;
  /** true when Readability found an article body (or judged the page reader-able). */
  readable: boolean;
  byline: string | null;
  title: string | null;
  /** Why Readability was not run or not finished (a limit below), so the body fallback was read instead. */
  limit: string | null;
}

/** Readability's minimum article length; shorter results are treated as "no article found". */
const MIN_ARTICLE_CHARS = 200;

/**
 * Deepest tree handed to Readability. It measures the text and tags under every candidate, so its cost grows
 * with the depth times the size: 2,000 nested divs took minutes, while real pages stay under 40 levels.
 */
export const MAX_READABILITY_DEPTH = 64;

/** Most elements handed to Readability: two and a half times a long Wikipedia article (10,000 elements, 350 ms). */
export const MAX_READABILITY_ELEMENTS = 25_000;

/**
 * Time Readability may take before its result is given up for the body fallback: it cannot be paused, and the
 * background serves other tabs' marks on the same thread. Div soup within the size limits can still cost it
 * seconds, which is what this catches. The budget grows with the page's text, because real articles cost in
 * proportion to it (a long Wikipedia article, 130,000 characters: 350 ms warm, 700 ms in a cold worker here),
 * while soup has next to none.
 */
export const READABILITY_BASE_MS = 250;
export const READABILITY_MS_PER_1000_CHARS = 6;
export const READABILITY_MAX_MS = 1_000;

/** The default time budget for a page whose body holds `chars` characters of text. */
export function readabilityBudget(chars: number): number {
  return Math.min(READABILITY_MAX_MS, READABILITY_BASE_MS + (READABILITY_MS_PER_1000_CHARS * chars) / 1000);
}

/**
 * Readability's helpers that run for every node it walks or measures: wrapped on the instance to check the
 * deadline (Readability has no way to stop). A test checks they exist, so an upgrade that renames them is noticed.
 */
export const READABILITY_HOT_METHODS = [
  '_getNextNode',
  '_getInnerText',
  '_getAllNodesWithTag',
  '_hasChildBlockElement',
] as const;

class OutOfTime extends Error {}

function watchDeadline(reader: object, deadline: number, now: () => number): void {
  const r = reader as Record<string, unknown>;
  let calls = 0;
  for (const name of READABILITY_HOT_METHODS) {
    const method = r[name];
    if (typeof method !== 'function') continue;
    r[name] = function (this: unknown, ...args: unknown[]) {
      // The clock is read every 32nd call: cheap, and no single call runs long.
      if ((++calls & 31) === 0 && now() > deadline) throw new OutOfTime();
      return method.apply(this, args);
    };
  }
}

/** Whether the tree under `root` is deeper or bigger than Readability is given: which limit, or null. */
function overReadabilityLimits(root: Element): string | null {
  let elements = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop() as [Element, number];
    if (depth > MAX_READABILITY_DEPTH) return `nested deeper than ${MAX_READABILITY_DEPTH} levels`;
    if (++elements > MAX_READABILITY_ELEMENTS)
      return `more than ${MAX_READABILITY_ELEMENTS.toLocaleString('en')} elements`;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return null;
}

export interface MainTextOptions {
  /** Readability's time budget (default: `readabilityBudget` of the document's text). */
  budgetMs?: number;
  now?: () => number;
}

/** Runs Readability on a clone (it mutates what it is given) and falls back to the body text. */
export function mainText(doc: Document, options: MainTextOptions = {}): MainText {
  const now = options.now ?? (() => performance.now());
  let readerable = false;
  try {
    readerable = isProbablyReaderable(doc);
  } catch {
    readerable = false;
  }
  let limit = doc.documentElement ? overReadabilityLimits(doc.documentElement) : null;
  if (!limit) {
    try {
      // The whole document's text: `doc.body` can be an empty one when a page has two bodies.
      const budget = options.budgetMs ?? readabilityBudget(doc.documentElement?.textContent?.length ?? 0);
      const deadline = now() + budget;
      const clone = doc.cloneNode(true) as Document;
      const reader = new Readability<Node>(clone, {
        serializer: (n: Node) => n,
        charThreshold: MIN_ARTICLE_CHARS,
      });
      watchDeadline(reader, deadline, now);
      const parsed = reader.parse();
      const text = parsed?.content ? blockText(parsed.content) : '';
      if (text.length >= MIN_ARTICLE_CHARS / 2) {
        return {
          text,
          readable: true,
          byline: parsed?.byline?.trim() || null,
          title: parsed?.title?.trim() || null,
          limit: null,
        };
      }
    } catch (e) {
      // A page Readability cannot handle (or not in time) still has a body worth reading.
      if (e instanceof OutOfTime) limit = 'took longer than its time budget';
    }
  }
  const body = doc.body ?? doc.documentElement;
  return { text: body ? blockText(body, true) : '', readable: readerable, byline: null, title: null, limit };
}
