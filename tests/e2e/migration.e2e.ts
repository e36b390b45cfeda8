/**
 * An update that bumps the schema keeps every record, in real Chromium IndexedDB: a timeline written with the
 * first schema (as the first release declared it) is opened by the current build after an extension reload.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, openPopup } from '../../scripts/browser';

describe('schema migration in the browser', () => {
  let b: ExtensionBrowser;
  let profileDir: string;

  beforeAll(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'counterpart-migration-'));
    b = await launchWithExtension({ profileDir });
  });

  afterAll(async () => {
    await b?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('upgrades a version-1 timeline without losing an engagement, a source, a passage or an official', async () => {
    // A page of the extension's origin that opens no database of its own.
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/icon/16.png`);
    // The background answers messages once its start-up seeding is done; after that it leaves the database alone
    // until asked, so the replacement below cannot race its writes.
    await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'queryTimeline', filter: { limit: 1 } }),
    );
    await page.evaluate(async () => {
      const req = (r: IDBRequest | IDBOpenDBRequest) =>
        new Promise<unknown>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      // Replace the current database with one laid out as schema version 1 (Dexie stores version × 10). The
      // background's connection closes itself when it sees the deletion.
      await new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('counterpart');
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error);
      });
      const open = indexedDB.open('counterpart', 10);
      open.onupgradeneeded = () => {
        const db = open.result;
        const entities = db.createObjectStore('entities', { keyPath: 'id' });
        for (const i of ['kind', 'name', 'country']) entities.createIndex(i, i);
        entities.createIndex('aliases', 'aliases', { multiEntry: true });
        const engagements = db.createObjectStore('engagements', { keyPath: 'id' });
        for (const i of ['kind', 'date', 'origin', 'updatedAt']) engagements.createIndex(i, i);
        for (const i of ['participantIds', 'countries', 'countryPairs', 'topics'])
          engagements.createIndex(i, i, { multiEntry: true });
        const sources = db.createObjectStore('sources', { keyPath: 'id' });
        for (const i of ['engagementId', 'url', 'outlet']) sources.createIndex(i, i);
        const passages = db.createObjectStore('passages', { keyPath: 'id' });
        for (const i of ['url', 'createdAt']) passages.createIndex(i, i);
        for (const i of ['entityIds', 'tags']) passages.createIndex(i, i, { multiEntry: true });
      };
      const db = (await req(open)) as IDBDatabase;
      const tx = db.transaction(['entities', 'engagements', 'sources', 'passages'], 'readwrite');
      tx.objectStore('entities').put({
        kind: 'official',
        id: 'official:aylin-demir',
        name: 'Aylin Demir',
        aliases: ['A. Demir'],
        country: 'TR',
        offices: [{ office: 'Deputy Interior Minister', country: 'TR', from: '2025-01-01' }],
      });
      tx.objectStore('engagements').put({
        id: 'eng:old-1',
        kind: 'meeting',
        participants: [
          { name: 'Aylin Demir', entityId: 'official:aylin-demir', role: 'Deputy Interior Minister', country: 'TR' },
          { name: 'Mohsin Naqvi', entityId: 'official:mohsin-naqvi', role: 'Interior Minister', country: 'PK' },
        ],
        participantIds: ['official:aylin-demir', 'official:mohsin-naqvi'],
        countries: ['TR', 'PK'],
        countryPairs: ['PK|TR'],
        place: 'Ankara',
        date: '2025-10-02',
        datePrecision: 'day',
        topics: ['illegal-migration'],
        figures: [],
        summary: 'Turkish Deputy Interior Minister Aylin Demir met Pakistani Interior Minister Mohsin Naqvi in Ankara.',
        origin: 'captured',
        createdAt: 1,
        updatedAt: 2,
      });
      tx.objectStore('sources').put({
        id: 'src:old-1',
        engagementId: 'eng:old-1',
        url: 'https://news.example/ankara',
        outlet: 'Anatolia Desk',
        title: 'Ankara talks',
        published: '2025-10-02',
        capturedAt: 3,
      });
      tx.objectStore('passages').put({
        id: 'passage:old-1',
        url: 'https://news.example/ankara',
        title: 'Ankara talks',
        outlet: 'Anatolia Desk',
        published: '2025-10-02',
        selectors: {
          quote: { exact: 'a joint task force on smuggling', prefix: '', suffix: '' },
          position: { start: 0, end: 31 },
        },
        entityIds: ['official:aylin-demir'],
        note: 'keep',
        tags: ['turkey'],
        createdAt: 4,
        updatedAt: 5,
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });
    // The update: the browser comes back with the current build, whose background opens the old database.
    await b.close();
    b = await launchWithExtension({ profileDir });
    const popup = await openPopup(b, '?tab=timeline');
    await expect.poll(() => popup.textContent('body'), { timeout: 10_000 }).toContain('Aylin Demir');
    expect(await popup.textContent('body')).toContain('Anatolia Desk');
    const read = () =>
      popup.evaluate(
        () =>
          new Promise<{ version: number; counts: Record<string, number>; passage: unknown }>((resolve, reject) => {
            const open = indexedDB.open('counterpart');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const names = ['entities', 'engagements', 'sources', 'passages'];
              const tx = db.transaction(names);
              const counts: Record<string, number> = {};
              let passage: unknown = null;
              for (const n of names) {
                const c = tx.objectStore(n).count();
                c.onsuccess = () => {
                  counts[n] = c.result;
                };
              }
              const p = tx.objectStore('passages').get('passage:old-1');
              p.onsuccess = () => {
                passage = p.result;
              };
              tx.oncomplete = () => {
                resolve({ version: db.version, counts, passage });
                db.close();
              };
            };
          }),
      );
    // Seeding runs in the background after the upgrade; it may finish a moment after the timeline shows.
    await expect.poll(async () => (await read()).counts.engagements, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const after = await read();
    expect(after.version).toBeGreaterThan(10);
    // The old rows are all there; seeding on start added the seed rows beside them, never over them.
    expect(after.counts.engagements).toBeGreaterThanOrEqual(1 + 2);
    expect(after.counts.sources).toBeGreaterThanOrEqual(1 + 2);
    expect(after.counts.entities).toBeGreaterThanOrEqual(1 + 3);
    expect(after.counts.passages).toBe(1);
    expect(after.passage).toMatchObject({ note: 'keep', tags: ['turkey'], entityIds: ['official:aylin-demir'] });
    await popup.getByRole('tab', { name: /saved passages/i }).click();
    await expect.poll(() => popup.textContent('body')).toContain('a joint task force on smuggling');
    await popup.close();
  });
});
