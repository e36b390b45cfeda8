// @vitest-environment happy-dom
/**
 * The popup's first screen comes from the background's quick answer (asked early, before the app loaded) and is
 * then kept live by the popup's own database queries, which load later.
 */
import { describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import { REVISION_KEY } from '../../../lib/db/revision';
import { recordEngagement } from '../../../lib/db/timeline';
import {
  FIRST_PAINT_ROWS,
  firstRowsRequest,
  pageCountsRequest,
  tabStateKey,
} from '../../../lib/messaging/first-screen';
import type { EngagementView, MessageType, PageReport } from '../../../lib/messaging/protocol';
import type { ActiveTab } from '../../../lib/ui/active-tab';
import {
  type EarlyRequests,
  publishEarlyRequests,
  startEarlyRequests,
  takePublishedEarlyRequests,
} from '../../../lib/ui/early-requests';
import { parsePopupParams } from '../../../lib/ui/popup-params';
import type { SendFn } from '../../../lib/ui/services';
import { memorySession } from '../memory-session';
import { button, click, draft, fakeServices, freshDb, type Handlers, mount, source, TAB, waitFor } from './helpers';

const REPORT: PageReport = {
  url: TAB.url ?? '',
  meta: {
    title: 'Naqvi meets Quintin',
    outlet: 'APP',
    author: null,
    published: '2025-12-12',
    url: TAB.url,
    dateline: null,
    isArticle: true,
  },
  entities: [
    { id: 'official:mohsin-naqvi', kind: 'official', name: 'Mohsin Naqvi', country: 'PK', count: 2 },
    { id: 'country:BE', kind: 'country', name: 'Belgium', count: 1 },
  ],
};

/** A send that records what was asked and answers from `handlers`. */
function recordingSend(handlers: Handlers) {
  const asked: [MessageType, unknown][] = [];
  const send = (async (type: MessageType, payload: unknown) => {
    asked.push([type, payload]);
    const h = handlers[type] as ((req: unknown) => unknown) | undefined;
    return h ? h(payload) : { ok: false, error: `No fake for ${type}` };
  }) as SendFn;
  return { send, asked };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('early requests', () => {
  it.each([
    ['the timeline', '?tab=timeline', [['queryTimeline', { filter: { limit: FIRST_PAINT_ROWS, offset: 0 } }]]],
    [
      'the timeline of one official (hover-card link)',
      '?tab=timeline&entity=official%3Amohsin-naqvi',
      [['queryTimeline', { filter: { entityId: 'official:mohsin-naqvi', limit: FIRST_PAINT_ROWS, offset: 0 } }]],
    ],
    [
      'on this page: the report, then the counts of its entities',
      '',
      [
        ['getPageReport', { tabId: TAB.id }],
        ['summarize', { entityIds: ['official:mohsin-naqvi', 'country:BE'], latest: 0 }],
      ],
    ],
    ['saved passages (read from the database only)', '?tab=passages', []],
    ['save this article (asks when drawn)', '?tab=save', []],
  ])('asks what %s needs first', async (_name, search, expected) => {
    const { send, asked } = recordingSend({
      queryTimeline: () => ({ ok: true, value: { items: [], hasMore: false } }),
      getPageReport: () => ({ ok: true, value: REPORT }),
      summarize: () => ({ ok: true, value: [] }),
    });
    startEarlyRequests(parsePopupParams(search), send, async () => TAB);
    await settle();
    await settle();
    expect(asked).toEqual(expected);
  });

  it.each<[string, ActiveTab | null, PageReport | null]>([
    ['there is no page tab', null, null],
    ['the page has no report', TAB, null],
    ['the page has no entities', TAB, { ...REPORT, entities: [] }],
  ])('asks for no counts when %s', async (_name, tab, report) => {
    const { send, asked } = recordingSend({ getPageReport: () => ({ ok: true, value: report }) });
    startEarlyRequests(parsePopupParams(''), send, async () => tab);
    await settle();
    await settle();
    expect(asked.map(([type]) => type)).toEqual(tab ? ['getPageReport'] : []);
  });

  it('hands each answer out once, and only for the same question', async () => {
    const { send } = recordingSend({ queryTimeline: () => ({ ok: true, value: { items: [], hasMore: false } }) });
    const early = startEarlyRequests(parsePopupParams('?tab=timeline'), send, async () => null);
    expect(early.take('queryTimeline', firstRowsRequest({ text: 'rome' }))).toBeUndefined();
    const answer = early.take('queryTimeline', firstRowsRequest({}));
    await expect(answer).resolves.toEqual({ ok: true, value: { items: [], hasMore: false } });
    expect(early.take('queryTimeline', firstRowsRequest({}))).toBeUndefined();
  });

  it.each([
    ['the timeline', '?tab=timeline', 'timeline', 'queryTimeline', firstRowsRequest({}), { items: [], hasMore: false }],
    ['on this page', '', `tab-${TAB.id}`, 'summarize', pageCountsRequest(REPORT), [{ entityId: 'x', count: 4 }]],
  ] as const)(
    'answers %s from current snapshots without asking the background',
    async (_n, search, slot, type, payload, value) => {
      const session = memorySession();
      session.data.set(REVISION_KEY, 'rev-1');
      session.data.set(`first-screen:${slot}`, { rev: 'rev-1', type, payload, answer: { ok: true, value } });
      session.data.set(tabStateKey(TAB.id), { report: REPORT });
      const { send, asked } = recordingSend({});
      const early = startEarlyRequests(parsePopupParams(search), send, async () => TAB, session);
      await settle();
      await settle();
      if (type === 'summarize')
        await expect(early.take('getPageReport', { tabId: TAB.id })).resolves.toEqual({ ok: true, value: REPORT });
      await expect(early.take(type, payload as never)).resolves.toEqual({ ok: true, value });
      expect(asked).toEqual([]);
    },
  );

  it('asks the background when the snapshot is older than the last write', async () => {
    const session = memorySession();
    session.data.set(REVISION_KEY, 'rev-2');
    const stale = { items: [view('Old', '2025-01-01')], hasMore: false };
    const payload = firstRowsRequest({});
    session.data.set('first-screen:timeline', {
      rev: 'rev-1',
      type: 'queryTimeline',
      payload,
      answer: { ok: true, value: stale },
    });
    const now = { items: [], hasMore: false };
    const { send, asked } = recordingSend({ queryTimeline: () => ({ ok: true, value: now }) });
    const early = startEarlyRequests(parsePopupParams('?tab=timeline'), send, async () => null, session);
    await expect(early.take('queryTimeline', payload)).resolves.toEqual({ ok: true, value: now });
    expect(asked.map(([t]) => t)).toEqual(['queryTimeline']);
  });

  it('stands down when the app started before the early script ran', () => {
    const scope = {};
    const early = { activeTab: Promise.resolve(null), take: () => undefined } as EarlyRequests;
    const start = vi.fn(() => early);
    publishEarlyRequests(start, scope);
    expect(takePublishedEarlyRequests(scope)).toBe(early);

    const late = {};
    expect(takePublishedEarlyRequests(late)).toBeUndefined();
    publishEarlyRequests(start, late);
    expect(start).toHaveBeenCalledTimes(1);
  });
});

function view(summary: string, date: string): EngagementView {
  return {
    ...draft({ summary, date }),
    id: `eng:${summary}`,
    participantIds: ['official:bernard-quintin', 'official:mohsin-naqvi'],
    countryPairs: ['BE|PK'],
    origin: 'captured',
    createdAt: 0,
    updatedAt: 0,
    sources: [{ ...source('https://bg.example/1', 'Background Times'), id: 'src:bg', engagementId: `eng:${summary}` }],
  };
}

/** Resolves when `release` is called: a popup whose database is still loading. */
function gate() {
  let release = () => {};
  const opened = new Promise<void>((r) => {
    release = r;
  });
  return { opened, release };
}

describe('the first screen from the background', () => {
  it("paints the background's first rows, then the database's whole page, kept live", async () => {
    const db = freshDb();
    for (let i = 1; i <= 12; i++)
      await recordEngagement(
        db,
        draft({ summary: `Talks number ${i}.`, date: `${2000 + i}-01-15` }),
        source(`https://db.example/${i}`, 'Dawn'),
      );
    const { opened, release } = gate();
    const services = fakeServices(db, {
      queryTimeline: () => ({
        ok: true,
        value: { items: [view('From the background.', '2020-02-01')], hasMore: true },
      }),
    });
    services.database = () => opened.then(() => db);
    const root = mount(<PopupApp services={services} params={parsePopupParams('?tab=timeline')} debounceMs={0} />);

    await waitFor(() => expect(root.querySelector('.engagement')?.textContent).toContain('From the background.'));
    expect(root.querySelector('.engagement .sources')?.textContent).toContain('Background Times');
    // Not the whole page yet: no count and no "Show more" to act on.
    expect(root.querySelector('.count')?.textContent?.trim()).toBe('');
    expect(root.textContent).not.toContain('Show more');

    release();
    await waitFor(() => expect(root.querySelectorAll('.engagement')).toHaveLength(12));
    expect(root.textContent).not.toContain('From the background.');
    expect(root.querySelector('.count')?.textContent).toBe('12 engagements');

    // Live from here: a write shows without asking the background again.
    const asked = services.send.mock.calls.length;
    await recordEngagement(
      db,
      draft({ summary: 'A new meeting.', date: '2024-03-01' }),
      source('https://x.example', 'X'),
    );
    await waitFor(() => expect(root.querySelector('.engagement')?.textContent).toContain('A new meeting.'));
    expect(services.send.mock.calls.length).toBe(asked);
  });

  it('keeps the rows on screen when the reader asks for more', async () => {
    const db = freshDb();
    for (let i = 0; i < 60; i++)
      await recordEngagement(
        db,
        draft({ summary: `Talks ${i}.`, date: `${1950 + i}-06-01` }),
        source(`https://db.example/${i}`, 'Dawn'),
      );
    const services = fakeServices(db, {
      queryTimeline: () => ({
        ok: true,
        value: { items: [view('From the background.', '2020-02-01')], hasMore: true },
      }),
    });
    const root = mount(<PopupApp services={services} params={parsePopupParams('?tab=timeline')} debounceMs={0} />);
    await waitFor(() => expect(root.querySelectorAll('.engagement')).toHaveLength(50));
    let fewest = 50;
    const watch = new MutationObserver(() => {
      fewest = Math.min(fewest, root.querySelectorAll('.engagement').length);
    });
    watch.observe(root, { childList: true, subtree: true });
    await click(button(root, 'Show more'));
    await waitFor(() => expect(root.querySelectorAll('.engagement')).toHaveLength(60));
    watch.disconnect();
    expect(fewest).toBe(50);
  });

  it('does not wait for a background that never answers', async () => {
    const db = freshDb();
    await recordEngagement(db, draft({ summary: 'Only in the database.' }), source('https://db.example/1', 'Dawn'));
    const services = fakeServices(db);
    services.send.mockImplementation(() => new Promise(() => {}));
    const root = mount(<PopupApp services={services} params={parsePopupParams('?tab=timeline')} debounceMs={0} />);
    await waitFor(() => expect(root.querySelector('.engagement')?.textContent).toContain('Only in the database.'));
  });

  it('says what went wrong when the database cannot be opened and the background did not answer', async () => {
    const services = fakeServices(freshDb());
    services.database = () => Promise.reject(new Error('The database could not be opened.'));
    const root = mount(<PopupApp services={services} params={parsePopupParams('?tab=timeline')} debounceMs={0} />);
    await waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('could not be opened'));
  });

  it('shows the counts on "On this page" from the background before the database is open', async () => {
    const db = freshDb();
    const { opened } = gate(); // never opens in this test
    const services = fakeServices(db, {
      getPageReport: () => ({ ok: true, value: REPORT }),
      summarize: ({ entityIds }) => ({
        ok: true,
        value: entityIds.map((entityId) => ({ entityId, count: entityId === 'country:BE' ? 5 : 0, latest: [] })),
      }),
    });
    services.database = () => opened.then(() => db);
    const root = mount(<PopupApp services={services} params={parsePopupParams('')} debounceMs={0} />);
    await waitFor(() => expect(root.textContent).toContain('5 engagements'));
    expect(root.textContent).toContain('none yet');
    expect(services.send).toHaveBeenCalledWith('summarize', {
      entityIds: ['official:mohsin-naqvi', 'country:BE'],
      latest: 0,
    });
  });
});
