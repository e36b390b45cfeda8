/**
 * Dexie's liveQuery as a Preact hook. The popup and options page share the background's IndexedDB (same
 * extension origin), so they read it directly and re-render whenever a write touches what a query read.
 */
import { liveQuery } from 'dexie';
import { type Inputs, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { readErrorMessage } from './errors';

export type LiveState<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: string };

function useLive<T>(effect: typeof useEffect, query: () => Promise<T>, deps: Inputs): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  effect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ok', value }),
      error: (e: unknown) => setState({ status: 'error', error: readErrorMessage(e) }),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}

/**
 * Runs `query` now and again after every relevant write. When `deps` change the previous value stays on screen
 * until the new one arrives, so typing in a filter does not flash a loading state.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: Inputs): LiveState<T> {
  return useLive(useEffect, query, deps);
}

/**
 * The same for the first thing the popup shows: the query starts while the component first renders, not in an
 * effect after the browser has painted (Preact runs effects a frame later), so the first page arrives a frame
 * sooner.
 */
export function useLiveQueryNow<T>(query: () => Promise<T>, deps: Inputs): LiveState<T> {
  return useLive(useLayoutEffect, query, deps);
}
