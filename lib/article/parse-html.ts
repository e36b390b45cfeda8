/**
 * A DOM for HTML where the browser gives none: the CLI in Node and the background service worker (which has
 * no DOMParser). linkedom is small and fast enough for one article at a time.
 */
import { parseHTML } from 'linkedom';

export function parseDocument(html: string): Document {
  // A fragment or an empty file gets the <html><body> a browser would add.
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as Document;
}
