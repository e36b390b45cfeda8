import { describe, expect, it } from 'vitest';
import { recordEngagement, sourcesForUrl } from '../../../lib/db/timeline';
import { draft, freshDb, NAQVI, QUINTIN, source } from './helpers';

const URL = 'https://news.example/2025/12/12/naqvi-quintin-talks';

describe('the same article is never a second source or engagement', () => {
  it('stores one source for the address variants of one article', async () => {
    const db = freshDb();
    const first = await recordEngagement(db, draft(), source(`${URL}?utm_source=newsletter#top`, 'Daily Example'));
    if (!first.ok) throw new Error(first.error);
    for (const variant of [`http://www.news.example/2025/12/12/naqvi-quintin-talks/`, `${URL}/amp?fbclid=abc`]) {
      const again = await recordEngagement(db, draft(), source(variant, 'Daily Example'));
      expect(again).toMatchObject({ ok: true, value: { engagementId: first.value.engagementId, sourceAdded: false } });
    }
    expect(await db.sources.count()).toBe(1);
    expect((await db.sources.toArray())[0].url).toBe(URL);
    expect(await sourcesForUrl(db, `${URL}?gclid=1`)).toHaveLength(1);
  });

  it('does not make a re-read of the article a new engagement when its extraction changed', async () => {
    const db = freshDb();
    await recordEngagement(db, draft(), source(URL, 'Daily Example'));
    // The page was updated: now it reads as a call two weeks later with one person.
    const changed = draft({
      kind: 'call',
      date: '2025-12-26',
      participants: [NAQVI, { ...QUINTIN, name: 'B. Quintin' }],
    });
    const again = await recordEngagement(db, changed, source(`${URL}?amp=1`, 'Daily Example'));
    expect(again.ok && again.value.sourceAdded).toBe(false);
    expect(await db.engagements.count()).toBe(1);
  });
});
