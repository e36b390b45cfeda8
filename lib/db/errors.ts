/**
 * Turns storage failures into sentences a reader can act on. Dexie wraps IndexedDB errors (an AbortError whose
 * `inner` is the QuotaExceededError that caused it), so the chain is walked and the most specific cause wins.
 */
import type { Result } from '../types';

const MESSAGES: Record<string, string> = {
  QuotaExceededError:
    "Your browser's storage is full: nothing was saved. Free some space or export and clear old data.",
  DatabaseClosedError:
    'The timeline database is closed (the browser may be shutting down or clearing data): nothing was saved. Try again.',
  ConstraintError: 'This item is already stored (same id): nothing was saved.',
  ReadOnlyError: 'The timeline was opened read-only: nothing was saved.',
  VersionError: 'The timeline was created by a newer version of Counterpart. Update the extension to use it.',
  InvalidStateError: 'The timeline database is not available right now: nothing was saved. Try again.',
  AbortError: 'The change was interrupted and rolled back: nothing was saved. Try again.',
  TimeoutError: 'The timeline database took too long to answer: nothing was saved. Try again.',
};

/** Order of preference when several names appear in the chain: the root cause before the abort it triggered. */
const PRIORITY = [
  'QuotaExceededError',
  'DatabaseClosedError',
  'VersionError',
  'ConstraintError',
  'ReadOnlyError',
  'InvalidStateError',
  'TimeoutError',
  'AbortError',
];

function namesInChain(e: unknown): string[] {
  const names: string[] = [];
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const rec = cur as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (typeof rec.name === 'string') names.push(rec.name);
    // BulkError keeps the per-row failures instead of an inner error.
    if (Array.isArray(rec.failures)) names.push(...namesInChain(rec.failures[0]));
    cur = rec.inner ?? rec.cause;
  }
  return names;
}

/** A human message for any error thrown by a storage write. */
export function storageErrorMessage(e: unknown): string {
  const names = namesInChain(e);
  for (const n of PRIORITY) if (names.includes(n)) return MESSAGES[n];
  if (e instanceof UserError) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return `Saving to the timeline failed: nothing was saved. (${detail})`;
}

/** Thrown inside a write to abort its transaction with a message meant for the reader as is. */
export class UserError extends Error {
  override name = 'UserError';
}

/** Runs a write and reports failure as a Result, so no caller ever has to catch a storage exception. */
export async function safeWrite<T>(write: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message };
    return { ok: false, error: storageErrorMessage(e) };
  }
}
