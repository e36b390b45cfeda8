/**
 * HTML elements as the readers of a page's text see them.
 *
 * The elements whose start and end break a paragraph of reader text. The background's reader
 * (`article/main-text.ts`) breaks paragraphs at all of them; the content script's text index
 * (`content/text-index.ts`) joins text nodes into one segment under the nearest of them, and has never counted
 * the few in `NOT_TEXT_INDEX_BLOCKS` (changing that changes which text nodes the page's marks join, so it is a
 * change of its own, not part of sharing the table). `content/article-root.ts` derives its own from it: it asks
 * whether a container holds other blocks, where a `BR` or a table cell does not count and a form does.
 */
export const BLOCK_TAGS: readonly string[] = [
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
];

/** Blocks the text index does not stop at (see above). */
export const NOT_TEXT_INDEX_BLOCKS: readonly string[] = ['ADDRESS', 'ASIDE', 'DL', 'FOOTER', 'HEADER', 'PRE'];

/** Elements whose text no reader sees, on any page: every walk over a page's text skips them. */
export const SILENT_TAGS: readonly string[] = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'];
