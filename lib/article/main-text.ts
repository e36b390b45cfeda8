/**
 * The readable text of a page, one paragraph per block separated by blank lines, so that sentence and
 * paragraph boundaries survive for the extractor. Works on any DOM (browser, linkedom, happy-dom): it only
 * walks nodes and reads `textContent`.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';

/** Elements whose start and end break a paragraph. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** Never reader text, in any page. */
const SKIP_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
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

/** Collects the text under `root`, one paragraph per block element, joined by blank lines. */
export function blockText(root: Node, skipChrome = false): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || (skipChrome && CHROME_TAGS.has(tag))) return;
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
    if (block) flush();
  };
  visit(root);
  flush();
  return paragraphs.join('\n\n');
}

export interface MainText {
  text: string;
  /** true when Readability found an article body (or judged the page reader-able). */
  readable: boolean;
  byline: string | null;
  title: string | null;
}

/** Readability's minimum article length; shorter results are treated as "no article found". */
const MIN_ARTICLE_CHARS = 200;

/** Runs Readability on a clone (it mutates what it is given) and falls back to the body text. */
export function mainText(doc: Document): MainText {
  let readerable = false;
  try {
    readerable = isProbablyReaderable(doc);
  } catch {
    readerable = false;
  }
  try {
    const clone = doc.cloneNode(true) as Document;
    const parsed = new Readability<Node>(clone, {
      serializer: (n: Node) => n,
      charThreshold: MIN_ARTICLE_CHARS,
    }).parse();
    const text = parsed?.content ? blockText(parsed.content) : '';
    if (text.length >= MIN_ARTICLE_CHARS / 2) {
      return { text, readable: true, byline: parsed?.byline?.trim() || null, title: parsed?.title?.trim() || null };
    }
  } catch {
    // A page Readability cannot handle still has a body worth reading.
  }
  const body = doc.body ?? doc.documentElement;
  return { text: body ? blockText(body, true) : '', readable: readerable, byline: null, title: null };
}
