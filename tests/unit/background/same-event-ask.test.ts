import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { memoryTabStore } from '../../../lib/background/tab-state';
import { CounterpartDB } from '../../../lib/db/schema';
import type { Handlers, Request } from '../../../lib/messaging/protocol';
import { updateSettings } from '../../../lib/settings/settings';

// Written for this test: a meeting in Rome, then a report of the Pakistani minister with someone else in Rome the
// same day (the grey zone: his next appointment, or the same meeting told through another official).
const MEETING =
  'ROME: Italian Interior Minister Matteo Piantedosi met Pakistan’s Interior Minister Mohsin Naqvi in Rome on ' +
  'Wednesday. The two ministers discussed illegal migration and human smuggling.';
const GREY =
  'ROME: Pakistan’s Interior Minister Mohsin Naqvi met Italian police chief Vittorio Pisani in Rome on ' +
  'Wednesday. They discussed illegal migration and human smuggling.';

function page(url: string, text: string, outlet: string): Request<'pageAnalyzed'> {
  const head = `<meta property="og:type" content="article"><meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="2026-03-05">`;
  const body = text
    .split(/(?<=\.) /)
    .map((p) => `<p>${p}</p>`)
    .join('');
  return {
    type: 'pageAnalyzed',
    url,
    title: 'Ministers meet',
    html: `<html><head><title>Ministers meet</title>${head}</head><body><article><h1>Ministers meet</h1>${body}</article></body></html>`,
    text,
    entities: [],
  };
}

describe('the grey zone asks the reader, and the answer is kept', () => {
  let db: CounterpartDB;
  let h: Handlers;
  beforeEach(() => {
    db = new CounterpartDB(`ask-${Math.random()}`);
    h = createHandlers({ db, tabs: memoryTabStore(), setBadge: () => {} });
  });

  it('asks on the page and in Save this article; “yes” makes the article a source', async () => {
    const first = await h.pageAnalyzed(page('https://a.example/rome', MEETING, 'Example Times'), { tabId: 1 });
    expect(first.ask ?? null).toBeNull();
    const [stored] = await db.engagements.toArray();

    const second = await h.pageAnalyzed(page('https://b.example/naqvi?utm_source=x', GREY, 'Other Daily'), {
      tabId: 2,
    });
    expect(second.known).toBeNull();
    expect(second.ask).toMatchObject({ engagementId: stored.id, outlet: 'Example Times', date: '2026-03-04' });
    // Not merged silently: the report was kept apart meanwhile.
    expect(await db.engagements.count()).toBe(2);
    expect((await h.getDraft({ type: 'getDraft', tabId: 2 }, {})).ask?.engagementId).toBe(stored.id);

    // Only the question this tab was asked can be answered.
    await expect(
      h.answerSameEvent({ type: 'answerSameEvent', engagementId: 'eng:other', same: true }, { tabId: 2 }),
    ).rejects.toThrow(/no longer open/);

    const yes = await h.answerSameEvent({ type: 'answerSameEvent', engagementId: stored.id, same: true }, { tabId: 2 });
    expect(yes.known?.otherSources.map((s) => s.outlet)).toEqual(['Example Times']);
    expect(await db.engagements.count()).toBe(1);
    expect((await db.sources.toArray()).map((s) => s.engagementId)).toEqual([stored.id, stored.id]);
    expect((await h.getDraft({ type: 'getDraft', tabId: 2 }, {})).ask ?? null).toBeNull();

    // The page opened again: already a source, nothing asked.
    const again = await h.pageAnalyzed(page('https://b.example/naqvi', GREY, 'Other Daily'), { tabId: 3 });
    expect(again.ask ?? null).toBeNull();
    expect(again.known?.otherSources.map((s) => s.outlet)).toEqual(['Example Times']);
  });

  it('“no” from the popup is remembered when capture asks first', async () => {
    await h.pageAnalyzed(page('https://a.example/rome', MEETING, 'Example Times'), { tabId: 1 });
    const [stored] = await db.engagements.toArray();
    await updateSettings({ capture: 'ask' });
    const grey = await h.pageAnalyzed(page('https://b.example/naqvi', GREY, 'Other Daily'), { tabId: 2 });
    expect(grey.ask?.engagementId).toBe(stored.id);
    expect(grey.offer).not.toBeNull();
    const no = await h.answerSameEvent({ type: 'answerSameEvent', tabId: 2, engagementId: stored.id, same: false }, {});
    expect(no.known).toBeNull();
    // Next visit: not asked again; accepting the offer stores it apart.
    const later = await h.pageAnalyzed(page('https://b.example/naqvi#top', GREY, 'Other Daily'), { tabId: 4 });
    expect(later.ask ?? null).toBeNull();
    const saved = await h.acceptOffer({ type: 'acceptOffer' }, { tabId: 4 });
    expect(saved.merged).toBe(false);
    expect(await db.engagements.count()).toBe(2);
  });
});
