/**
 * Tells whoever watches the page (the benchmarks, the e2e tests) that a marking pass finished and what it cost.
 * The detail is a JSON string because an object made in the content script's world is not readable from the
 * page's world. Nothing here reads anything back from the page.
 */
export const MARKED_EVENT = 'counterpart:marked';

export interface MarkedDetail {
  /** Marks placed in this pass. */
  marks: number;
  /** Characters of page text the detector read. */
  chars: number;
  /** Main-thread time of this pass: detector setup (first pass only), text index, detection, wrapping. */
  busyMs: number;
  setupMs: number;
  indexMs: number;
  detectMs: number;
  wrapMs: number;
  /** Longest uninterrupted stretch of work before yielding to the page. */
  longestSliceMs: number;
  /** Busy time until the marks in and near the viewport were in place, and `performance.now()` then. */
  visibleMs: number;
  visibleAt: number;
  /** `performance.now()` when the content script started and when the marks were in place. */
  startedAt: number;
  markedAt: number;
}

export function announceMarked(doc: Document, detail: MarkedDetail): void {
  doc.documentElement.dataset.counterpartMarked = String(detail.marks);
  doc.dispatchEvent(new CustomEvent(MARKED_EVENT, { detail: JSON.stringify(detail) }));
}

export function clearMarked(doc: Document): void {
  delete doc.documentElement.dataset.counterpartMarked;
}
