/**
 * Turns storage failures into sentences a reader can act on. Dexie wraps IndexedDB errors (an AbortError whose
 * `inner` is the QuotaExceededError that caused it, a BulkError listing per-row failures), so the whole chain is
 * walked and the most specific cause wins.
 */
import type { Transaction } from 'dexie';
import type { Result } from '../types';

/** What the failed write was doing, for "nothing was saved" / "nothing was imported". */
export type WriteAction = 'save' | 'import';

const NOTHING: Record<WriteAction, string> = { save: 'nothing was saved', import: 'nothing was imported' };

const MESSAGES: Record<string, (nothing: string, action: WriteAction) => string> = {
  QuotaExceededError: (nothing, action) =>
    `Your browser's storage is full: ${nothing}. ${action === 'import' ? 'Free some space and try again.' : 'Free some space or export and clear old data.'}`,
  DatabaseClosedError: (nothing) =>
    `The timeline database is closed (the browser may be shutting down or clearing data): ${nothing}. Try again.`,
  ConstraintError: (nothing) => `This item is already stored (same id): ${nothing}.`,
  ReadOnlyError: (nothing) => `The timeline was opened read-only: ${nothing}.`,
  VersionError: () => 'The timeline was created by a newer version of Counterpart. Update the extension to use it.',
  InvalidStateError: (nothing) => `The timeline database is not available right now: ${nothing}. Try again.`,
  AbortError: (nothing) => `The change was interrupted and rolled back: ${nothing}. Try again.`,
  TimeoutError: (nothing) => `The timeline database took too long to answer: ${nothing}. Try again.`,
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

/** Errors looked at at most: a BulkError of a 100,000-row import can list 100,000 failures. */
const MAX_ERRORS_WALKED = 1000;

interface ErrorLike {
  name?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
  transactionError?: unknown;
}

function namesInChain(e: unknown): string[] {
  const names: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [e];
  while (queue.length > 0 && seen.size < MAX_ERRORS_WALKED) {
    const cur = queue.shift();
    if (!cur || typeof cur !== 'object' || seen.has(cur)) continue;
    seen.add(cur);
    const rec = cur as ErrorLike;
    if (typeof rec.name === 'string') names.push(rec.name);
    if (Array.isArray(rec.failures) && rec.failures.length > 0) {
      // A BulkError's first failure is the cause and the later ones its consequences (rows refused once the
      // transaction was gone), except that the row which ran out of quota need not come first.
      queue.push(rec.failures[0]);
      if (rec.failures.slice(1, MAX_ERRORS_WALKED).some((f) => namesInChain(f).includes('QuotaExceededError')))
        names.push('QuotaExceededError');
    }
    queue.push(rec.inner, rec.cause, rec.transactionError);
  }
  return names;
}

/** A human message for any error thrown by a storage write. */
export function storageErrorMessage(e: unknown, action: WriteAction = 'save'): string {
  const names = namesInChain(e);
  for (const n of PRIORITY) if (names.includes(n)) return MESSAGES[n](NOTHING[action], action);
  if (e instanceof UserError) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  const verb = action === 'import' ? 'Importing into' : 'Saving to';
  return `${verb} the timeline failed: ${NOTHING[action]}. (${detail})`;
}

/** Thrown inside a write to abort its transaction with a message meant for the reader as is. */
export class UserError extends Error {
  override name = 'UserError';
}

/**
 * A failed transaction with the IndexedDB transaction's own error attached. When a request runs out of quota,
 * IndexedDB aborts the transaction with `transaction.error` set to the QuotaExceededError, and every other request
 * fails with a bare AbortError: the error Dexie rejects with is often one of those, and would read "interrupted".
 */
export class TransactionFailure extends Error {
  override name = 'TransactionFailure';
  constructor(
    readonly inner: unknown,
    readonly transactionError: unknown,
  ) {
    super(inner instanceof Error ? inner.message : String(inner));
  }
}

/**
 * Runs a Dexie transaction and, when it fails, reports the IndexedDB transaction's own error along with what the
 * callback saw (see TransactionFailure). A UserError thrown by the callback is passed through as is.
 */
export async function withTransactionError<T>(run: (remember: (tx: Transaction) => void) => Promise<T>): Promise<T> {
  let tx: Transaction | undefined;
  try {
    return await run((t) => {
      tx = t;
    });
  } catch (e) {
    const own = transactionErrorOf(tx);
    if (e instanceof UserError || !own) throw e;
    throw new TransactionFailure(e, own);
  }
}

function transactionErrorOf(tx: Transaction | undefined): unknown {
  try {
    return tx?.idbtrans?.error ?? null;
  } catch {
    // Older engines throw when `error` is read before the transaction has finished.
    return null;
  }
}

/** Runs a write and reports failure as a Result, so no caller ever has to catch a storage exception. */
export async function safeWrite<T>(write: () => Promise<T>, action: WriteAction = 'save'): Promise<Result<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message };
    return { ok: false, error: storageErrorMessage(e, action) };
  }
}
