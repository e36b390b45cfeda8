import { describe, expect, it } from 'vitest';
import { countryPairsOf, participantIdsOf } from '../../../lib/db/derive';
import {
  matchSameEvent,
  namesMatch,
  placeRelation,
  sameOffice,
  sameParticipant,
  scoreSameEvent,
  type Verdict,
  verdictOf,
} from '../../../lib/db/same-event';
import { answerSameEvent, recordEngagement } from '../../../lib/db/timeline';
import type { Engagement, EngagementDraft, Participant } from '../../../lib/types';
import { draft, freshDb, source } from './helpers';

// Invented people: an interior minister of Italy and of Tunisia, their deputies, and a Tunisian police chief.
const ROSSETTI: Participant = { name: 'Carlo Rossetti', role: 'Interior Minister', country: 'IT' };
const BEN_AMOR: Participant = { name: 'Khaled Ben Amor', role: 'Minister of Interior', country: 'TN' };
const DEPUTY_IT: Participant = { name: 'Paola Ferrante', role: 'Deputy Interior Minister', country: 'IT' };
const DEPUTY_TN: Participant = { name: 'Sami Gharbi', role: 'Secretary of State for the Interior', country: 'TN' };
const POLICE_TN: Participant = { name: 'Mourad Jebali', role: 'Director General of National Security', country: 'TN' };

function meeting(over: Partial<EngagementDraft> = {}): EngagementDraft {
  return draft({
    participants: [ROSSETTI, BEN_AMOR],
    countries: ['IT', 'TN'],
    place: 'Tunis',
    date: '2026-03-04',
    topics: ['illegal-migration', 'returns-readmission'],
    ...over,
  });
}

function stored(d: EngagementDraft, id = 'eng:stored'): Engagement {
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

describe('people', () => {
  it.each<[string, Participant, Participant, boolean]>([
    ['one letter off', ROSSETTI, { ...ROSSETTI, name: 'Carlo Rosetti' }, true],
    ['one syllable off, same office and country', BEN_AMOR, { ...BEN_AMOR, name: 'Khaled Ben Ammour' }, true],
    ['given name spelt differently', BEN_AMOR, { ...BEN_AMOR, name: 'Khalid Ben Amor' }, true],
    ['surname only', ROSSETTI, { name: 'Rossetti', country: 'IT' }, true],
    [
      'shorter patronymic chain',
      { name: 'Prince Abdulaziz bin Saud bin Naif', country: 'SA' },
      { name: 'Abdulaziz bin Saud', country: 'SA' },
      true,
    ],
    [
      'another son of the same father',
      { name: 'Abdulaziz bin Saud', country: 'SA' },
      { name: 'Faisal bin Saud', country: 'SA' },
      false,
    ],
    ['family name first', { name: 'Park Min-jae', country: 'KR' }, { name: 'Min-jae Park', country: 'KR' }, true],
    [
      'one syllable off without an office is another name',
      { name: 'Khaled Ben Amor' },
      { name: 'Khaled Ben Ammour' },
      false,
    ],
    ['variant, other country', ROSSETTI, { ...ROSSETTI, name: 'Carlo Rosetti', country: 'SM' }, false],
    ['surname only, other country', ROSSETTI, { name: 'Rossetti', country: 'SM' }, false],
    // One outlet's extraction gave the visitor the host's country: the full name still says who it is.
    ['same full name, country mistaken', ROSSETTI, { ...ROSSETTI, country: 'TN' }, true],
    ['deputy is not the minister', ROSSETTI, { ...DEPUTY_IT, name: 'Carlo Rossetti' }, false],
    ['other given name', ROSSETTI, { ...ROSSETTI, name: 'Marco Rossetti' }, false],
  ])('%s', (_name, a, b, same) => {
    expect(sameParticipant(a, b)).toBe(same);
  });

  it.each([
    ['Interior Minister', 'Minister of Interior', true],
    ['Home Secretary', 'Interior Minister', true],
    ['Federal Minister for Interior', 'Interior Minister', true],
    ['Deputy Interior Minister', 'Interior Minister', false],
    ['Foreign Minister', 'Interior Minister', false],
    [null, 'Interior Minister', false],
  ])('office %s ~ %s → %s', (a, b, same) => {
    expect(sameOffice(a, b)).toBe(same);
  });

  it('tolerates a syllable only where the office says it is the same post', () => {
    expect(namesMatch('Ben Amor', 'Ben Ammour')).toBe(false);
    expect(namesMatch('Ben Amor', 'Ben Ammour', true)).toBe(true);
    expect(namesMatch('Ali Khan', 'Ali Kan')).toBe(false);
  });
});

describe('places', () => {
  it.each([
    ['Tunis', 'Tunis', null, 'same'],
    ['Tunis', 'Tunisia', null, 'same'],
    ['Tunis, Tunisia', 'Tunis', null, 'same'],
    ['Tunis', null, null, 'unknown'],
    ['Rome', 'Tunis', 'ROME', 'reporter'],
    ['Rome', 'Milan', null, 'other-city'],
    ['Rome', 'Tunis', null, 'other-trip'],
    ['the Viminale palace', 'Rome', null, 'reporter'],
  ])('%s / %s (dateline %s) → %s', (a, b, dateline, relation) => {
    expect(placeRelation(a, b, dateline)).toBe(relation);
  });
});

const STORED = meeting();

describe('same event or not', () => {
  it.each<[string, EngagementDraft, { published?: string | null; dateline?: string | null }, Verdict]>([
    // Must merge.
    ['another outlet, same day', meeting({ summary: 'other words' }), {}, 'same'],
    ['reported the next day as a visit', meeting({ kind: 'visit', date: '2026-03-05' }), {}, 'same'],
    [
      'misspelt surname, no entity ids',
      meeting({ participants: [{ ...ROSSETTI, name: 'C. Rosetti' }, BEN_AMOR] }),
      {},
      'same',
    ],
    ['place only as the country', meeting({ place: 'Tunisia' }), {}, 'same'],
    ['dateline of the reporter’s city', meeting({ place: 'Rome' }), { dateline: 'ROME' }, 'same'],
    [
      'undated, published the next day',
      meeting({ date: null, datePrecision: null }),
      { published: '2026-03-05' },
      'same',
    ],
    ['no topics found', meeting({ topics: [] }), {}, 'same'],
    [
      'the counterpart unnamed (only his country)',
      meeting({ participants: [ROSSETTI], countries: ['IT', 'TN'] }),
      {},
      'same',
    ],
    [
      'another official of the visiting delegation',
      meeting({ participants: [{ ...DEPUTY_IT, name: 'Paola Ferrante' }, BEN_AMOR] }),
      {},
      'same',
    ],
    // Must not merge.
    ['same people a month later', meeting({ date: '2026-04-06' }), {}, 'different'],
    ['same people four days later', meeting({ date: '2026-03-08' }), {}, 'different'],
    ['a phone call, then the visit', meeting({ kind: 'call', place: null, date: '2026-03-03' }), {}, 'different'],
    [
      'a planned visit is not the visit',
      meeting({ kind: 'planned_visit', date: null }),
      { published: '2026-03-04' },
      'different',
    ],
    ['deputies the same week', meeting({ participants: [DEPUTY_IT, DEPUTY_TN], date: '2026-03-06' }), {}, 'different'],
    ['same people, another country’s capital', meeting({ place: 'Rome' }), {}, 'ask'],
    ['the visitor’s next appointment with another host', meeting({ participants: [ROSSETTI, POLICE_TN] }), {}, 'ask'],
    [
      'one shared person, counterparts of two other countries',
      meeting({
        participants: [ROSSETTI, { name: 'Nadia Haddad', role: 'Interior Minister', country: 'LB' }],
        countries: ['IT', 'LB'],
      }),
      {},
      'different',
    ],
    [
      'undated, published weeks later',
      meeting({ date: null, datePrecision: null }),
      { published: '2026-03-30' },
      'different',
    ],
    [
      'undated and nothing to date it by, no place',
      meeting({ date: null, datePrecision: null, place: null }),
      {},
      'ask',
    ],
  ])('%s → %s', (_name, d, context, expected) => {
    const s = scoreSameEvent(d, STORED, context);
    expect(verdictOf(s), JSON.stringify(s)).toBe(expected);
  });

  it('uses an undated stored engagement’s publication date', () => {
    const undated = stored(meeting({ date: null, datePrecision: null }));
    expect(matchSameEvent(meeting(), [{ engagement: undated, published: '2026-03-05' }]).verdict).toBe('same');
    expect(matchSameEvent(meeting(), [{ engagement: undated, published: '2026-05-05' }]).verdict).toBe('different');
  });

  it('picks the best-scoring candidate', () => {
    const near = stored(meeting({ date: '2026-03-04' }), 'eng:near');
    const far = stored(meeting({ date: '2026-03-02' }), 'eng:far');
    expect(matchSameEvent(meeting(), [far, near]).engagement?.id).toBe('eng:near');
  });
});

describe('the grey zone is asked and the answer remembered', () => {
  const URL_A = 'https://first.example/rossetti-in-tunis';
  const URL_B = 'https://second.example/rossetti-meets-police-chief';
  const greyDraft = meeting({ participants: [ROSSETTI, POLICE_TN] });

  it('keeps a grey-zone report apart and says whom to ask about', async () => {
    const db = freshDb();
    const a = await recordEngagement(db, meeting(), source(URL_A, 'First', '2026-03-04'));
    const b = await recordEngagement(db, greyDraft, source(URL_B, 'Second', '2026-03-04'));
    if (!a.ok || !b.ok) throw new Error('write failed');
    expect(b.value.merged).toBe(false);
    expect(b.value.ask).toBe(a.value.engagementId);
    expect(await db.engagements.count()).toBe(2);
  });

  it('“Yes” folds the article into that engagement and later captures obey it', async () => {
    const db = freshDb();
    const a = await recordEngagement(db, meeting(), source(URL_A, 'First', '2026-03-04'));
    await recordEngagement(db, greyDraft, source(URL_B, 'Second', '2026-03-04'));
    if (!a.ok) throw new Error(a.error);
    const yes = await answerSameEvent(db, `${URL_B}?utm_source=x`, a.value.engagementId, true);
    expect(yes).toEqual({ ok: true, value: { engagementId: a.value.engagementId } });
    expect(await db.engagements.count()).toBe(1);
    const srcs = await db.sources.toArray();
    expect(srcs.map((s) => s.engagementId)).toEqual([a.value.engagementId, a.value.engagementId]);
    const merged = await db.engagements.get(a.value.engagementId);
    expect(merged?.participants.map((p) => p.name)).toEqual(['Carlo Rossetti', 'Khaled Ben Amor', 'Mourad Jebali']);
    // The same article saved again (by the reader, so not skipped as on file) goes where the reader said.
    const again = await recordEngagement(db, greyDraft, source(URL_B, 'Second', '2026-03-04'), 'user');
    expect(again.ok && again.value).toMatchObject({ engagementId: a.value.engagementId, merged: true });
  });

  it('“No” is remembered: that engagement is never asked about or merged for the article again', async () => {
    const db = freshDb();
    const a = await recordEngagement(db, meeting(), source(URL_A, 'First', '2026-03-04'));
    if (!a.ok) throw new Error(a.error);
    // Even a report that would merge by itself stays apart once the reader said no.
    const no = await answerSameEvent(db, URL_B, a.value.engagementId, false);
    expect(no).toEqual({ ok: true, value: { engagementId: null } });
    const b = await recordEngagement(db, meeting(), source(URL_B, 'Second', '2026-03-04'), 'user');
    expect(b.ok && b.value).toMatchObject({ merged: false, ask: null });
    expect(await db.engagements.count()).toBe(2);
  });
});
