import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, MAX_DETECT_CHARS } from '../../../lib/background/handlers';
import { MAX_AUTO_CAPTURES, memoryTabStore } from '../../../lib/background/tab-state';
import { CounterpartDB } from '../../../lib/db/schema';
import { seedDatabase } from '../../../lib/db/seed';
import type { Handlers, Request } from '../../../lib/messaging/protocol';
import { updateSettings } from '../../../lib/settings/settings';

const ROME_TEXT =
  'ROME: Italian Interior Minister Matteo Piantedosi met Pakistan’s Federal Minister for Interior Mohsin Naqvi ' +
  'in Rome on Wednesday. The two ministers discussed illegal migration and human trafficking.';
const ROME_TEXT_2 =
  'ISLAMABAD: Interior Minister Mohsin Naqvi held talks with his Italian counterpart Matteo Piantedosi in Rome ' +
  'on Wednesday, focusing on migrant smuggling networks.';

interface PageOptions {
  outlet?: string;
  published?: string;
  /** false: a page that is not an article (no html handed over, as for huge pages). */
  article?: boolean;
}

/** The request the content script sends for a page whose article says `text`. */
function page(url: string, text: string, o: PageOptions = {}): Request<'pageAnalyzed'> {
  const head =
    `<meta property="og:type" content="article"><meta property="og:site_name" content="${o.outlet ?? 'Example Times'}">` +
    `<meta property="article:published_time" content="${o.published ?? '2026-03-05'}">`;
  const paragraphs = text
    .split(/(?<=\.) /)
    .map((p) => `<p>${p}</p>`)
    .join('');
  const html = `<html><head><title>Ministers meet</title>${head}</head><body><article><h1>Ministers meet</h1>${paragraphs}</article></body></html>`;
  return {
    type: 'pageAnalyzed',
    url,
    title: 'Ministers meet',
    html: o.article === false ? null : html,
    text,
    entities: [{ id: 'official:mohsin-naqvi', kind: 'official', name: 'Mohsin Naqvi', count: 2 }],
  };
}

describe('background handlers', () => {
  let db: CounterpartDB;
  let h: Handlers;
  const badges: [number, number][] = [];

  beforeEach(async () => {
    db = new CounterpartDB(`handlers-${Math.random()}`);
    await seedDatabase(db);
    badges.length = 0;
    h = createHandlers({ db, tabs: memoryTabStore(), setBadge: (t, n) => badges.push([t, n]) });
  });

  it('captures an article, then files a second outlet’s report of the same meeting as a source', async () => {
    const first = await h.pageAnalyzed(page('https://a.example/rome', ROME_TEXT), { tabId: 1 });
    expect(first.known).toBeNull();
    expect(badges).toContainEqual([1, 1]);
    const second = await h.pageAnalyzed(page('https://b.example/naqvi', ROME_TEXT_2, { outlet: 'Other Daily' }), {
      tabId: 2,
    });
    expect(second.known?.otherSources.map((s) => s.outlet)).toEqual(['Example Times']);
    const rome = await h.queryTimeline({ type: 'queryTimeline', filter: { text: 'Piantedosi' } }, {});
    expect(rome.items).toHaveLength(1);
    expect(rome.items[0].sources.map((s) => s.outlet).sort()).toEqual(['Example Times', 'Other Daily']);
  });

  it.each([
    ['off', 'capture is off'],
    ['ask', 'capture asks first'],
  ] as const)('stores nothing when %s (%s) but still offers the draft', async (capture, _why) => {
    await updateSettings({ capture });
    const before = await db.engagements.count();
    await h.pageAnalyzed(page('https://a.example/rome', ROME_TEXT), { tabId: 3 });
    expect(await db.engagements.count()).toBe(before);
    const { draft } = await h.getDraft({ type: 'getDraft', tabId: 3 }, {});
    expect(draft?.participants.map((p) => p.name)).toContain('Matteo Piantedosi');
  });

  it('offers the draft on "ask" and stores it when the reader accepts', async () => {
    await updateSettings({ capture: 'ask' });
    const res = await h.pageAnalyzed(page('https://a.example/rome', ROME_TEXT), { tabId: 5 });
    expect(res.offer?.summary).toContain('Piantedosi');
    const before = await db.engagements.count();
    const saved = await h.acceptOffer({ type: 'acceptOffer' }, { tabId: 5 });
    expect(saved.merged).toBe(false);
    expect(await db.engagements.count()).toBe(before + 1);
    await expect(h.acceptOffer({ type: 'acceptOffer' }, { tabId: 99 })).rejects.toThrow(/nothing to save/);
  });

  it('does not capture pages that are not articles, or sites on the never-capture list', async () => {
    const before = await db.engagements.count();
    await h.pageAnalyzed(page('https://a.example/x', ROME_TEXT, { article: false }), {});
    await updateSettings({ neverCaptureSites: ['c.example'] });
    await h.pageAnalyzed(page('https://c.example/x', ROME_TEXT), {});
    expect(await db.engagements.count()).toBe(before);
  });

  it('summarizes an entity with its count and latest engagements, sources included', async () => {
    const [s] = await h.summarize({ type: 'summarize', entityIds: ['official:mohsin-naqvi'], latest: 3 }, {});
    expect(s.count).toBe(2);
    expect(s.latest[0].sources.length).toBeGreaterThan(0);
    const [none] = await h.summarize({ type: 'summarize', entityIds: ['official:nobody'] }, {});
    expect(none).toEqual({ entityId: 'official:nobody', count: 0, latest: [] });
  });

  it('saves, lists, deletes and restores passages, and remembers orphans per page', async () => {
    const saved = await h.savePassage(
      {
        type: 'savePassage',
        passage: {
          url: 'https://a.example/rome',
          title: 't',
          outlet: null,
          published: null,
          selectors: { quote: { exact: 'illegal migration', prefix: '', suffix: '' }, position: { start: 1, end: 2 } },
          entityIds: [],
        },
      },
      {},
    );
    expect(await h.listPassages({ type: 'listPassages', url: 'https://a.example/rome' }, {})).toHaveLength(1);
    const gone = await h.deletePassage({ type: 'deletePassage', id: saved.id }, {});
    expect(await h.listPassages({ type: 'listPassages', url: 'https://a.example/rome' }, {})).toHaveLength(0);
    await h.restorePassage({ type: 'restorePassage', passage: gone }, {});
    expect(await h.listPassages({ type: 'listPassages', url: 'https://a.example/rome' }, {})).toHaveLength(1);
    await h.reportOrphans({ type: 'reportOrphans', url: 'https://a.example/rome', orphanIds: [saved.id] }, {});
    expect(await h.getOrphans({ type: 'getOrphans', tabId: 9 }, {})).toEqual([]);
    await h.pageAnalyzed(page('https://a.example/rome', 'x', { article: false }), { tabId: 9 });
    expect(await h.getOrphans({ type: 'getOrphans', tabId: 9 }, {})).toEqual([saved.id]);
  });

  it('adds an official to the gazetteer and detects it on the next page', async () => {
    await h.putOfficial(
      {
        type: 'putOfficial',
        official: {
          kind: 'official',
          id: 'official:zed-qorbani',
          name: 'Zed Qorbani',
          aliases: [],
          country: 'AF',
          offices: [],
        },
      },
      {},
    );
    const { officials } = await h.getGazetteer({ type: 'getGazetteer' }, {});
    expect(officials.map((o) => o.name)).toContain('Zed Qorbani');
  });
});

describe('background handlers under hostile pages', () => {
  let db: CounterpartDB;
  let tabs: ReturnType<typeof memoryTabStore>;
  let h: Handlers;
  /** What happened, in order: the database's first use after the hostile page arrived, the other tab's answer. */
  const events: string[] = [];
  let watching = false;

  beforeEach(async () => {
    db = new CounterpartDB(`hostile-${Math.random()}`);
    // Every database operation opens a transaction: the first one after the page arrived marks the analysis' end.
    db.use({
      stack: 'dbcore',
      name: 'watch',
      create: (down) => ({
        ...down,
        transaction: (...args: Parameters<typeof down.transaction>) => {
          if (watching && !events.includes('database')) events.push('database');
          return down.transaction(...args);
        },
      }),
    });
    await seedDatabase(db);
    events.length = 0;
    watching = false;
    tabs = memoryTabStore();
    h = createHandlers({ db, tabs, setBadge: () => {}, now: () => Date.parse('2026-03-05T10:00:00Z') });
  });

  /** A different meeting on every page: the same two ministers, a year apart each time. */
  const story = (i: number) =>
    `ROME: Italian Interior Minister Matteo Piantedosi met Pakistan’s Federal Minister for Interior Mohsin Naqvi in Rome on 4 March ${1980 + i}. The two ministers discussed illegal migration.`;

  it('captures a bounded number of engagements from a tab that changes its URL forty times', async () => {
    const before = await db.engagements.count();
    for (let i = 0; i < 40; i++) await h.pageAnalyzed(page(`https://spa.example/story/${i}`, story(i)), { tabId: 7 });
    const added = (await db.engagements.count()) - before;
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(MAX_AUTO_CAPTURES);
    // The last page's draft is not lost: the popup can still save it.
    const { draft } = await h.getDraft({ type: 'getDraft', tabId: 7 }, {});
    expect(draft?.date).toBe('2019-03-04');
    // Another tab is not held back by this one's rate.
    await h.pageAnalyzed(page('https://other.example/a', story(41)), { tabId: 8 });
    expect((await db.engagements.count()) - before).toBe(added + 1);
  });

  it('captures a page once however often the tab re-analyses it', async () => {
    const before = await db.engagements.count();
    for (let i = 0; i < 5; i++) await h.pageAnalyzed(page('https://a.example/rome', story(0)), { tabId: 7 });
    expect((await db.engagements.count()) - before).toBe(1);
  });

  it('runs one analysis per tab: a newer request replaces the one in flight, whose answer is dropped', async () => {
    const before = await db.engagements.count();
    const answers = await Promise.all(
      [1, 2, 3].map((i) => h.pageAnalyzed(page(`https://spa.example/story/${i}`, story(i)), { tabId: 7 })),
    );
    expect(answers.map((a) => a.report.url)).toEqual([1, 2, 3].map((i) => `https://spa.example/story/${i}`));
    expect(answers[0].report.meta.isArticle).toBe(false);
    expect(answers[1].report.meta.isArticle).toBe(false);
    expect(answers[2].report.meta.isArticle).toBe(true);
    expect((await tabs.get(7))?.report.url).toBe('https://spa.example/story/3');
    expect((await db.engagements.count()) - before).toBe(1);
  });

  it('answers another tab’s detect while a hostile page is being analysed', async () => {
    const marksText = 'Interior Minister Mohsin Naqvi met Bernard Quintin in Brussels.';
    // A background that has served a page before has its detector built (and has seen the gazetteer's first
    // live-query answer, which resets it).
    await h.detect({ type: 'detect', text: marksText, date: null }, { tabId: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await h.detect({ type: 'detect', text: marksText, date: null }, { tabId: 2 });
    let sentence = '';
    for (let i = 0; sentence.length < 150_000; i++)
      sentence += `${i % 2 ? 'the two ministers discussed border security' : 'Mohsin Naqvi met Bernard Quintin on Monday'}, `;
    watching = true;
    const hostile = h.pageAnalyzed(page('https://h.example/long', sentence), { tabId: 1 });
    // The other tab's question arrives just after the hostile page, as a message does: in a task of its own.
    const answer = new Promise((resolve) => setTimeout(resolve, 0)).then(async () => {
      const d = await h.detect({ type: 'detect', text: marksText, date: null }, { tabId: 2 });
      events.push('detect');
      return d;
    });
    const [result, detected] = await Promise.all([hostile, answer]);
    expect(detected.officials.map((o) => o.name)).toContain('Bernard Quintin');
    expect(result.report.url).toBe('https://h.example/long');
    expect(events).toEqual(['detect', 'database']);
  });

  it(`detects in at most ${MAX_DETECT_CHARS.toLocaleString('en')} characters of one question`, async () => {
    const text = `${'Nothing to see here at all. '.repeat(MAX_DETECT_CHARS / 28 + 10)}Mohsin Naqvi spoke.`;
    const d = await h.detect({ type: 'detect', text, date: null }, { tabId: 2 });
    expect(d.mentions.every((m) => m.end <= MAX_DETECT_CHARS)).toBe(true);
    expect(d.officials).toEqual([]);
  });
});

describe('what a page can ask the background to open', () => {
  let db: CounterpartDB;
  let opened: string[];
  let h: Handlers;

  beforeEach(async () => {
    db = new CounterpartDB(`open-${Math.random()}`);
    await seedDatabase(db);
    opened = [];
    h = createHandlers({ db, tabs: memoryTabStore(), setBadge: () => {}, openTab: async (u) => void opened.push(u) });
  });

  it('opens the timeline of an entity as an extension path it builds itself', async () => {
    await h.openTimeline({ type: 'openTimeline', entityId: 'official:mohsin-naqvi' }, { tabId: 1 });
    expect(opened).toEqual(['/popup.html?tab=timeline&entity=official%3Amohsin-naqvi']);
  });

  it('opens a source only when it is a web URL of that engagement', async () => {
    const [engagement] = await db.engagements.toArray();
    const [source] = await db.sources.where('engagementId').equals(engagement.id).toArray();
    await h.openSource({ type: 'openSource', engagementId: engagement.id, url: source.url }, { tabId: 1 });
    expect(opened).toEqual([new URL(source.url).href]);
    for (const url of ['javascript:alert(1)', 'https://attacker.example/', 'chrome://settings', 'file:///etc/passwd']) {
      await expect(
        h.openSource({ type: 'openSource', engagementId: engagement.id, url }, { tabId: 1 }),
      ).rejects.toThrow('not in your timeline');
    }
    await expect(
      h.openSource({ type: 'openSource', engagementId: 'no-such-engagement', url: source.url }, { tabId: 1 }),
    ).rejects.toThrow('not in your timeline');
    expect(opened).toHaveLength(1);
  });
});

describe('the capture notice and the corrected draft', () => {
  let db: CounterpartDB;
  let opened: string[];
  let h: Handlers;

  beforeEach(async () => {
    db = new CounterpartDB(`capture-${Math.random()}`);
    await seedDatabase(db);
    opened = [];
    h = createHandlers({ db, tabs: memoryTabStore(), setBadge: () => {}, openTab: async (u) => void opened.push(u) });
  });

  it('says what a capture stored, and Undo from that page takes it back', async () => {
    const url = 'https://a.example/rome';
    const first = await h.pageAnalyzed(page(url, ROME_TEXT), { tabId: 1, url });
    expect(first.captured).toMatchObject({ merged: false, sources: 1, place: 'Rome' });
    expect(first.captured?.names).toEqual(expect.arrayContaining(['Matteo Piantedosi', 'Mohsin Naqvi']));
    const second = await h.pageAnalyzed(page('https://b.example/n', ROME_TEXT_2, { outlet: 'Other Daily' }), {
      tabId: 2,
      url: 'https://b.example/n',
    });
    expect(second.captured).toMatchObject({ merged: true, sources: 2, engagementId: first.captured?.engagementId });
    const c = first.captured as NonNullable<typeof first.captured>;

    // Another page cannot take back this page's capture.
    await expect(
      h.undoPageCapture(
        { type: 'undoPageCapture', engagementId: c.engagementId, sourceId: c.sourceId },
        {
          tabId: 2,
          url: 'https://b.example/n',
        },
      ),
    ).rejects.toThrow('Nothing to undo');
    await h.undoPageCapture({ type: 'undoPageCapture', ...c }, { tabId: 1, url: `${url}#comments` });
    expect(await db.sources.get(c.sourceId)).toBeUndefined();
    expect(await db.sources.where('url').equals('https://b.example/n').count()).toBe(1);
  });

  it('Edit opens the timeline on that engagement, and only on one that exists', async () => {
    const [e] = await db.engagements.toArray();
    await h.openEngagement({ type: 'openEngagement', engagementId: e.id }, { tabId: 1 });
    expect(opened).toEqual([`/popup.html?tab=timeline&engagement=${encodeURIComponent(e.id)}`]);
    await expect(h.openEngagement({ type: 'openEngagement', engagementId: 'eng:none' }, { tabId: 1 })).rejects.toThrow(
      'no longer in the timeline',
    );
  });

  it('saving a corrected draft of a captured page changes that engagement', async () => {
    const url = 'https://a.example/rome';
    const first = await h.pageAnalyzed(page(url, ROME_TEXT), { tabId: 1, url });
    const { draft } = await h.getDraft({ type: 'getDraft', tabId: 1 }, {});
    if (!draft) throw new Error('no draft');
    const corrected = { ...draft, kind: 'call' as const, place: 'Milan', topics: ['narcotics' as const] };
    const r = await h.saveDraft({ type: 'saveDraft', tabId: 1, draft: corrected }, {});
    expect(r).toEqual({ engagementId: first.captured?.engagementId, merged: true, corrected: true });
    const e = await db.engagements.get(r.engagementId);
    expect(e).toMatchObject({ kind: 'call', place: 'Milan', topics: ['narcotics'] });
  });
});
