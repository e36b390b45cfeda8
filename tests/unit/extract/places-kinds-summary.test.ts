import { describe, expect, it } from 'vitest';
import { findCues } from '../../../lib/extract/kinds';
import { findPlace, visitDestination } from '../../../lib/extract/places';
import { splitSentences } from '../../../lib/extract/sentences';
import { shortRole, summarize } from '../../../lib/extract/summary';

describe('findCues', () => {
  it.each([
    ['Alpha met Beta in Rome.', 'meeting'],
    ['Alpha held a meeting with Beta.', 'meeting'],
    ['Alpha held a high-level bilateral meeting with Beta.', 'meeting'],
    ['Alpha received Beta at his office.', 'meeting'],
    ['Beta called on Alpha on Monday.', 'meeting'],
    ['Talks between Alpha and his Italian counterpart ended.', 'meeting'],
    ['Alpha and Beta signed a memorandum of understanding.', 'agreement'],
    ['Alpha received a telephone call from Beta.', 'call'],
    ['Alpha spoke by phone with Beta.', 'call'],
    ['Beta will visit Pakistan soon.', 'planned_visit'],
    ['Alpha invited Beta to visit Islamabad.', 'planned_visit'],
    ['Alpha arrived in Rome on Sunday.', 'visit'],
    ['Alpha said in a statement that talks were useful.', 'statement'],
  ])('%s → %s', (text, kind) => {
    expect(findCues(text)[0]?.kind).toBe(kind);
  });

  it.each([['The meeting focused on returns.'], ['Alpha said Pakistan was committed.'], ['Smugglers were arrested.']])(
    'no cue in %j',
    (text) => {
      expect(findCues(text)).toEqual([]);
    },
  );
});

describe('places', () => {
  it.each([
    ['They met in Brussels on Friday.', 'Brussels'],
    ['They met at the EU headquarters in Brussels.', 'Brussels'],
    ['In Geneva, the two sides agreed.', 'Geneva'],
    ['on the sidelines of the assembly in New York City', 'New York'],
    // Places no table knows, named by their context.
    ['They met in the border town of Piedras Negras on Monday.', 'Piedras Negras'],
    ['The talks were held at the Police Headquarters, Abuja, on Tuesday.', 'Abuja'],
    ["She called on him at the latter's office in Lal Durbar.", 'Lal Durbar'],
  ])('%s → %s', (text, place) => {
    expect(findPlace(text, 0, [], false)?.place).toBe(place);
  });

  it('takes an unknown city before a country named after its comma', () => {
    const text = 'They will meet again in Puerto Lempira, Honduras.';
    const at = text.indexOf('Honduras');
    const honduras = { start: at, end: at + 8, text: 'Honduras', kind: 'country' as const, entityId: 'country:HN' };
    expect(findPlace(text, 0, [honduras], false)).toMatchObject({ place: 'Puerto Lempira', country: 'HN' });
    expect(findPlace('They met in March, Honduras said.', 0, [honduras], false)).toBeNull();
  });

  it.each([
    ['The envoy flew from Brussels.'],
    ['They met in Parliament.'],
    ['They met on Friday.'],
    ['He was back at his office in January.'],
  ])('no place in %j', (text) => {
    expect(findPlace(text, 0, [], false)).toBeNull();
  });

  it.each([
    ['during his official visit to Belgium', 'Belgium'],
    ['on a three-day visit to Rome', 'Rome'],
  ])('visit destination in %s', (text, place) => {
    expect(visitDestination(text, [])?.place).toBe(place);
  });
});

describe('splitSentences', () => {
  it('keeps abbreviations and initials inside sentences and splits paragraphs', () => {
    const s = splitSentences(
      'Dr. A. Khan met Mr. Beta on Dec. 12 in the U.S. capital. They agreed.\nNew paragraph here.',
    );
    expect(s.map((x) => x.text)).toEqual([
      'Dr. A. Khan met Mr. Beta on Dec. 12 in the U.S. capital.',
      'They agreed.',
      'New paragraph here.',
    ]);
    expect(s.map((x) => x.paragraph)).toEqual([0, 0, 1]);
  });
});

describe('summary', () => {
  it.each([
    ['Federal Minister for Interior and Narcotics Control', 'Interior Minister'],
    ['Minister of Foreign Affairs', 'Foreign Minister'],
    ['European Commissioner for Home Affairs and Migration', 'Commissioner for Home Affairs and Migration'],
    ['Home Secretary', 'Home Secretary'],
  ])('shortRole(%s) = %s', (role, short) => {
    expect(shortRole(role)).toBe(short);
  });

  it('builds the sentence from structure', () => {
    const s = summarize({
      kind: 'meeting',
      participants: [
        { name: 'Mohsin Naqvi', role: 'Federal Minister for Interior and Narcotics Control', country: 'PK' },
        { name: 'Bernard Quintin', role: 'Interior Minister', country: 'BE' },
      ],
      place: 'Brussels',
      date: '2025-12-12',
      datePrecision: 'day',
      topics: ['illegal-migration', 'counterterrorism'],
    });
    expect(s).toBe(
      'Pakistani Interior Minister Mohsin Naqvi met Belgian Interior Minister Bernard Quintin in Brussels on 12 December 2025 to discuss illegal migration and counterterrorism.',
    );
  });

  it.each([
    ['planned_visit', 'EU Commissioner Magnus Brunner is expected to visit Pakistan.'],
    ['call', 'EU Commissioner Magnus Brunner spoke by phone with a counterpart.'],
  ] as const)('%s', (kind, text) => {
    const s = summarize({
      kind,
      participants: [{ name: 'Magnus Brunner', role: 'Commissioner', country: 'EU' }],
      place: kind === 'planned_visit' ? 'Pakistan' : null,
      date: null,
      datePrecision: null,
      topics: [],
    });
    expect(s).toBe(text);
  });
});
