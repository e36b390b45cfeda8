import { describe, expect, it } from 'vitest';
import { type CaptureSummary, captureText, shortDate } from '../../../lib/ui/capture-text';

const TODAY = new Date(Date.UTC(2026, 5, 20));
const base: CaptureSummary = {
  merged: false,
  sources: 1,
  names: ['Mohsin Naqvi', 'Matteo Piantedosi'],
  place: 'Rome',
  date: '2026-06-06',
  datePrecision: 'day',
};

describe('the capture notice text', () => {
  it.each<[Partial<CaptureSummary>, string]>([
    [{}, 'Added to your timeline: Naqvi – Piantedosi, Rome, 6 Jun'],
    [{ merged: true, sources: 2 }, 'Added as a second source of Naqvi – Piantedosi, Rome, 6 Jun'],
    [{ merged: true, sources: 14 }, 'Added as another source of Naqvi – Piantedosi, Rome, 6 Jun'],
    [{ place: null, date: null }, 'Added to your timeline: Naqvi – Piantedosi'],
    [{ date: '2025-12-11' }, 'Added to your timeline: Naqvi – Piantedosi, Rome, 11 Dec 2025'],
    [{ names: [] }, 'Added to your timeline: an engagement, Rome, 6 Jun'],
    [
      { names: ['A One', 'B Two', 'C Three', 'D Four', 'E Five'], place: null },
      'Added to your timeline: One – Two – Three – Four and 1 more, 6 Jun',
    ],
  ])('%o', (over, text) => {
    expect(captureText({ ...base, ...over }, TODAY)).toBe(text);
  });

  it.each<[string | null, CaptureSummary['datePrecision'], string | null]>([
    ['2026-06', 'month', 'Jun 2026'],
    ['2026', 'year', '2026'],
    ['2026-06-06', 'approximate', 'c. 6 Jun'],
    [null, null, null],
  ])('short date %s (%s) → %s', (date, precision, want) => {
    expect(shortDate(date, precision, TODAY)).toBe(want);
  });
});
