import { describe, expect, it } from 'vitest';
import { normaliseDate } from '../../../lib/article/date-parse';
import { parseDateline } from '../../../lib/article/dateline';

describe('normaliseDate', () => {
  it.each([
    ['2025-12-11T22:10:00+05:00', '2025-12-11'],
    ['2025-12-11', '2025-12-11'],
    ['2025/12/11', '2025-12-11'],
    ['20251211', '2025-12-11'],
    ['Dec. 11, 2025', '2025-12-11'],
    ['December 11th, 2025 10:30 PM', '2025-12-11'],
    ['Thursday, 11 December 2025', '2025-12-11'],
    ['11 of December, 2025', '2025-12-11'],
    ['11/12/2025', '2025-12-11'],
    ['12/31/2025', '2025-12-31'],
    ['1765411200', '2025-12-11'],
  ])('%s → %s', (raw, iso) => {
    expect(normaliseDate(raw)).toBe(iso);
  });

  it.each([[''], ['yesterday'], ['2025-02-30'], ['not a date'], ['December 2025']])('%j → null', (raw) => {
    expect(normaliseDate(raw)).toBeNull();
  });
});

describe('parseDateline', () => {
  it.each([
    ['ISLAMABAD, Dec 12 (APP): The interior minister met his counterpart.', 'ISLAMABAD', 'APP', 12, 12],
    ['BRUSSELS (Reuters) - Ministers from both countries agreed on Friday.', 'BRUSSELS', 'Reuters', null, null],
    ['RIYADH: Saudi officials welcomed the delegation on Monday morning.', 'RIYADH', null, null, null],
    ['NEW DELHI, 3 March (PTI) — The two sides reviewed progress on trade.', 'NEW DELHI', 'PTI', 3, 3],
    ['Islamabad, Dec 12 (APP): The minister chaired a meeting on security.', 'Islamabad', 'APP', 12, 12],
    ['WASHINGTON (AP) — The secretary spoke with reporters after the talks.', 'WASHINGTON', 'AP', null, null],
    // A known city in title case needs no date when a sentence follows.
    ['Kathmandu: The ambassador called on the home minister at his office.', 'Kathmandu', null, null, null],
  ])('%s', (text, city, agency, month, day) => {
    const d = parseDateline(text);
    expect(d?.city).toBe(city);
    expect(d?.agency).toBe(agency);
    expect(d?.month ?? null).toBe(month);
    expect(d?.day ?? null).toBe(day);
  });

  it('finds a dateline after headline bullets', () => {
    const d = parseDateline(
      '- Minister meets counterpart in Rome\n- Both sides agree on returns\nROME: The ministers met on Tuesday to talk.',
    );
    expect(d?.city).toBe('ROME');
  });

  it.each([
    ['Note: this story has been updated with a statement from the ministry.'],
    ['UPDATE: The meeting was postponed until next week by the organisers.'],
    ['The minister met his counterpart in Brussels on Friday.'],
    ['PAKISTAN - EU'],
    ['Islamabad: a city of many parks and broad avenues.'],
  ])('no dateline in %j', (text) => {
    expect(parseDateline(text)).toBeNull();
  });
});
