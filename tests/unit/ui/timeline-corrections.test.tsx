// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import { SEED_ENGAGEMENTS } from '../../../lib/data/seed';
import { seedDatabase } from '../../../lib/db/seed';
import { getEngagement, getEntity, recordEngagement, sourcesFor } from '../../../lib/db/timeline';
import type { OfficialEntity } from '../../../lib/types';
import { parsePopupParams } from '../../../lib/ui/popup-params';
import {
  BRUNNER,
  button,
  byLabel,
  choose,
  click,
  draft,
  fakeServices,
  freshDb,
  mount,
  NAQVI,
  QUINTIN,
  source,
  type,
  waitFor,
} from './helpers';

async function twoEngagements() {
  const db = freshDb();
  const a = await recordEngagement(db, draft(), source('https://a.example/1', 'Pakistan Today'));
  await recordEngagement(db, draft(), source('https://b.example/1', 'APP'));
  const b = await recordEngagement(
    db,
    draft({ participants: [QUINTIN, BRUNNER], date: '2024-05-02', place: 'Luxembourg', summary: 'Council talks.' }),
    source('https://d.example/1', 'Le Soir', '2024-05-02'),
  );
  if (!a.ok || !b.ok) throw new Error('setup');
  return { db, first: a.value.engagementId, second: b.value.engagementId };
}

const open = (db: ReturnType<typeof freshDb>, search = '?tab=timeline') =>
  mount(<PopupApp services={fakeServices(db)} params={parsePopupParams(search)} debounceMs={0} />);

const items = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('.engagements > li')];

describe('Timeline corrections', () => {
  it('edits an engagement and corrects the official everywhere', async () => {
    const { db, first } = await twoEngagements();
    const root = open(db);
    await waitFor(() => expect(items(root)).toHaveLength(2));
    await click(button(root, 'Edit Naqvi – Quintin, Brussels'));
    await waitFor(() => expect(byLabel(root, 'Place').value).toBe('Brussels'));
    await type(byLabel(root, 'Place'), 'Antwerp');
    await choose(byLabel<HTMLSelectElement>(root, 'Kind'), 'call');
    const row2 = root.querySelectorAll<HTMLElement>('[data-testid="participant-row"]')[1];
    await type(byLabel(row2, 'Country'), 'lu');
    await click(button(root, 'Save changes'));
    await waitFor(() => expect(root.textContent).toContain('Bernard Quintin corrected in every engagement'));
    const e = await getEngagement(db, first);
    expect(e).toMatchObject({ kind: 'call', place: 'Antwerp' });
    expect(((await getEntity(db, 'official:bernard-quintin')) as OfficialEntity).country).toBe('LU');
    await waitFor(() => expect(items(root)[0].textContent).toContain('Antwerp'));
  });

  it('shows what is wrong with an edit and keeps the form', async () => {
    const { db } = await twoEngagements();
    const root = open(db);
    await waitFor(() => expect(items(root)).toHaveLength(2));
    await click(button(root, 'Edit Naqvi – Quintin, Brussels'));
    await type(byLabel(root, 'Date'), '12/12/2025');
    await click(button(root, 'Save changes'));
    await waitFor(() => expect(root.textContent).toContain('The date must look like 2025-12-12.'));
    expect(root.querySelector('form.draft')).not.toBeNull();
  });

  it('deletes with undo', async () => {
    const { db, first } = await twoEngagements();
    const root = open(db);
    await waitFor(() => expect(items(root)).toHaveLength(2));
    await click(button(root, 'Delete Naqvi – Quintin, Brussels'));
    await waitFor(() => expect(items(root)).toHaveLength(1));
    expect(root.querySelector('.undo-bar')?.textContent).toContain('Deleted Naqvi – Quintin, Brussels.');
    await click(button(root, 'Undo'));
    await waitFor(() => expect(items(root)).toHaveLength(2));
    expect((await sourcesFor(db, [first]))[first]).toHaveLength(2);
  });

  it('merges two engagements, the earlier date unless the reader picks', async () => {
    const { db, first, second } = await twoEngagements();
    const root = open(db);
    await waitFor(() => expect(items(root)).toHaveLength(2));
    await click(button(root, 'Merge Naqvi – Quintin, Brussels with another engagement'));
    const select = byLabel<HTMLSelectElement>(root, 'Merge into this one');
    expect(select.value).toBe(second);
    await click(byLabel(root, 'This one’s date'));
    await click(button(root, 'Merge'));
    await waitFor(() => expect(items(root)).toHaveLength(1));
    const e = await getEngagement(db, first);
    expect(e?.date).toBe('2025-12-12');
    expect(e?.participants.map((p) => p.name)).toEqual(['Mohsin Naqvi', 'Bernard Quintin', 'Magnus Brunner']);
    expect((await sourcesFor(db, [first]))[first]).toHaveLength(3);
    expect(await getEngagement(db, second)).toBeNull();
  });

  it('splits a source out into its own engagement', async () => {
    const { db, first } = await twoEngagements();
    const root = open(db);
    await waitFor(() => expect(items(root)).toHaveLength(2));
    await click(button(root, 'Edit Naqvi – Quintin, Brussels'));
    await click(button(root, 'Split out APP'));
    await waitFor(() => expect(items(root)).toHaveLength(3));
    expect((await sourcesFor(db, [first]))[first].map((s) => s.outlet)).toEqual(['Pakistan Today']);
    expect(root.querySelector('.undo-bar')?.textContent).toContain('Split out');
  });

  it('labels seed engagements as examples, and they delete like any other', async () => {
    const db = freshDb();
    await seedDatabase(db);
    await recordEngagement(
      db,
      draft({ participants: [NAQVI, BRUNNER], date: '2026-01-05' }),
      source('https://x/1', 'X'),
    );
    const root = open(db);
    await waitFor(() => expect(items(root)).toHaveLength(3));
    const tags = items(root).map((li) => li.querySelector('.example')?.textContent ?? null);
    expect(tags).toEqual([null, 'Example', 'Example']);
    await click(items(root)[1].querySelector<HTMLButtonElement>('.engagement-actions .danger') as HTMLButtonElement);
    await waitFor(() => expect(items(root)).toHaveLength(2));
    await seedDatabase(db);
    expect(await getEngagement(db, SEED_ENGAGEMENTS[1].id)).toBeNull();
  });

  it('opens on the engagement the page notice names, its editor open, even when it is far down the list', async () => {
    const { db, second } = await twoEngagements();
    const root = open(db, `?engagement=${encodeURIComponent(second)}`);
    await waitFor(() => expect(root.querySelector('.pinned')?.textContent).toContain('Luxembourg'));
    await waitFor(() =>
      expect(byLabel(root.querySelector('.pinned') as HTMLElement, 'Place').value).toBe('Luxembourg'),
    );
    // Shown once: not again in the list below.
    await waitFor(() => expect(items(root)).toHaveLength(1));
  });
});
