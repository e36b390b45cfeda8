/**
 * `npm run timeline`: article files run in order through the extension's own pipeline and its own same-event
 * merge (`recordEngagement` of lib/db/timeline.ts, the code the background captures with) into an empty
 * timeline, here an in-memory IndexedDB. Node only.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CounterpartDB } from '../db/schema';
import { recordEngagement, sourcesFor } from '../db/timeline';
import { articleUrl } from '../db/url';
import type { Detector } from '../detect';
import { captureDraft } from '../pipeline';
import type { Engagement } from '../types';
import { InputError, LimitError, readSource } from './analyze-file';

/** What the command prints for one engagement (one JSON object per line). */
export interface TimelineEntry {
  kind: string;
  participants: string[];
  place: string | null;
  date: string | null;
  sources: { file: string; url: string; outlet: string | null; title: string | null; published: string | null }[];
}

/** What happened to one file. */
export interface FileOutcome {
  file: string;
  /** The engagement it became or joined; null when the article reports none, or could not be read. */
  engagementId: string | null;
  merged: boolean;
  /** A stored engagement it may be the same event as (kept apart: nobody is there to answer the question). */
  askedAbout: string | null;
  error: string | null;
}

export interface TimelineRun {
  engagements: TimelineEntry[];
  files: FileOutcome[];
  /** Engagement id of each entry, in the same order as `engagements`. */
  ids: string[];
}

const ARTICLE_FILE = /\.(html?|txt)$/i;

/** Files in the given order; a directory stands for its .html/.htm/.txt files (and subfolders'), sorted by path. */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && ARTICLE_FILE.test(e.name)) out.push(p);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = p !== '-' && (await stat(p)).isDirectory();
    } catch {
      // Missing paths are reported when read, with the analyze command's messages.
    }
    if (isDir) await walk(p);
    else out.push(p);
  }
  return out;
}

/** An empty timeline in memory: the extension's schema over fake-indexeddb, nothing seeded. */
export function memoryTimeline(): CounterpartDB {
  return new CounterpartDB(`timeline-${Date.now()}-${Math.random().toString(36).slice(2)}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
}

/** Where the file's article lives: its own declared address, else the file itself. */
function sourceUrl(file: string, declared: readonly string[]): string {
  const own = declared.find((u) => /^https?:\/\//i.test(u));
  return own ? articleUrl(own, declared) : pathToFileURL(resolve(file)).href;
}

function entryOf(e: Engagement, sources: TimelineEntry['sources']): TimelineEntry {
  return {
    kind: e.kind,
    participants: e.participants.map((p) => p.name),
    place: e.place,
    date: e.date,
    sources,
  };
}

/**
 * Runs `inputs` (already read) in order into `db` as the background's automatic capture would, and returns the
 * resulting engagements in the order they were first reported, each with its sources in input order.
 */
export async function buildTimeline(
  inputs: readonly { file: string; body: string }[],
  detector: Detector,
  db: CounterpartDB = memoryTimeline(),
  now: () => number = Date.now,
): Promise<TimelineRun> {
  const files: FileOutcome[] = [];
  const fileOfSource = new Map<string, string>();
  for (const { file, body } of inputs) {
    let read: ReturnType<typeof readSource>;
    try {
      read = readSource(file, body, detector);
    } catch (e) {
      if (!(e instanceof LimitError)) throw e;
      files.push({ file, engagementId: null, merged: false, askedAbout: null, error: e.message });
      continue;
    }
    const { analysis } = read;
    const draft = captureDraft(analysis);
    // The background captures articles only (not section fronts or search pages); the same rule here.
    if (!draft || !analysis.meta.isArticle) {
      files.push({ file, engagementId: null, merged: false, askedAbout: null, error: null });
      continue;
    }
    const { meta } = analysis;
    const res = await recordEngagement(
      db,
      draft,
      {
        url: sourceUrl(file, read.declaredUrls),
        outlet: meta.outlet,
        title: meta.title,
        published: meta.published,
        capturedAt: now(),
      },
      'captured',
      now(),
      { dateline: meta.dateline },
    );
    if (!res.ok) {
      files.push({ file, engagementId: null, merged: false, askedAbout: null, error: res.error });
      continue;
    }
    const { engagementId, merged, sourceId, ask } = res.value;
    if (sourceId) fileOfSource.set(sourceId, file);
    files.push({ file, engagementId, merged, askedAbout: ask ?? null, error: null });
  }

  const ids = [...new Set(files.flatMap((f) => (f.engagementId ? [f.engagementId] : [])))];
  const stored = await db.engagements.bulkGet(ids);
  const sources = await sourcesFor(db, ids);
  const order = (file: string) => inputs.findIndex((i) => i.file === file);
  const engagements: TimelineEntry[] = [];
  const kept: string[] = [];
  for (const [i, id] of ids.entries()) {
    const e = stored[i];
    if (!e) continue;
    const list = (sources[id] ?? [])
      .map((s) => ({ s, file: fileOfSource.get(s.id) ?? '' }))
      .sort((a, b) => order(a.file) - order(b.file))
      .map(({ s, file }) => ({ file, url: s.url, outlet: s.outlet, title: s.title, published: s.published }));
    engagements.push(entryOf(e, list));
    kept.push(id);
  }
  return { engagements, files, ids: kept };
}

export { InputError };
