import { describe, expect, it } from 'vitest';
import {
  MONTH_ABBREVIATION_FORMS,
  MONTH_ABBREVIATIONS,
  MONTH_SOURCE,
  MONTH_STEM_SOURCE,
  monthNumber,
  OTHER_MONTHS,
  WEEKDAY_STEM_SOURCE,
  WEEKDAYS,
} from '../../../lib/lexicon/calendar';

describe('month names', () => {
  it('lists the twelve short forms in calendar order, each a month the reader knows', () => {
    expect(MONTH_ABBREVIATIONS).toHaveLength(12);
    MONTH_ABBREVIATIONS.forEach((m, i) => {
      expect(monthNumber(m)).toBe(i + 1);
    });
  });

  it.each([
    ['December', 12],
    ['Sept.', 9],
    ['sept', 9],
    ['JUNE', 6],
    ['Mayor', null],
    ['Juneteenth', null],
  ])('monthNumber(%s) = %s', (name, n) => {
    expect(monthNumber(name)).toBe(n);
  });

  it.each([
    ['Dec', true],
    ['December', true],
    ['Sept.', true],
    ['Decade', false],
    ['Monday', false],
  ])('MONTH_SOURCE matches all of %s: %s', (word, whole) => {
    expect(new RegExp(`^${MONTH_SOURCE}$`).test(word)).toBe(whole);
  });

  it('derives the abbreviated forms: short for a longer name of the same month', () => {
    expect([...MONTH_ABBREVIATION_FORMS].sort()).toEqual(
      ['apr', 'aug', 'dec', 'feb', 'jan', 'jul', 'jun', 'mar', 'nov', 'oct', 'sep', 'sept'].sort(),
    );
  });

  it('derives the stem pattern from the short forms', () => {
    const stem = new RegExp(`^${MONTH_STEM_SOURCE}`);
    expect(stem.test('November')).toBe(true);
    expect(stem.test('Noon')).toBe(false);
  });

  it('keeps other languages apart, accents included', () => {
    expect(OTHER_MONTHS.février).toBe(2);
    expect(OTHER_MONTHS.listopadu).toBe(11);
    expect(OTHER_MONTHS.december).toBeUndefined();
  });

  it('lists the weekdays as Date.getUTCDay counts them, and their stems', () => {
    expect(WEEKDAYS[new Date(Date.UTC(2026, 11, 3)).getUTCDay()]).toBe('Thursday');
    const stem = new RegExp(`^${WEEKDAY_STEM_SOURCE}`);
    expect(stem.test('Fri')).toBe(true);
    expect(stem.test('Tuesday')).toBe(true);
    expect(stem.test('Thai')).toBe(false);
  });
});
