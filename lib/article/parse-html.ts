/**
 * A DOM for HTML where the browser gives none: the CLI in Node and the background service worker (which has
 * no DOMParser). linkedom is small and fast enough for one article at a time — within the limits below, which
 * are checked on the markup before it is parsed.
 */
import { parseHTML } from 'linkedom';

/**
 * Longest markup parsed, in characters. linkedom builds about a megabyte of news page in 100–200 ms; the largest
 * real page in the test sets is 1.6 MB. A bigger page is read from its text alone.
 */
export const MAX_HTML_CHARS = 2_500_000;

/** Most elements parsed: parsing costs about 5 µs per element here, and a long Wikipedia article has 10,000. */
export const MAX_HTML_ELEMENTS = 50_000;

/**
 * Deepest nesting parsed. linkedom's parse time grows with the square of the depth (200,000 nested divs took 51 s).
 * A browser's own parser stops at 512 levels, so deeper markup was built by a page script; real pages stay under 40.
 */
export const MAX_HTML_DEPTH = 4_096;

export interface HtmlShape {
  /** Start tags. */
  elements: number;
  /** The deepest nesting the start and end tags imply (tags whose end is optional, like `p` and `li`, do not count). */
  depth: number;
}

/** Elements without content, and elements a parser closes by itself: neither deepens the tree. */
const FLAT_TAGS: ReadonlySet<string> = new Set(
  (
    'area base br col embed hr img input link meta param source track wbr ' +
    'p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp'
  ).split(' '),
);

/** Elements whose content is raw text up to their end tag ("<" inside a script is not a tag). */
const RAW_TEXT_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed']);

/**
 * Counts start tags and the nesting they imply in one pass over the markup (no parsing), so a hostile page is
 * refused in milliseconds instead of parsed for minutes. Approximate on purpose: it over-counts rather than under.
 */
export function htmlShape(html: string): HtmlShape {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  const lower = (c: number) => c | 0x20;
  for (let i = html.indexOf('<'); i >= 0 && i < html.length; i = html.indexOf('<', i)) {
    const c = html.charCodeAt(i + 1);
    if (c === 0x21 /* ! */) {
      // A comment runs to "-->"; a doctype or CDATA marker to the next ">".
      const end = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    const closing = c === 0x2f; /* / */
    const nameStart = closing ? i + 2 : i + 1;
    let j = nameStart;
    while (j < html.length) {
      const k = lower(html.charCodeAt(j));
      if ((k >= 0x61 && k <= 0x7a) || (k >= 0x30 && k <= 0x39 && j > nameStart) || k === 0x2d) j++;
      else break;
    }
    if (j === nameStart || !/[a-z]/i.test(html[nameStart])) {
      i++;
      continue;
    }
    const name = html.slice(nameStart, j).toLowerCase();
    const end = html.indexOf('>', j);
    if (end < 0) break;
    if (closing) {
      if (!FLAT_TAGS.has(name) && depth > 0) depth--;
      i = end + 1;
      continue;
    }
    elements++;
    const selfClosing = html.charCodeAt(end - 1) === 0x2f;
    if (!FLAT_TAGS.has(name) && !selfClosing) {
      depth++;
      if (depth > deepest) deepest = depth;
    }
    i = end + 1;
    if (RAW_TEXT_TAGS.has(name) && !selfClosing) {
      // Skip to the end tag (case-insensitively), which closes the element.
      const close = indexOfCi(html, `</${name}`, i);
      if (close < 0) break;
      i = close;
    }
  }
  return { elements, depth: deepest };
}

/** `indexOf` ignoring ASCII case, for an all-lowercase `needle`. */
function indexOfCi(haystack: string, needle: string, from: number): number {
  const first = needle[0];
  for (let i = haystack.indexOf(first, from); i >= 0; i = haystack.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && (haystack.charCodeAt(i + k) | 0x20) === needle.charCodeAt(k)) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/** Why `html` is not parsed (over one of the limits above), or null when it may be. */
export function htmlOverLimits(html: string): string | null {
  if (html.length > MAX_HTML_CHARS)
    return `the page is ${html.length.toLocaleString('en')} characters of HTML; the limit is ${MAX_HTML_CHARS.toLocaleString('en')}`;
  const shape = htmlShape(html);
  if (shape.elements > MAX_HTML_ELEMENTS)
    return `the page has ${shape.elements.toLocaleString('en')} elements; the limit is ${MAX_HTML_ELEMENTS.toLocaleString('en')}`;
  if (shape.depth > MAX_HTML_DEPTH)
    return `the page nests elements ${shape.depth.toLocaleString('en')} levels deep; the limit is ${MAX_HTML_DEPTH.toLocaleString('en')}`;
  return null;
}

export function parseDocument(html: string): Document {
  // A fragment or an empty file gets the <html><body> a browser would add.
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as Document;
}
