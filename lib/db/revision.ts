/**
 * A token that changes whenever any part of the extension writes to the tables the first screen shows. The background keeps
 * snapshots of the popup's first screen (`lib/messaging/first-screen.ts`) tagged with the token it read before
 * reading the database; a snapshot is current while the token is unchanged, so the popup can paint from it
 * without waking the background and without ever showing rows that were since changed or deleted.
 *
 * The token lives in session storage, which every extension page and the service worker share and which the
 * browser empties on restart and on an extension update (when the snapshots' shape may change too).
 */
import type { DBCore, DBCoreMutateRequest, Dexie, Middleware } from 'dexie';

export const REVISION_KEY = 'db-revision';

/**
 * The tables the snapshots are read from (the timeline's rows and sources, the engagement counts). Writes to
 * the others (a saved passage, a gazetteer edit) leave the snapshots current, so saving a passage does not cost
 * the next popup a wake-up of the background. A new kind of snapshot must list the tables it reads here.
 */
export const SNAPSHOT_TABLES: readonly string[] = ['engagements', 'sources'];

/** The storage area the token and snapshots live in: `browser.storage.session`, or a fake in tests. */
export interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface Revision {
  /** The current token; null until the first write or `ensure`. */
  read(): Promise<string | null>;
  /** Replaces the token: everything tagged with the old one is out of date. */
  bump(): Promise<void>;
  /** The current token, creating one if there is none yet (a fresh browser session). */
  ensure(): Promise<string>;
}

const newToken = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function sessionRevision(area: SessionArea): Revision {
  const read = async () => {
    const v = (await area.get(REVISION_KEY))[REVISION_KEY];
    return typeof v === 'string' ? v : null;
  };
  const bump = () => area.set({ [REVISION_KEY]: newToken() }).catch(() => {});
  return {
    read: () => read().catch(() => null),
    bump,
    async ensure() {
      const current = await read();
      if (current) return current;
      const token = newToken();
      await area.set({ [REVISION_KEY]: token });
      return token;
    },
  };
}

function changesNothing(req: DBCoreMutateRequest): boolean {
  if (req.type === 'add' || req.type === 'put') return req.values.length === 0;
  if (req.type === 'delete') return req.keys.length === 0;
  return false;
}

/**
 * Calls `onWrite` when any table is written, before the write is sent to IndexedDB and again after it settles.
 * The first call makes the order safe: a reader that sees the new token starts its transaction after the
 * writing one and so sees the write (IndexedDB runs overlapping transactions in the order they were created).
 * The second covers a reader that read the token between the two.
 */
export function writeWatcher(onWrite: () => void, tables: readonly string[] = SNAPSHOT_TABLES): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'counterpart-revision',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (!tables.includes(name)) return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            // Seeding runs at every start of the worker and usually adds nothing: that is not a change.
            if (changesNothing(req)) return table.mutate(req);
            onWrite();
            return table.mutate(req).finally(onWrite);
          },
        };
      },
    }),
  };
}

/** Makes every write through `db` to the snapshots' tables change the revision token. */
export function watchWrites(db: Dexie, revision: Pick<Revision, 'bump'>): void {
  db.use(writeWatcher(() => void revision.bump()));
}
