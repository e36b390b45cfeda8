// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import { toStoredEngagement } from '../../../lib/db/derive';
import { parsePopupParams } from '../../../lib/ui/popup-params';
import { draft, fakeServices, freshDb, mount, waitFor } from './helpers';

const N = 10_000;

describe('popup speed', () => {
  it(`renders the shell at once and the first timeline page without reading all ${N} engagements`, async () => {
    const db = freshDb();
    const people = ['official:a', 'official:b', 'official:c', 'official:d'];
    await db.engagements.bulkPut(
      Array.from({ length: N }, (_, i) => {
        const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
        return toStoredEngagement({
          ...draft({ date: day, summary: `Meeting ${i}` }),
          id: `eng:${String(i).padStart(5, '0')}`,
          participantIds: [people[i % 4], people[(i + 1) % 4]].sort(),
          countryPairs: ['BE|PK'],
          origin: 'user',
          createdAt: 0,
          updatedAt: 0,
        });
      }),
    );
    // Count rows Dexie hands out: a full-table read would touch all of them.
    let rowsRead = 0;
    db.engagements.hook('reading', (row) => {
      rowsRead++;
      return row;
    });

    const root = mount(<PopupApp services={fakeServices(db)} params={parsePopupParams('?tab=timeline')} />);
    // The shell is drawn in the first render, before any data (the speed itself is measured by the popup bench).
    expect(root.querySelectorAll('[role="tab"]')).toHaveLength(4);
    expect(root.textContent).toContain('Loading the timeline');
    await waitFor(() => expect(root.querySelectorAll('.engagement')).toHaveLength(50), 10_000);
    expect(rowsRead).toBeLessThanOrEqual(51);
    expect(root.querySelector('.engagement time')?.getAttribute('datetime')).toBe(
      new Date(Date.UTC(2000, 0, 1) + (N - 1) * 86_400_000).toISOString().slice(0, 10),
    );
  }, 60_000);
});
