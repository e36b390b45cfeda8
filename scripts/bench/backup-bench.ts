/**
 * Backup round trip: a timeline of 100,000 engagements, each with a source, exported (read, fitted to the limits,
 * compact JSON in files an import accepts) and imported into an empty database (every file validated, then written
 * in one transaction), through the same functions as the options page. Each step is printed next to a baseline
 * measured in the same run on the same rows:
 * - export: reading the tables and `JSON.stringify` of what was read (the least any export costs), and the bytes
 *   of the pretty-printed single file the export used to write;
 * - import: `JSON.parse` of the files, and a raw `bulkAdd` of rows already derived (the least any import costs).
 * Runs on fake-indexeddb in Node (or whatever IndexedDB the global scope has).
 *
 *   npx tsx scripts/bench/backup-bench.ts [count]
 */
import type { DexieOptions } from 'dexie';
import { type BackupV1, backupFiles, exportBackup, MAX_BACKUP_BYTES, utf8Length } from '../../lib/db/backup';
import { toStoredEngagement, toStoredEntity, toStoredPassage } from '../../lib/db/derive';
import { CounterpartDB } from '../../lib/db/schema';
import type { Engagement, Entity, Passage, Source } from '../../lib/types';
import { importFiles } from '../../lib/ui/import-file';
import { syntheticEngagements } from './db-bench';

export interface BackupBenchOptions {
  count?: number;
  dexieOptions?: DexieOptions;
  log?: (line: string) => void;
}

const OUTLETS = ['Example Wire', 'Le Monde Exemple', 'Dawn Sample', 'Der Beispiel-Spiegel', 'Ōsaka Shimbun Test'];

/** One source per engagement, with the kind of url, outlet and title capture stores (some non-ASCII). */
export function syntheticSources(engagements: readonly Engagement[]): Source[] {
  return engagements.map((e, i) => ({
    id: `bench-src:${i.toString().padStart(7, '0')}`,
    engagementId: e.id,
    url: `https://news${i % 40}.example/${e.date?.slice(0, 7) ?? 'undated'}/${e.participants[0].name.toLowerCase().replace(/\W+/g, '-')}-${i}?utm_source=feed`,
    outlet: OUTLETS[i % OUTLETS.length],
    title: `${e.participants[0].name} and ${e.participants[1]?.name ?? 'a counterpart'} discuss cooperation — report ${i}`,
    published: e.date,
    capturedAt: e.createdAt + 86_400_000,
  }));
}

/** A saved passage for every `every`-th engagement, quoting its summary. */
export function syntheticPassages(
  engagements: readonly Engagement[],
  sources: readonly Source[],
  every = 50,
): Passage[] {
  const out: Passage[] = [];
  for (let i = 0; i < engagements.length; i += every) {
    const e = engagements[i];
    const exact = e.summary.slice(0, 60);
    out.push({
      id: `bench-passage:${i}`,
      url: sources[i].url.split('?')[0],
      title: sources[i].title,
      outlet: sources[i].outlet,
      published: e.date,
      selectors: {
        quote: { exact, prefix: 'Officials said ', suffix: ' on Tuesday.' },
        position: { start: 15, end: 15 + exact.length },
      },
      entityIds: e.participantIds,
      note: i % 100 === 0 ? 'Follow up: figures for the last quarter.' : '',
      tags: i % 100 === 0 ? ['follow-up'] : [],
      createdAt: e.createdAt,
      updatedAt: e.createdAt,
    });
  }
  return out;
}

export function syntheticEntities(): Entity[] {
  return [
    { kind: 'official', id: 'official:bench-0', name: 'Amir Khan0', aliases: ['A. Khan'], country: 'PK', offices: [] },
    { kind: 'official', id: 'official:bench-1', name: 'Sara Khan1', aliases: [], country: 'BE', offices: [] },
  ];
}

function round(n: number): number {
  return Math.round(n);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function memory(step: string): void {
  (globalThis as { gc?: () => void }).gc?.();
  if (process.env.BENCH_MEMORY) console.log(`  heap after ${step}: ${mb(process.memoryUsage().heapUsed)}`);
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

interface Rows {
  engagements: Engagement[];
  sources: Source[];
  passages: Passage[];
  entities: Entity[];
}

type Open = (name: string) => Promise<CounterpartDB>;

/**
 * Each phase opens its own database and deletes it before returning numbers only: at 100,000 engagements, two
 * fake-indexeddb databases with their indexes, the files and a parsed backup do not fit in Node's default heap
 * together, and a database object still in scope keeps all its rows alive.
 */
async function exportPhase(rows: Rows, open: Open) {
  const db = await open('origin');
  const load = await timed(async () => {
    const CHUNK = 5000;
    for (let i = 0; i < rows.engagements.length; i += CHUNK) {
      await db.engagements.bulkAdd(rows.engagements.slice(i, i + CHUNK).map(toStoredEngagement));
      await db.sources.bulkAdd(rows.sources.slice(i, i + CHUNK));
    }
    await db.passages.bulkAdd(rows.passages.map(toStoredPassage));
    await db.entities.bulkAdd(rows.entities.map(toStoredEntity));
  });
  memory('load');
  let backup: BackupV1 | null = null;
  let files: string[] = [];
  const exported = await timed(async () => {
    backup = await exportBackup(db);
    files = backupFiles(backup);
  });
  const read = await timed(async () => {
    const tables = [db.entities, db.engagements, db.sources, db.passages];
    const all = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.toArray())));
    return all.reduce((n, r) => n + r.length, 0);
  });
  const stringify = await timed(() => utf8Length(JSON.stringify(backup)));
  const prettyBytes = utf8Length(JSON.stringify(backup, null, 2));
  backup = null;
  db.close();
  await db.delete();
  memory('export');
  return { files, loadMs: load.ms, exportMs: exported.ms, readMs: read.ms, stringify, prettyBytes };
}

async function importPhase(files: readonly string[], open: Open) {
  const db = await open('target');
  const picked = files.map((text, i) => ({
    name: `part-${i + 1}.json`,
    size: utf8Length(text),
    text: async () => text,
  }));
  const imported = await timed(() => importFiles(db, picked));
  if (!imported.value.ok) throw new Error(`import failed: ${imported.value.error}`);
  const restored = (await exportBackup(db)).engagements.length;
  db.close();
  await db.delete();
  memory('import');
  return { ms: imported.ms, added: imported.value.value.added, restored };
}

async function rawWritePhase(rows: Rows, open: Open): Promise<number> {
  const db = await open('raw');
  const derived = {
    engagements: rows.engagements.map(toStoredEngagement),
    passages: rows.passages.map(toStoredPassage),
    entities: rows.entities.map(toStoredEntity),
  };
  const write = await timed(() =>
    db.transaction('rw', db.entities, db.engagements, db.sources, db.passages, async () => {
      await db.entities.bulkAdd(derived.entities);
      await db.engagements.bulkAdd(derived.engagements);
      await db.sources.bulkAdd(rows.sources);
      await db.passages.bulkAdd(derived.passages);
    }),
  );
  db.close();
  await db.delete();
  memory('raw write');
  return write.ms;
}

export async function runBackupBench(options: BackupBenchOptions = {}): Promise<Record<string, unknown>> {
  const count = options.count ?? 100_000;
  const log = options.log ?? ((line: string) => console.log(line));
  let dexieOptions = options.dexieOptions;
  if (!dexieOptions && typeof indexedDB === 'undefined') {
    // Dexie reads the global IndexedDB when it is first imported, which is before this point: hand it over.
    const fake = await import('fake-indexeddb');
    dexieOptions = { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange };
  }
  const stamp = Date.now();
  const names: string[] = [];
  const open: Open = async (name) => {
    const full = `counterpart-backup-bench-${name}-${stamp}`;
    names.push(full);
    return new CounterpartDB(full, dexieOptions);
  };

  try {
    const engagements = syntheticEngagements(count);
    const sources = syntheticSources(engagements);
    const rows: Rows = {
      engagements,
      sources,
      passages: syntheticPassages(engagements, sources),
      entities: syntheticEntities(),
    };
    const records = rows.engagements.length + rows.sources.length + rows.passages.length + rows.entities.length;

    const ex = await exportPhase(rows, open);
    log(
      `backup-bench: ${count} engagements, ${rows.sources.length} sources, ${rows.passages.length} passages, ${rows.entities.length} entities (${records} records) loaded in ${round(ex.loadMs)} ms`,
    );
    const parts = ex.files.length;
    const bytes = ex.files.reduce((n, f) => n + utf8Length(f), 0);
    const largest = Math.max(...ex.files.map(utf8Length));
    const parse = await timed(() => ex.files.map((f) => JSON.parse(f) as unknown).length);
    const im = await importPhase(ex.files, open);
    ex.files.length = 0;
    if (im.added !== records) throw new Error(`import added ${im.added} of ${records} records`);
    if (im.restored !== count) throw new Error(`restored ${im.restored} of ${count} engagements`);
    const rawMs = await rawWritePhase(rows, open);

    const table: [string, number, string, string, number, string][] = [
      [`export (${parts} file${parts > 1 ? 's' : ''})`, ex.exportMs, mb(bytes), 'read the tables', ex.readMs, ''],
      ['', Number.NaN, '', 'JSON.stringify of the rows', ex.stringify.ms, mb(ex.stringify.value)],
      ['', Number.NaN, '', 'pretty-printed (old export)', Number.NaN, mb(ex.prettyBytes)],
      ['import (validate + write)', im.ms, '', 'JSON.parse of the files', parse.ms, ''],
      ['', Number.NaN, '', 'raw bulkAdd of derived rows', rawMs, ''],
    ];
    const ms = (n: number) => (Number.isNaN(n) ? '' : String(round(n)));
    log(
      `${'step'.padEnd(28)} ${'ms'.padStart(8)} ${'size'.padStart(9)}   ${'baseline'.padEnd(28)} ${'ms'.padStart(8)} ${'size'.padStart(9)}`,
    );
    for (const [step, a, size, base, b, baseSize] of table) {
      log(
        `${step.padEnd(28)} ${ms(a).padStart(8)} ${size.padStart(9)}   ${base.padEnd(28)} ${ms(b).padStart(8)} ${baseSize.padStart(9)}`,
      );
    }
    log(`largest file ${mb(largest)}; an import reads at most ${mb(MAX_BACKUP_BYTES)} per file`);

    return {
      engine: typeof navigator !== 'undefined' && navigator.userAgent ? navigator.userAgent : 'fake-indexeddb',
      count,
      records,
      loadMs: round(ex.loadMs),
      export: { ms: round(ex.exportMs), files: parts, bytes, largestFileBytes: largest },
      exportBaseline: {
        readMs: round(ex.readMs),
        stringifyMs: round(ex.stringify.ms),
        stringifyBytes: ex.stringify.value,
        prettyPrintedBytes: ex.prettyBytes,
      },
      import: { ms: round(im.ms), added: im.added },
      importBaseline: { parseMs: round(parse.ms), rawBulkAddMs: round(rawMs) },
    };
  } finally {
    // A phase that threw leaves its database behind; deleting one that is gone is a no-op.
    for (const name of names) await new CounterpartDB(name, dexieOptions).delete();
  }
}

const isMain = typeof process !== 'undefined' && /(^|[\\/])backup-bench\.ts$/.test(process.argv[1] ?? '');
if (isMain) {
  const [count] = process.argv.slice(2).map(Number);
  runBackupBench({ count: count || undefined })
    .then(() => console.log('1 passed, 0 failed'))
    .catch((e: unknown) => {
      console.error(e);
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    });
}
