/**
 * Persistent storage: without it the browser may evict the timeline under storage pressure. Asking is
 * harmless when already granted; the storage manager is a parameter so tests pass a fake.
 */
export type PersistState = 'persisted' | 'granted' | 'denied' | 'unsupported';

type StorageLike = Pick<StorageManager, 'persist' | 'persisted'>;

function defaultStorage(): StorageLike | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

/** Asks for persistent storage once; reports whether it was already on, newly granted or refused. */
export async function requestPersistentStorage(
  storage: StorageLike | undefined = defaultStorage(),
): Promise<PersistState> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persisted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}
