import { type Inputs, useEffect, useState } from 'preact/hooks';
import type { Result } from '../types';

export type AsyncState<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: string };

/** Runs a Result-returning call (a message to the background) when `deps` change; stale answers are dropped. */
export function useResult<T>(call: () => Promise<Result<T>>, deps: Inputs): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    call().then(
      (r) => live && setState(r.ok ? { status: 'ok', value: r.value } : { status: 'error', error: r.error }),
      (e: unknown) => live && setState({ status: 'error', error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}
