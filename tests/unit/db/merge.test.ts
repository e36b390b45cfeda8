import { describe, expect, it } from 'vitest';
import { countryPairsOf, participantIdsOf } from '../../../lib/db/derive';
import { findSameEvent, mergeDraft, namesMatch } from '../../../lib/db/merge';
import type { Engagement, EngagementDraft } from '../../../lib/types';
import { BRUNNER, draft, NAQVI } from './helpers';

function stored(d: EngagementDraft, id = 'eng:1'): Engagement {
  return {
    ...d,
    id,
    participantIds: participantIdsOf(d.participants),
    countryPairs: countryPairsOf(d.countries, d.participants),
    origin: 'captured',
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('namesMatch', () => {
  it.each([
    ['Bernard Quinten', 'Bernard Quintin', true],
    ['Naqvi', 'Mohsin Naqvi', true],
    ['Syed Mohsin Naqvi', 'Mohsin Naqvi', true],
    ['M. Naqvi', 'Mohsin Naqvi', true],
    ['Magnus Brünner', 'Magnus Brunner', true],
    ['Ali Naqvi', 'Mohsin Naqvi', false],
    ['Bernard Quintin', 'Magnus Brunner', false],
    // Short surnames one letter apart are usually different people.
    ['Ali Khan', 'Ali Kan', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(namesMatch(a, b)).toBe(expected);
  });
});

const naqviQuintin = stored(draft());
const naqviBrunner = stored(draft({ participants: [NAQVI, BRUNNER], date: '2025-12-11' }), 'eng:2');

describe('findSameEvent', () => {
  it.each<[string, EngagementDraft, string | null]>([
    ['same meeting, second outlet, next day', draft({ date: '2025-12-13' }), 'eng:1'],
    [
      'spelling variant without an entity id',
      draft({ participants: [NAQVI, { name: 'Bernard Quinten', country: 'BE' }] }),
      'eng:1',
    ],
    ['same country pair, counterpart unnamed', draft({ participants: [NAQVI], countries: ['PK', 'BE'] }), 'eng:1'],
    ['place unknown in one report', draft({ place: null }), 'eng:1'],
    ['month-only date in the same month', draft({ date: '2025-12', datePrecision: 'month' }), 'eng:1'],
    ['reported as a visit', draft({ kind: 'visit' }), 'eng:1'],
    ['same people, another trip two months later', draft({ date: '2026-02-10' }), null],
    ['same people, four days apart', draft({ date: '2025-12-16' }), null],
    ['same people, different city', draft({ place: 'Islamabad' }), null],
    ['a phone call is another engagement', draft({ kind: 'call' }), null],
    ['planned visit is not the meeting', draft({ kind: 'planned_visit', date: null, datePrecision: null }), null],
    ['month-only date in another month', draft({ date: '2026-01', datePrecision: 'month' }), null],
    [
      'same countries but a different Belgian counterpart',
      draft({ participants: [NAQVI, { name: 'Annelies Verlinden', country: 'BE' }] }),
      null,
    ],
    ['one shared person is not enough', draft({ participants: [NAQVI], countries: ['PK'] }), null],
    ['Naqvi-Brunner picks the Brunner meeting', draft({ participants: [BRUNNER, NAQVI], date: '2025-12-11' }), 'eng:2'],
  ])('%s', (_name, d, expected) => {
    expect(findSameEvent(d, [naqviQuintin, naqviBrunner])?.id ?? null).toBe(expected);
  });

  it('uses the publication month for an undated draft', () => {
    const undated = draft({ date: null, datePrecision: null });
    expect(findSameEvent(undated, [naqviQuintin], { referenceDate: '2025-12-13' })?.id).toBe('eng:1');
    expect(findSameEvent(undated, [naqviQuintin], { referenceDate: '2026-03-01' })).toBeNull();
    // Nothing to date it by: the same people in the same place are merged; without the place it is only asked.
    expect(findSameEvent(undated, [naqviQuintin])?.id).toBe('eng:1');
    expect(findSameEvent({ ...undated, place: null }, [naqviQuintin])).toBeNull();
  });

  it('prefers the candidate with the closest date', () => {
    const near = stored(draft({ date: '2025-12-13' }), 'eng:near');
    const far = stored(draft({ date: '2025-12-10' }), 'eng:far');
    expect(findSameEvent(draft({ date: '2025-12-14' }), [far, near])?.id).toBe('eng:near');
  });
});

describe('mergeDraft', () => {
  it('unions topics, figures and participants and keeps the more precise date', () => {
    const existing = stored(draft({ date: '2025-12', datePrecision: 'month', topics: ['narcotics'] }));
    const merged = mergeDraft(
      existing,
      draft({
        participants: [NAQVI, { name: 'Bernard Quinten', country: 'BE', role: 'Interior Minister' }, BRUNNER],
        countries: ['PK', 'BE', 'EU'],
        topics: ['narcotics', 'counterterrorism'],
        figures: [{ text: '47% fewer crossings', value: 47, unit: '%' }],
      }),
      99,
    );
    expect(merged.date).toBe('2025-12-12');
    expect(merged.datePrecision).toBe('day');
    expect(merged.topics).toEqual(['narcotics', 'counterterrorism']);
    expect(merged.figures).toHaveLength(1);
    expect(merged.participants.map((p) => p.name)).toEqual(['Mohsin Naqvi', 'Bernard Quintin', 'Magnus Brunner']);
    expect(merged.participants[1].role).toBe('Interior Minister');
    expect(merged.participantIds).toEqual([
      'official:bernard-quintin',
      'official:magnus-brunner',
      'official:mohsin-naqvi',
    ]);
    expect(merged.countryPairs).toEqual(['BE|EU', 'BE|PK', 'EU|PK']);
    expect(merged.updatedAt).toBe(99);
    expect(merged.id).toBe(existing.id);
  });

  it('keeps a day date over a month date and does not duplicate figures', () => {
    const existing = stored(draft({ figures: [{ text: '1,770 arrested', value: 1770 }] }));
    const merged = mergeDraft(
      existing,
      draft({ date: '2025-12', datePrecision: 'month', figures: [{ text: '1770 smugglers held', value: 1770 }] }),
    );
    expect(merged.date).toBe('2025-12-12');
    expect(merged.figures).toHaveLength(1);
    expect(merged.participants).toEqual(existing.participants);
  });

  it('fills in the place and the kind when the timeline did not know them', () => {
    const existing = stored(draft({ place: null, kind: 'other' }));
    const merged = mergeDraft(existing, draft());
    expect(merged.place).toBe('Brussels');
    expect(merged.kind).toBe('meeting');
  });
});
