/**
 * `useLiveQuery` for the first thing the popup shows: the query starts while the component first renders, not
 * in an effect after the browser has painted (Preact runs effects a frame later), so the first timeline page
 * arrives one frame sooner. Later `deps` changes behave exactly like `useLiveQuery`.
 */
import { liveQuery } from 'dexie';
import { type Inputs, useLayoutEffect, useState } from 'preact/hooks';
import { readErrorMessage } from '../../lib/ui/errors';
import type { LiveState } from '../../lib/ui/use-live-query';

export function useLiveQueryNow<T>(query: () => Promise<T>, deps: Inputs): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  useLayoutEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ok', value }),
      error: (e: unknown) => setState({ status: 'error', error: readErrorMessage(e) }),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}
