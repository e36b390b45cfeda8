import { describe, expect, it } from 'vitest';
import { findDate, findYearlessDate, normaliseDate, yearOf } from '../../../lib/article/date-parse';

describe('normaliseDate on the forms real pages write', () => {
  it.each([
    // The C library's / Java's Date.toString(), as some CMSs put it in article:publicationdate.
    ['Tue Jun 03 08:15:44 CEST 2025', '2025-06-03'],
    ['Fri Oct 10 23:05:00 EDT 2025', '2025-10-10'],
    ['Sat Jan 4 7:02:11 +0100 2025', '2025-01-04'],
    // Weekday and time around an English date.
    ['Wednesday, Sep 3, 2025 6:40 PM UTC', '2025-09-03'],
    ['3/28/2025 11:20 AM EST', '2025-03-28'],
    // French, Spanish, Portuguese, Italian, German, Dutch, Czech.
    ['12 juillet 2025', '2025-07-12'],
    ['le 1er févr. 2025 à 10h05', '2025-02-01'],
    ['27 de noviembre de 2025 9:00 AM', '2025-11-27'],
    ['9 de março de 2025', '2025-03-09'],
    ['14.out.2025 às 15h10', '2025-10-14'],
    ['2 settembre 2025', '2025-09-02'],
    ['17. März 2025', '2025-03-17'],
    ['5 mei 2025', '2025-05-05'],
    ['3. října 2025', '2025-10-03'],
    ['22. června 2025 7:45', '2025-06-22'],
    // Chinese, Japanese, Korean.
    ['2025年4月18日 09:30', '2025-04-18'],
    ['2025年11月2日', '2025-11-02'],
    ['2025년 8월 15일', '2025-08-15'],
  ])('%s → %s', (raw, iso) => {
    expect(normaliseDate(raw)).toBe(iso);
  });

  it.each([
    ['out of 2025'],
    ['ran 30 mais 2025'],
    ['Fri Feb 30 10:00:00 EST 2025'],
    ['2025年13月2日'],
    ['the 12 set of 2025'],
  ])('%j → null', (raw) => {
    expect(normaliseDate(raw)).toBeNull();
  });
});

describe('findDate', () => {
  it('finds the earliest full date in running text, whatever its form', () => {
    const text = 'Filed 10:15 CET, 4 mars 2025 · edited on March 6, 2025';
    const found = findDate(text);
    expect(found?.iso).toBe('2025-03-04');
    expect(text.slice(found?.index, found?.end)).toBe('4 mars 2025');
  });

  it('finds nothing in text without a full date', () => {
    expect(findDate('Scores were 3-1 and 2/4 on Tuesday in May')).toBeNull();
  });
});

describe('yearless CJK stamps', () => {
  it('reads month, day and weekday of a Japanese stamp', () => {
    expect(findYearlessDate('共同通信 6/12(木) 8:05配信')).toEqual({ month: 6, day: 12, weekday: 4, index: 5 });
  });

  it('does not take a bare slash pair without a weekday for a date', () => {
    expect(findYearlessDate('試合は 2/1 で終わった')).toBeNull();
  });

  it.each([
    // 12 June was a Thursday in 2025: the stated year fits.
    [2025, '2025-06-12'],
    // A copyright year one ahead of the stamp: the weekday takes it back to 2025.
    [2026, '2025-06-12'],
  ])('near year %i → %s', (year, iso) => {
    expect(yearOf({ month: 6, day: 12, weekday: 4, index: 0 }, year)).toBe(iso);
  });

  it('keeps the stated year when the stamp has no weekday', () => {
    expect(yearOf({ month: 2, day: 29, weekday: null, index: 0 }, 2028)).toBe('2028-02-29');
  });
});
