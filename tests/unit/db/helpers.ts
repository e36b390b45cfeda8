/** Shared fixtures for the store tests: a fresh database per test and compact engagement drafts. */
import { afterEach } from 'vitest';
import { CounterpartDB } from '../../../lib/db/schema';
import type { EngagementDraft, Participant } from '../../../lib/types';

const open: CounterpartDB[] = [];
let counter = 0;

/** A database with a name no other test uses; closed and deleted after the test. */
export function freshDb(): CounterpartDB {
  const db = new CounterpartDB(`test-${Date.now()}-${counter++}-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

export const NAQVI: Participant = { name: 'Mohsin Naqvi', entityId: 'official:mohsin-naqvi', country: 'PK' };
export const BRUNNER: Participant = { name: 'Magnus Brunner', entityId: 'official:magnus-brunner', country: 'EU' };
export const QUINTIN: Participant = { name: 'Bernard Quintin', entityId: 'official:bernard-quintin', country: 'BE' };

export function draft(over: Partial<EngagementDraft> = {}): EngagementDraft {
  const participants = over.participants ?? [NAQVI, QUINTIN];
  return {
    kind: 'meeting',
    participants,
    countries: [...new Set(participants.flatMap((p) => (p.country ? [p.country] : [])))],
    place: 'Brussels',
    date: '2025-12-12',
    datePrecision: 'day',
    topics: ['illegal-migration'],
    figures: [],
    summary: `${participants.map((p) => p.name).join(' met ')} in Brussels.`,
    ...over,
  };
}

export function source(url: string, outlet: string, published: string | null = '2025-12-12') {
  return { url, outlet, title: null, published, capturedAt: Date.UTC(2025, 11, 12) };
}
