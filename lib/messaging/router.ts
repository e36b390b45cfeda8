import type { Result } from '../types';

/**
 * Turns a table of async handlers into a runtime.onMessage listener: unknown types are ignored (other
 * listeners may answer them), errors become `{ ok: false, error }`.
 */
export function createRouter<R extends { type: string }, S>(
  handlers: Record<string, (req: R, sender: S) => Promise<unknown>>,
  toSender: (raw: unknown) => S,
) {
  return (message: unknown, rawSender: unknown): Promise<Result<unknown>> | undefined => {
    if (!message || typeof message !== 'object' || typeof (message as R).type !== 'string') return undefined;
    const handler = handlers[(message as R).type];
    if (!handler) return undefined;
    return handler(message as R, toSender(rawSender)).then(
      (value): Result<unknown> => ({ ok: true, value }),
      (e: unknown): Result<unknown> => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  };
}
