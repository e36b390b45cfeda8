import { describe, expect, it } from 'vitest';
import { type DraftForm, draftToForm, emptyDraftForm, formToDraft } from '../../../lib/ui/draft-form';
import { formatDate } from '../../../lib/ui/format';
import { formToOfficial, officialToForm } from '../../../lib/ui/official-form';
import { parsePopupParams } from '../../../lib/ui/popup-params';
import { safeHref } from '../../../lib/ui/safe-url';
import {
  EMPTY_FILTER,
  filterProblem,
  formForEntity,
  type TimelineFilterForm,
  toEngagementFilter,
} from '../../../lib/ui/timeline-filter';
import { draft, NAQVI, QUINTIN } from './helpers';

describe('timeline filter form', () => {
  it.each<[string, Partial<TimelineFilterForm>, object]>([
    ['nothing', {}, {}],
    ['person', { person: 'official:mohsin-naqvi' }, { entityId: 'official:mohsin-naqvi' }],
    ['country, uppercased', { country: 'pk' }, { country: 'PK' }],
    ['pair', { pairA: 'PK', pairB: 'BE' }, { countryPair: ['PK', 'BE'] }],
    ['half a pair is ignored', { pairA: 'PK' }, {}],
    ['same country twice is ignored', { pairA: 'PK', pairB: 'PK' }, {}],
    ['topic', { topic: 'narcotics' }, { topic: 'narcotics' }],
    ['unknown topic is ignored', { topic: 'weather' }, {}],
    ['dates', { from: '2025-01-01', to: '2025-12-31' }, { from: '2025-01-01', to: '2025-12-31' }],
    ['half-typed date is ignored', { from: '2025-1' }, {}],
    ['text, trimmed', { text: '  brussels ' }, { text: 'brussels' }],
  ])('%s', (_name, form, expected) => {
    expect(toEngagementFilter({ ...EMPTY_FILTER, ...form })).toEqual(expected);
  });

  it.each<[string, Partial<TimelineFilterForm>]>([
    ['official:bernard-quintin', { person: 'official:bernard-quintin' }],
    ['country:PK', { country: 'PK' }],
    ['bloc:eu', { country: 'EU' }],
    ['topic:narcotics', { topic: 'narcotics' }],
  ])('entity %s opens the matching filter', (id, form) => {
    expect(formForEntity(id)).toEqual({ ...EMPTY_FILTER, ...form });
  });

  it.each<[Partial<TimelineFilterForm>, string | null]>([
    [{ pairA: 'PK' }, 'Choose both countries of the pair.'],
    [{ pairA: 'PK', pairB: 'PK' }, 'Choose two different countries for the pair.'],
    [{ from: '2025-02-01', to: '2025-01-01' }, 'The start date is after the end date.'],
    [{ pairA: 'PK', pairB: 'BE', from: '2025-01-01', to: '2025-02-01' }, null],
  ])('problem with %j', (form, problem) => {
    expect(filterProblem({ ...EMPTY_FILTER, ...form })).toBe(problem);
  });
});

describe('draft form', () => {
  it('round-trips an extracted draft unchanged', () => {
    const d = draft({
      participants: [NAQVI, { ...QUINTIN, role: 'Minister of the Interior' }],
      figures: [{ text: '1,770 smugglers arrested', value: 1770 }],
    });
    const r = formToDraft(draftToForm(d), d);
    expect(r).toEqual({ ok: true, draft: d });
  });

  it('drops the entity id of a renamed participant and recomputes countries', () => {
    const d = draft();
    const form = draftToForm(d);
    form.participants[1] = { ...form.participants[1], name: 'Annelies Verlinden' };
    form.countries = 'lu';
    const r = formToDraft(form, d);
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.draft.participants[1]).toEqual({ name: 'Annelies Verlinden', role: null, country: 'BE' });
    expect(r.draft.participants[0].entityId).toBe('official:mohsin-naqvi');
    expect(r.draft.countries).toEqual(['PK', 'BE', 'LU']);
  });

  it.each<[string, Partial<DraftForm>, string]>([
    ['no participants', { participants: [] }, 'Add at least one participant.'],
    [
      'participant without a name',
      { participants: [{ key: 'a', name: '', role: 'Minister', country: '' }] },
      'Participant 1 has no name.',
    ],
    [
      'bad country',
      { participants: [{ key: 'a', name: 'X', role: '', country: 'PAK' }] },
      'Participant 1: country must be a two-letter code such as PK.',
    ],
    ['bad day', { date: '12/12/2025', datePrecision: 'day' }, 'The date must look like 2025-12-12.'],
    ['bad month', { date: '2025-12-12', datePrecision: 'month' }, 'The date must look like 2025-12.'],
    ['bad extra country', { countries: 'Belgium' }, '"BELGIUM" is not a two-letter country code.'],
  ])('rejects %s', (_name, patch, message) => {
    const base = draftToForm(draft());
    const r = formToDraft({ ...base, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain(message);
  });

  it('ignores blank rows and blank figures', () => {
    const form = emptyDraftForm();
    form.participants[0].name = 'Mohsin Naqvi';
    form.figures = [{ key: 'f', text: '  ' }];
    const r = formToDraft(form);
    expect(r.ok && r.draft.participants).toEqual([{ name: 'Mohsin Naqvi', role: null, country: null }]);
    expect(r.ok && r.draft.figures).toEqual([]);
    expect(r.ok && r.draft.date).toBeNull();
    expect(r.ok && r.draft.datePrecision).toBeNull();
  });
});

describe('official form', () => {
  it('builds an official with offices that inherit its country', () => {
    const r = formToOfficial({
      name: ' Annelies  Verlinden ',
      aliases: 'A. Verlinden\nVerlinden, A. Verlinden',
      country: 'be',
      offices: [
        { key: 'a', office: 'Minister of Justice', country: '', from: '2025-02-03', to: '' },
        { key: 'b', office: '', country: '', from: '', to: '' },
      ],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        name: 'Annelies Verlinden',
        aliases: ['A. Verlinden', 'Verlinden'],
        country: 'BE',
        offices: [{ office: 'Minister of Justice', country: 'BE', from: '2025-02-03' }],
      },
    });
  });

  it('says what is wrong', () => {
    const r = formToOfficial({
      name: '',
      aliases: '',
      country: 'United',
      offices: [{ key: 'a', office: 'Minister', country: 'Congo', from: '2025-05-01', to: '2024-01-01' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        'Enter the official’s name.',
        'Country: "United" is not a country or organisation Counterpart knows: pick one from the list, or type its name or code (such as PK, GBR, EU, NATO).',
        'Office 1 country: "Congo" could be Republic of the Congo (CG) or Democratic Republic of the Congo (CD): choose one.',
        'Office 1 ends before it starts.',
      ]);
  });

  it.each([
    ['a name', 'United Kingdom', 'GB'],
    ['a picked label', 'United Kingdom (GB)', 'GB'],
    ['a bloc', 'United Nations', 'UN'],
    ['a bloc code', 'interpol', 'INTERPOL'],
  ])('resolves the country from %s, office rows included', (_what, typed, code) => {
    const r = formToOfficial({
      name: 'Someone',
      aliases: '',
      country: typed,
      offices: [{ key: 'a', office: 'Envoy', country: typed, from: '', to: '' }],
    });
    expect(r.ok && r.value.country).toBe(code);
    expect(r.ok && r.value.offices[0].country).toBe(code);
  });

  it('shows a stored code as the picker label, and reads it back unchanged', () => {
    const form = officialToForm({
      kind: 'official',
      id: 'official:x',
      name: 'X',
      aliases: [],
      country: 'GB',
      offices: [],
    });
    expect(form.country).toBe('United Kingdom (GB)');
    const r = formToOfficial(form);
    expect(r.ok && r.value.country).toBe('GB');
  });
});

describe('small helpers', () => {
  it.each([
    ['?tab=timeline&entity=official%3Amohsin-naqvi', { tab: 'timeline', entity: 'official:mohsin-naqvi' }],
    ['?entity=country%3APK', { tab: 'timeline', entity: 'country:PK' }],
    ['?tab=passages', { tab: 'passages', entity: null }],
    ['?tab=nonsense', { tab: 'page', entity: null }],
    ['', { tab: 'page', entity: null }],
    ['?engagement=eng%3Aabc', { tab: 'timeline', entity: null, engagement: 'eng:abc' }],
  ])('popup params %s', (search, expected) => {
    expect(parsePopupParams(search)).toEqual(expected);
  });

  it.each([
    ['https://a.example/x', 'https://a.example/x'],
    ['http://a.example/', 'http://a.example/'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['not a url', undefined],
  ])('safeHref(%s)', (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });

  it.each<[string | null, 'day' | 'month' | 'year' | 'approximate' | null, string]>([
    ['2025-12-12', 'day', '12 Dec 2025'],
    ['2025-12', 'month', 'Dec 2025'],
    ['2025-12-12', 'year', '2025'],
    ['2025-12-12', 'approximate', 'c. 12 Dec 2025'],
    [null, null, 'date unknown'],
  ])('formatDate(%s, %s)', (date, precision, expected) => {
    expect(formatDate(date, precision)).toBe(expected);
  });
});
