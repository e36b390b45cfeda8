import { type Inputs, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Result } from '../types';

export type AsyncState<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: string };

/** Runs a Result-returning call (a message to the background) when `deps` change; stale answers are dropped. */
export function useResult<T>(call: () => Promise<Result<T>>, deps: Inputs): AsyncState<T> {
  return useCall(useEffect, call, deps);
}

/**
 * The same for what the popup's first screen needs: the call starts as the component renders, not in an effect
 * a frame after the browser has painted, so each step of the first screen does not wait for a frame.
 */
export function useResultNow<T>(call: () => Promise<Result<T>>, deps: Inputs): AsyncState<T> {
  return useCall(useLayoutEffect, call, deps);
}

function useCall<T>(effect: typeof useEffect, call: () => Promise<Result<T>>, deps: Inputs): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  effect(() => {
    let live = true;
    setState((s) => (s.status === 'loading' ? s : { status: 'loading' }));
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
