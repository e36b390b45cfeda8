import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from '../../../lib/db/persist';

describe('requestPersistentStorage', () => {
  it.each([
    [true, true, 'persisted'],
    [false, true, 'granted'],
    [false, false, 'denied'],
  ] as const)('persisted=%s persist=%s → %s', async (already, grant, expected) => {
    const storage = { persisted: async () => already, persist: async () => grant };
    expect(await requestPersistentStorage(storage)).toBe(expected);
  });

  it('reports browsers without the API', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
  });
});
