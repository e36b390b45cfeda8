/** Persistent storage: whether the browser may evict the timeline under storage pressure. */

export type PersistStatus = 'persisted' | 'not-persisted' | 'unsupported';

type StorageManagerLike = Pick<StorageManager, 'persisted' | 'persist'> & Partial<Pick<StorageManager, 'estimate'>>;

function managerOf(nav: Navigator | undefined): StorageManagerLike | null {
  const s = nav?.storage as StorageManagerLike | undefined;
  return s && typeof s.persisted === 'function' && typeof s.persist === 'function' ? s : null;
}

export async function persistStatus(nav: Navigator | undefined = globalThis.navigator): Promise<PersistStatus> {
  const s = managerOf(nav);
  if (!s) return 'unsupported';
  return (await s.persisted()) ? 'persisted' : 'not-persisted';
}

export async function requestPersist(nav: Navigator | undefined = globalThis.navigator): Promise<PersistStatus> {
  const s = managerOf(nav);
  if (!s) return 'unsupported';
  return (await s.persist()) ? 'persisted' : 'not-persisted';
}

/** "12.3 MB used" when the browser reports it. */
export async function usageText(nav: Navigator | undefined = globalThis.navigator): Promise<string | null> {
  const s = managerOf(nav);
  if (!s?.estimate) return null;
  const { usage } = await s.estimate();
  if (usage === undefined) return null;
  const mb = usage / 1024 / 1024;
  return mb < 0.1 ? 'less than 0.1 MB used' : `${mb.toFixed(1)} MB used`;
}
