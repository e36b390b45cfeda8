/**
 * When the content script starts over on a page: a new URL in a single-page app, or a document the page
 * replaced with `document.open()` / `document.write()` (which also erases every listener we had on it).
 * Restarts wait for the page to settle: a burst of URL changes is one restart, and a page that keeps changing
 * its URL after each restart waits twice as long each time, so it costs a few analyses (and captures), not one
 * per `pushState`.
 */

/** Quiet time after a URL change before the new page is read, and the most it grows to. */
export const RESTART_QUIET_MS = 500;
export const RESTART_MAX_QUIET_MS = 30_000;
/** A change this soon after the last restart ran counts as a restless page (the quiet time doubles). */
export const RESTLESS_WINDOW_MS = 10_000;

export interface Lifecycle {
  /** Abort the current run and start again after the quiet time. */
  restart(): void;
  stop(): void;
}

export interface LifecycleEnv {
  doc: Document;
  /** Starts one run; the run ends when the signal aborts. */
  run: (signal: AbortSignal) => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

export function startLifecycle({
  doc,
  run,
  now = () => Date.now(),
  setTimer = (fn, ms) => setTimeout(fn, ms),
  clearTimer = (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
}: LifecycleEnv): Lifecycle {
  let controller = new AbortController();
  let timer: unknown;
  let restless = 0;
  /** When the last run started; null while a restart is waiting (changes then are part of the same burst). */
  let ranAt: number | null = now();
  let stopped = false;
  run(controller.signal);

  const restart = () => {
    if (stopped) return;
    controller.abort();
    if (ranAt !== null) restless = now() - ranAt < RESTLESS_WINDOW_MS ? restless + 1 : 0;
    ranAt = null;
    clearTimer(timer);
    timer = setTimer(
      () => {
        if (stopped) return;
        ranAt = now();
        controller = new AbortController();
        run(controller.signal);
      },
      Math.min(RESTART_QUIET_MS * 2 ** Math.max(0, restless - 1), RESTART_MAX_QUIET_MS),
    );
  };

  // `document.open()` replaces the root element; the Document object (and this observer on it) stays.
  let root = doc.documentElement;
  const observer = new MutationObserver(() => {
    if (doc.documentElement === root) return;
    root = doc.documentElement;
    if (root) restart();
  });
  observer.observe(doc, { childList: true });

  return {
    restart,
    stop: () => {
      stopped = true;
      clearTimer(timer);
      observer.disconnect();
      controller.abort();
    },
  };
}
