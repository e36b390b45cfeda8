// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { NO_PAGE_DATA } from '../../../components/popup/OnThisPage';
import { PopupApp } from '../../../components/popup/PopupApp';
import { toStoredEngagement } from '../../../lib/db/derive';
import { recordEngagement, savePassage } from '../../../lib/db/timeline';
import type { EngagementDraft } from '../../../lib/types';
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
  TAB,
  tabReport,
  type,
  waitFor,
} from './helpers';

async function timelineDb() {
  const db = freshDb();
  await recordEngagement(db, draft(), source('https://a.example/1', 'Pakistan Today'));
  await recordEngagement(db, draft(), source('https://b.example/1', 'APP'));
  await recordEngagement(
    db,
    draft({
      participants: [NAQVI, BRUNNER],
      date: '2025-12-11',
      topics: ['migrant-smuggling'],
      figures: [{ text: '47% reduction' }],
      summary: 'Naqvi and Brunner discussed smuggling.',
    }),
    source('https://c.example/1', 'Dawn', '2025-12-11'),
  );
  await recordEngagement(
    db,
    draft({ participants: [QUINTIN, BRUNNER], date: '2024-05-02', place: 'Luxembourg', summary: 'Council talks.' }),
    source('https://d.example/1', 'Le Soir', '2024-05-02'),
  );
  return db;
}

const participantsShown = (root: HTMLElement) =>
  [...root.querySelectorAll('.engagement .participants')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());

describe('popup shell', () => {
  it('renders four ARIA tabs and moves between them with the arrow keys', async () => {
    const root = mount(<PopupApp services={fakeServices(freshDb())} params={parsePopupParams('')} debounceMs={0} />);
    const tabs = [...root.querySelectorAll('[role="tab"]')];
    expect(tabs.map((t) => t.textContent)).toEqual(['On this page', 'Timeline', 'Saved passages', 'Save this article']);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    const panel = root.querySelector('[role="tabpanel"]');
    expect(panel?.getAttribute('aria-labelledby')).toBe(tabs[0].id);
    tabs[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await waitFor(() => expect(root.querySelector('[aria-selected="true"]')?.textContent).toBe('Timeline'));
    expect(document.activeElement?.textContent).toBe('Timeline');
  });
});

describe('On this page', () => {
  it('lists officials with role and country, and engagement counts from the database', async () => {
    const db = await timelineDb();
    const services = fakeServices(db, {
      getPageReport: () => ({
        ok: true,
        value: {
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
            {
              id: 'official:mohsin-naqvi',
              kind: 'official',
              name: 'Mohsin Naqvi',
              role: 'Interior Minister',
              country: 'PK',
              count: 3,
            },
            { id: 'country:BE', kind: 'country', name: 'Belgium', count: 2 },
            { id: 'topic:narcotics', kind: 'topic', name: 'Narcotics', count: 1 },
          ],
        },
      }),
    });
    const root = mount(<PopupApp services={services} params={parsePopupParams('')} debounceMs={0} />);
    await waitFor(() => expect(root.textContent).toContain('2 engagements'));
    expect(root.textContent).toContain('Mohsin Naqvi — Interior Minister, Pakistan');
    expect(root.textContent).toContain('Countries and blocs');
    expect(root.textContent).toContain('none yet'); // narcotics has no engagement
    expect(services.send).toHaveBeenCalledWith('getPageReport', { tabId: TAB.id });
    // The count opens the timeline filtered to the entity.
    await click(button(root, /Mohsin Naqvi: 2 engagements/));
    await waitFor(() => expect(participantsShown(root)).toHaveLength(2));
    expect(byLabel<HTMLSelectElement>(root, 'Person').value).toBe('official:mohsin-naqvi');
  });

  it('tells the reader what to do when the page has no report and no script of ours', async () => {
    const services = fakeServices(freshDb(), { getPageReport: () => ({ ok: true, value: null }) }, TAB, {
      whichPage: () => ({ ok: false, error: 'This page cannot be reached: Could not establish connection.' }),
    });
    const root = mount(<PopupApp services={services} params={parsePopupParams('')} />);
    await waitFor(() => expect(root.textContent).toContain(NO_PAGE_DATA));
  });

  it('shows the error of a failed message', async () => {
    const services = fakeServices(freshDb(), {
      getPageReport: () => ({ ok: false, error: 'Counterpart did not answer.' }),
    });
    const root = mount(<PopupApp services={services} params={parsePopupParams('')} />);
    await waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('Counterpart did not answer.'));
  });
});

describe('Timeline', () => {
  it('shows engagements newest first with kind, place, date, topics, figures and every source as a link', async () => {
    const db = await timelineDb();
    const root = mount(
      <PopupApp services={fakeServices(db)} params={parsePopupParams('?tab=timeline')} debounceMs={0} />,
    );
    await waitFor(() => expect(participantsShown(root)).toHaveLength(3));
    const dates = [...root.querySelectorAll('.engagement time')].map((t) => t.textContent);
    expect(dates).toEqual(['12 Dec 2025', '11 Dec 2025', '2 May 2024']);
    const first = root.querySelector('.engagement');
    expect(first?.textContent).toContain('Meeting');
    expect(first?.textContent).toContain('Brussels');
    expect(first?.textContent).toContain('Illegal migration');
    const links = [...(first?.querySelectorAll('.sources a') ?? [])].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links.sort()).toEqual([
      ['APP', 'https://b.example/1'],
      ['Pakistan Today', 'https://a.example/1'],
    ]);
    expect(root.querySelectorAll('.engagement')[1].textContent).toContain('47% reduction');
  });

  it('opens filtered to the entity in the URL (hover-card link)', async () => {
    const db = await timelineDb();
    const params = parsePopupParams('?tab=timeline&entity=official%3Amagnus-brunner');
    const root = mount(<PopupApp services={fakeServices(db)} params={params} debounceMs={0} />);
    await waitFor(() => expect(participantsShown(root)).toHaveLength(2));
    expect(participantsShown(root).every((p) => p?.includes('Magnus Brunner'))).toBe(true);
  });

  it.each<[string, (root: HTMLElement) => Promise<void>, string[]]>([
    ['text search', async (root) => type(byLabel(root, 'Search the timeline'), 'luxem'), ['2 May 2024']],
    ['topic', async (root) => choose(byLabel<HTMLSelectElement>(root, 'Topic'), 'migrant-smuggling'), ['11 Dec 2025']],
    [
      'country pair',
      async (root) => {
        await choose(byLabel<HTMLSelectElement>(root, 'Pair: country'), 'BE');
        await choose(byLabel<HTMLSelectElement>(root, 'and country'), 'EU');
      },
      ['2 May 2024'],
    ],
    [
      'country',
      async (root) => choose(byLabel<HTMLSelectElement>(root, 'Country'), 'PK'),
      ['12 Dec 2025', '11 Dec 2025'],
    ],
    [
      'date range',
      async (root) => {
        await type(byLabel(root, 'From'), '2025-01-01');
        await type(byLabel(root, 'To'), '2025-12-11');
      },
      ['11 Dec 2025'],
    ],
    [
      'person',
      async (root) => choose(byLabel<HTMLSelectElement>(root, 'Person'), 'official:bernard-quintin'),
      ['12 Dec 2025', '2 May 2024'],
    ],
  ])('filters by %s', async (_name, act, dates) => {
    const db = await timelineDb();
    const root = mount(
      <PopupApp services={fakeServices(db)} params={parsePopupParams('?tab=timeline')} debounceMs={0} />,
    );
    await waitFor(() => expect(participantsShown(root)).toHaveLength(3));
    await click(button(root, 'Filters'));
    // The selects fill from index keys once the filters are open.
    await waitFor(() => expect(byLabel<HTMLSelectElement>(root, 'Country').options.length).toBeGreaterThan(1));
    await act(root);
    await waitFor(() =>
      expect([...root.querySelectorAll('.engagement time')].map((t) => t.textContent)).toEqual(dates),
    );
  });

  it('says so when nothing matches, and pages with "Show more"', async () => {
    const db = freshDb();
    // Written directly: recordEngagement would merge meetings of the same people a few days apart.
    await db.engagements.bulkPut(
      Array.from({ length: 55 }, (_, i) =>
        toStoredEngagement({
          ...draft({ date: `20${String(i).padStart(2, '0')}-01-01`, summary: `Meeting number ${i}` }),
          id: `eng:${i}`,
          participantIds: ['official:bernard-quintin', 'official:mohsin-naqvi'],
          countryPairs: ['BE|PK'],
          origin: 'user',
          createdAt: 0,
          updatedAt: 0,
        }),
      ),
    );
    const root = mount(
      <PopupApp services={fakeServices(db)} params={parsePopupParams('?tab=timeline')} debounceMs={0} />,
    );
    await waitFor(() => expect(root.querySelectorAll('.engagement')).toHaveLength(50));
    await click(button(root, 'Show more'));
    await waitFor(() => expect(root.querySelectorAll('.engagement')).toHaveLength(55));
    expect(() => button(root, 'Show more')).toThrow();
    await type(byLabel(root, 'Search the timeline'), 'zanzibar');
    await waitFor(() => expect(root.textContent).toContain('No engagement matches these filters.'));
  });

  it('explains an empty timeline', async () => {
    const root = mount(<PopupApp services={fakeServices(freshDb())} params={parsePopupParams('?tab=timeline')} />);
    await waitFor(() => expect(root.textContent).toContain('Your timeline is empty.'));
  });
});

describe('Saved passages', () => {
  async function passagesDb() {
    const db = freshDb();
    for (const [i, quote] of ['joint patrols along the route', 'a readmission agreement'].entries()) {
      await savePassage(
        db,
        {
          url: `https://news.example/${i}`,
          title: `Article ${i}`,
          outlet: 'Dawn',
          published: '2025-12-12',
          selectors: { quote: { exact: quote, prefix: '', suffix: '' }, position: { start: 0, end: quote.length } },
          entityIds: [],
          tags: ['brussels'],
        },
        1000 + i,
      );
    }
    return db;
  }

  const quotes = (root: HTMLElement) =>
    [...root.querySelectorAll('.passage-list blockquote')].map((b) => b.textContent);

  it('deletes with undo', async () => {
    const db = await passagesDb();
    const services = fakeServices(db);
    const root = mount(<PopupApp services={services} params={parsePopupParams('?tab=passages')} debounceMs={0} />);
    await waitFor(() => expect(quotes(root)).toEqual(['a readmission agreement', 'joint patrols along the route']));
    await click(root.querySelectorAll<HTMLButtonElement>('.passage button.danger')[0]);
    await waitFor(() => expect(quotes(root)).toEqual(['joint patrols along the route']));
    expect(root.querySelector('.undo-bar')?.textContent).toContain('Passage deleted.');
    expect(services.sendToTab).toHaveBeenCalledWith(TAB.id, 'refreshPassages', {});
    await click(button(root, 'Undo'));
    await waitFor(() => expect(quotes(root)).toEqual(['a readmission agreement', 'joint patrols along the route']));
    expect(root.querySelector('.undo-bar')).toBeNull();
    expect(await db.passages.count()).toBe(2);
  });

  it('edits note and tags, and searches them', async () => {
    const db = await passagesDb();
    const root = mount(
      <PopupApp services={fakeServices(db)} params={parsePopupParams('?tab=passages')} debounceMs={0} />,
    );
    await waitFor(() => expect(quotes(root)).toHaveLength(2));
    await click(root.querySelectorAll<HTMLButtonElement>('.passage button')[0]);
    await type(byLabel<HTMLTextAreaElement>(root, 'Note'), 'Check the date');
    await type(byLabel(root, 'Tags (comma-separated)'), 'eu, readmission, eu');
    await click(button(root, 'Save note and tags'));
    await waitFor(() => expect(root.querySelector('.passage .note')?.textContent).toBe('Check the date'));
    expect([...root.querySelectorAll('.passage')[0].querySelectorAll('.chip')].map((c) => c.textContent)).toEqual([
      'eu',
      'readmission',
    ]);
    await type(byLabel(root, 'Search saved passages'), 'check');
    await waitFor(() => expect(quotes(root)).toEqual(['a readmission agreement']));
  });

  it('lists passages the page reported as not found', async () => {
    const db = await passagesDb();
    const [orphan] = await db.passages.where('url').equals('https://news.example/1').primaryKeys();
    const services = fakeServices(db, { getOrphans: () => ({ ok: true, value: [orphan] }) });
    const root = mount(<PopupApp services={services} params={parsePopupParams('?tab=passages')} debounceMs={0} />);
    await waitFor(() => expect(root.querySelector('.orphans')?.textContent).toContain('a readmission agreement'));
    expect(root.querySelector('.orphans h2')?.textContent).toBe('Not found on this page');
    expect(services.send).toHaveBeenCalledWith('getOrphans', { tabId: TAB.id });
  });
});

describe('Save this article', () => {
  it('edits the extracted draft and saves it', async () => {
    const extracted = draft({ figures: [{ text: '1,770 smugglers arrested', value: 1770 }] });
    let saved: EngagementDraft | null = null;
    const services = fakeServices(freshDb(), {
      getPageReport: tabReport,
      getDraft: () => ({ ok: true, value: { draft: extracted, analysis: null } }),
      saveDraft: (req) => {
        saved = req.draft;
        return { ok: true, value: { engagementId: 'eng:1', merged: true } };
      },
    });
    const root = mount(<PopupApp services={services} params={parsePopupParams('?tab=save')} />);
    await waitFor(() => expect(byLabel(root, 'Name 1').value).toBe('Mohsin Naqvi'));
    expect(byLabel(root, 'Place').value).toBe('Brussels');

    await choose(byLabel<HTMLSelectElement>(root, 'Kind'), 'call');
    await type(byLabel(root, 'Place'), 'Islamabad');
    await click(button(root, 'Remove participant 2 (Bernard Quintin)'));
    await click(button(root, 'Add participant'));
    await type(byLabel(root, 'Name 2'), 'Magnus Brunner');
    const row2 = root.querySelectorAll<HTMLInputElement>('[data-testid="participant-row"]')[1];
    await type(byLabel(row2, 'Role'), 'Commissioner');
    await type(byLabel(row2, 'Country'), 'eu');
    const smuggling = root.querySelector<HTMLInputElement>('input[type="checkbox"][value="migrant-smuggling"]');
    if (!smuggling) throw new Error('no topic checkbox');
    await click(smuggling);
    await click(button(root, 'Save to timeline'));

    await waitFor(() => expect(root.textContent).toContain('Merged into an engagement already in your timeline'));
    expect(saved).toEqual({
      ...extracted,
      kind: 'call',
      place: 'Islamabad',
      participants: [
        { name: 'Mohsin Naqvi', entityId: 'official:mohsin-naqvi', role: 'Interior Minister', country: 'PK' },
        { name: 'Magnus Brunner', role: 'Commissioner', country: 'EU' },
      ],
      countries: ['PK', 'EU'],
      topics: ['illegal-migration', 'migrant-smuggling'],
    });
    expect(services.send).toHaveBeenCalledWith('saveDraft', expect.objectContaining({ tabId: TAB.id }));
  });

  it('shows what is wrong instead of saving', async () => {
    const services = fakeServices(freshDb(), {
      getPageReport: tabReport,
      getDraft: () => ({ ok: true, value: { draft: draft(), analysis: null } }),
    });
    const root = mount(<PopupApp services={services} params={parsePopupParams('?tab=save')} />);
    await waitFor(() => byLabel(root, 'Date'));
    await type(byLabel(root, 'Date'), 'last Friday');
    await click(button(root, 'Save to timeline'));
    await waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('2025-12-12'));
    expect(services.send).not.toHaveBeenCalledWith('saveDraft', expect.anything());
  });

  it('offers an empty draft when nothing was extracted, and saves the selected passage', async () => {
    const services = fakeServices(
      freshDb(),
      { getPageReport: tabReport, getDraft: () => ({ ok: true, value: { draft: null, analysis: null } }) },
      TAB,
      { saveSelection: () => ({ ok: true, value: null }) },
    );
    const root = mount(<PopupApp services={services} params={parsePopupParams('?tab=save')} />);
    await waitFor(() => expect(root.textContent).toContain('found no meeting'));
    await click(button(root, 'Start an empty draft'));
    expect(byLabel(root, 'Name 1').value).toBe('');
    await click(button(root, 'Save selected passage'));
    await waitFor(() => expect(root.textContent).toContain('Nothing is selected.'));
    expect(services.sendToTab).toHaveBeenCalledWith(TAB.id, 'saveSelection', {});
  });
});
