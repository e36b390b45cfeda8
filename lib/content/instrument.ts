/**
 * Tells the background what a marking pass cost, for the benchmarks and the e2e tests, which read it from the
 * background (never from the page: an event or attribute in the page would tell every site the extension is
 * installed, and how much it found).
 */
import { send } from '../messaging/client';

export interface MarkedDetail {
  /** The page the pass was on, and its document's `performance.timeOrigin` (tells two visits of a URL apart). */
  url: string;
  timeOrigin: number;
  /** 1 for the document's first pass, then 2, 3… */
  pass: number;
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

/** Marking passes in this document so far (a page that provokes re-marking shows as a growing count). */
let passes = 0;

export function reportMarked(detail: Omit<MarkedDetail, 'pass'>): void {
  passes++;
  void send('marked', { detail: { ...detail, pass: passes } });
}
