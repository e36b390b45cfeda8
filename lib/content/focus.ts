/**
 * Tab order for the hover card: the card lives outside the page's flow (in the extension's own shadow root at
 * the end of the document), so leaving it by Tab must land where Tab from its mark would have gone.
 */

/** What a browser puts in the tab order by itself, or because the page said so. */
const FOCUSABLE = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  'summary',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]',
].join(',');

function visible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(el, { visibilityProperty: true }) : true;
}

/**
 * The first tab stop after `from` (outside it) in document order, or null. Positive tabindex values, which
 * reorder a page's tab sequence, are rare on news pages and taken in document order like the rest.
 */
export function nextTabStop(
  from: Element,
  doc: Document,
  ignore: (el: Element) => boolean = () => false,
): HTMLElement | null {
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>(FOCUSABLE))) {
    if (!((from.compareDocumentPosition(el) & 4) /* FOLLOWING */) || from.contains(el)) continue;
    if (el.tabIndex < 0 || ignore(el) || !visible(el)) continue;
    return el;
  }
  return null;
}
