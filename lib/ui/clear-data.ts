/**
 * "Clear all data": empties every table in one transaction. lib/db has no such function, so this thin wrapper
 * lives with the only screen that offers it. Settings (extension storage) are kept.
 */
import { safeWrite } from '../db/errors';
import type { CounterpartDB } from '../db/schema';
import type { Result } from '../types';

export function clearAllData(db: CounterpartDB): Promise<Result<null>> {
  return safeWrite(() =>
    db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((t) => t.clear()));
      return null;
    }),
  );
}
