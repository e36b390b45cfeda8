/**
 * Dexie's liveQuery as a Preact hook. The popup and options page share the background's IndexedDB (same
 * extension origin), so they read it directly and re-render whenever a write touches what a query read.
 *
 * Dexie is loaded on first use (see `UiServices.database`). Loading it and opening the database costs the popup
 * a few tens of milliseconds, so a query can name a faster `first` answer: a message the background answers
 * from the database it already holds open. Whichever answers first is shown; the live query then keeps it up
 * to date. If the background is asleep the popup's own read usually wins, so neither path waits on the other.
 */
import { type Inputs, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { CounterpartDB } from '../db/schema';
import type { Result } from '../types';
import { readErrorMessage } from './errors';
import { useServices } from './services';

export type LiveState<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: string };

/** How long a query waits for its quick answer before loading Dexie anyway (a background asleep takes ~40 ms). */
const QUICK_WAIT_MS = 25;

export interface LiveOptions<T> {
  /** An answer that may come sooner than the live query's first (a message to the background); its errors are ignored. */
  first?: () => Promise<Result<T>>;
}

function useLive<T>(
  effect: typeof useEffect,
  query: (db: CounterpartDB) => Promise<T>,
  deps: Inputs,
  { first }: LiveOptions<T>,
): LiveState<T> {
  const { database } = useServices();
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  effect(() => {
    let closed = false;
    let answered = false;
    let unsubscribe = () => {};
    const quick = first?.().then(
      (r) => {
        if (!closed && !answered && r.ok) setState({ status: 'ok', value: r.value });
      },
      () => {}, // the live query reports what went wrong
    );
    const fail = (e: unknown) => {
      answered = true;
      if (!closed) setState({ status: 'error', error: readErrorMessage(e) });
    };
    // Parsing Dexie would hold up painting the quick answer, so it loads after that answer, or after a short wait
    // when the background is slow to wake.
    const after = quick ? Promise.race([quick, new Promise((r) => setTimeout(r, QUICK_WAIT_MS))]) : undefined;
    Promise.resolve(after)
      .then(() => Promise.all([database(), import('dexie')]))
      .then(([db, { liveQuery }]) => {
        if (closed) return;
        const sub = liveQuery(() => query(db)).subscribe({
          next: (value) => {
            answered = true;
            setState({ status: 'ok', value });
          },
          error: fail,
        });
        unsubscribe = () => sub.unsubscribe();
      }, fail);
    return () => {
      closed = true;
      unsubscribe();
    };
  }, [database, ...deps]);
  return state;
}

/**
 * Runs `query` now and again after every relevant write. When `deps` change the previous value stays on screen
 * until the new one arrives, so typing in a filter does not flash a loading state.
 */
export function useLiveQuery<T>(
  query: (db: CounterpartDB) => Promise<T>,
  deps: Inputs,
  options: LiveOptions<T> = {},
): LiveState<T> {
  return useLive(useEffect, query, deps, options);
}

/**
 * The same for the first thing the popup shows: the query starts while the component first renders, not in an
 * effect after the browser has painted (Preact runs effects a frame later), so the first page arrives a frame
 * sooner.
 */
export function useLiveQueryNow<T>(
  query: (db: CounterpartDB) => Promise<T>,
  deps: Inputs,
  options: LiveOptions<T> = {},
): LiveState<T> {
  return useLive(useLayoutEffect, query, deps, options);
}
