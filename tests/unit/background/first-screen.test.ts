/**
 * The popup's first-screen snapshots: every write through a watched database dates them, writes that change
 * nothing do not, and the background rewrites them so they answer exactly what it would answer now.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { keepFirstScreen } from '../../../lib/background/first-screen';
import { createHandlers } from '../../../lib/background/handlers';
import { memoryTabStore, type TabStore } from '../../../lib/background/tab-state';
import { REVISION_KEY, type SessionArea, sessionRevision, watchWrites } from '../../../lib/db/revision';
import { CounterpartDB } from '../../../lib/db/schema';
import { seedDatabase } from '../../../lib/db/seed';
import { recordEngagement } from '../../../lib/db/timeline';
import {
  firstRowsRequest,
  pageCountsRequest,
  questionKey,
  readFirstScreen,
  tabStateKey,
} from '../../../lib/messaging/first-screen';
import type { Handlers, PageReport } from '../../../lib/messaging/protocol';
import { memorySession } from '../memory-session';

const settle = () => new Promise((r) => setTimeout(r, 20));

const REPORT: PageReport = {
  url: 'https://news.example/naqvi-brussels',
  meta: {
    title: 'Naqvi in Brussels',
    outlet: 'Example Times',
    author: null,
    published: '2025-12-12',
    url: 'https://news.example/naqvi-brussels',
    dateline: null,
    isArticle: true,
  },
  entities: [
    { id: 'official:mohsin-naqvi', kind: 'official', name: 'Mohsin Naqvi', country: 'PK', count: 1 },
    { id: 'country:BE', kind: 'country', name: 'Belgium', count: 1 },
    { id: 'official:nobody-yet', kind: 'official', name: 'Nobody Yet', count: 1 },
  ],
};

const MEETING = {
  kind: 'meeting' as const,
  participants: [{ name: 'Mohsin Naqvi', entityId: 'official:mohsin-naqvi', country: 'PK' }],
  countries: ['PK', 'IT'],
  place: 'Rome',
  date: '2026-11-20',
  datePrecision: 'day' as const,
  topics: [],
  figures: [],
  summary: 'Naqvi met his Italian counterpart in Rome.',
};
const SOURCE = {
  url: 'https://wire.example/rome',
  outlet: 'Wire',
  title: null,
  published: '2026-11-20',
  capturedAt: 1,
};

describe('the database revision', () => {
  let db: CounterpartDB;
  let session: ReturnType<typeof memorySession>;
  const token = () => session.data.get(REVISION_KEY);

  beforeEach(async () => {
    session = memorySession();
    db = new CounterpartDB(`revision-${Math.random()}`);
    watchWrites(db, sessionRevision(session));
    await seedDatabase(db);
    await settle();
  });

  it.each([
    ['recording an engagement', (d: CounterpartDB) => recordEngagement(d, MEETING, SOURCE, 'user')],
    ['clearing the engagements', (d: CounterpartDB) => d.engagements.clear()],
    ['adding a source', (d: CounterpartDB) => d.sources.put({ ...SOURCE, id: 'src:x', engagementId: 'e:x' })],
    ['deleting a row', (d: CounterpartDB) => d.engagements.delete('seed:2025-12-12-naqvi-quintin')],
  ])('changes on %s', async (_, write) => {
    const before = token();
    expect(before).toEqual(expect.any(String));
    await write(db);
    await settle();
    expect(token()).not.toBe(before);
  });

  it.each([
    ['reading', (d: CounterpartDB) => d.engagements.toArray()],
    ['seeding a seeded database', (d: CounterpartDB) => seedDatabase(d)],
    ['clearing the saved passages', (d: CounterpartDB) => d.passages.clear()],
    ['editing the gazetteer', (d: CounterpartDB) => d.entities.delete('official:mohsin-naqvi')],
  ])('stays on %s', async (_, action) => {
    const before = token();
    await action(db);
    await settle();
    expect(token()).toBe(before);
  });
});

describe('the background keeping the first screen', () => {
  let db: CounterpartDB;
  let session: ReturnType<typeof memorySession>;
  let tabs: TabStore;
  let handlers: Handlers;
  let keeper: ReturnType<typeof keepFirstScreen>;
  const TIMELINE = questionKey('queryTimeline', firstRowsRequest({}));
  const COUNTS = questionKey('summarize', pageCountsRequest(REPORT));

  beforeEach(async () => {
    session = memorySession();
    db = new CounterpartDB(`keeper-${Math.random()}`);
    const revision = sessionRevision(session);
    watchWrites(db, revision);
    await seedDatabase(db);
    tabs = memoryTabStore();
    handlers = createHandlers({ db, tabs, setBadge: () => {} });
    keeper = keepFirstScreen({ handlers, session, revision, tabs, activeTabIds: async () => [3], settleMs: 5 });
    await tabs.set(3, { report: REPORT, draft: null, analysis: null });
    session.data.set(tabStateKey(3), { report: REPORT });
  });

  it('answers the timeline and a tab’s counts exactly as the background would', async () => {
    await keeper.timeline();
    await keeper.tab(3);
    const first = await readFirstScreen(session, ['timeline', 'tab-3'], 3);
    expect(first.answers.get(TIMELINE)).toEqual({
      ok: true,
      value: await handlers.queryTimeline({ type: 'queryTimeline', ...firstRowsRequest({}) }, {}),
    });
    expect(first.answers.get(COUNTS)).toEqual({
      ok: true,
      value: await handlers.summarize({ type: 'summarize', ...pageCountsRequest(REPORT) }, {}),
    });
    expect(first.report).toEqual(REPORT);
  });

  it('stops answering after a write, and answers with the write once rewritten', async () => {
    await keeper.timeline();
    await keeper.tab(3);
    await recordEngagement(db, MEETING, SOURCE, 'captured');
    await settle();
    const stale = await readFirstScreen(session, ['timeline', 'tab-3'], 3);
    expect(stale.answers.size).toBe(0);

    keeper.changed();
    await settle();
    await settle();
    const fresh = await readFirstScreen(session, ['timeline', 'tab-3'], 3);
    const rows = fresh.answers.get(TIMELINE);
    expect(rows?.ok && (rows.value as { items: { summary: string }[] }).items[0].summary).toBe(MEETING.summary);
    const counts = fresh.answers.get(COUNTS);
    const naqvi = counts?.ok && (counts.value as { entityId: string; count: number }[])[0];
    expect(naqvi).toMatchObject({ entityId: 'official:mohsin-naqvi', count: 3 });
  });

  it('rewrites after the popup had to ask, and forgets a closed tab', async () => {
    await keeper.tab(3);
    keeper.asked({ type: 'queryTimeline', ...firstRowsRequest({}) });
    await settle();
    expect((await readFirstScreen(session, ['timeline'])).answers.has(TIMELINE)).toBe(true);

    await keeper.forget(3);
    expect((await readFirstScreen(session, ['tab-3'], 3)).answers.size).toBe(0);
  });

  it('a hover card’s question or a filtered timeline is not a first-screen question', async () => {
    keeper.asked({ type: 'summarize', entityIds: ['official:mohsin-naqvi'], latest: 3 });
    keeper.asked({ type: 'queryTimeline', ...firstRowsRequest({ text: 'rome' }) });
    await settle();
    expect((await readFirstScreen(session, ['timeline'])).answers.size).toBe(0);
  });

  it('ignores snapshots it cannot trust', async () => {
    await keeper.timeline();
    const good = session.data.get('first-screen:timeline') as { rev: string };
    session.data.set('first-screen:timeline', { ...good, answer: 'not an answer' });
    expect((await readFirstScreen(session, ['timeline'])).answers.size).toBe(0);
    session.data.delete(REVISION_KEY);
    session.data.set('first-screen:timeline', good);
    expect((await readFirstScreen(session, ['timeline'])).answers.size).toBe(0);
    const broken: SessionArea = { ...session, get: () => Promise.reject(new Error('storage gone')) };
    expect(await readFirstScreen(broken, ['timeline'], 3)).toEqual({ answers: new Map(), report: null });
  });
});
