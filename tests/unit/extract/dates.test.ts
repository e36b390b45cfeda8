import { describe, expect, it } from 'vitest';
import { findDates, pickDate, resolveDate } from '../../../lib/extract/dates';

// 2025-12-12 is a Friday.
const ctx = { published: '2025-12-12' };

describe('resolveDate', () => {
  it.each([
    ['on 12 December 2025', '2025-12-12', 'day', true],
    ['on December 10, 2025', '2025-12-10', 'day', true],
    ['on Dec 12', '2025-12-12', 'day', true],
    ['on 3rd December', '2025-12-03', 'day', true],
    ['on Friday', '2025-12-12', 'day', false],
    ['on Wednesday', '2025-12-10', 'day', false],
    ['last Friday', '2025-12-05', 'day', false],
    ['yesterday', '2025-12-11', 'day', false],
    ['the day before yesterday', '2025-12-10', 'day', false],
    ['this week', '2025-12-12', 'approximate', false],
    ['earlier this week', '2025-12-12', 'approximate', false],
    ['last week', '2025-12-05', 'approximate', false],
    ['earlier this month', '2025-12-01', 'month', false],
    ['last month', '2025-11-01', 'month', false],
    ['in March 2025', '2025-03-01', 'month', true],
    ['last year', '2024-01-01', 'year', false],
    ['in 2023', '2023-01-01', 'year', true],
    // A range of days is dated by its first day.
    ['on 21-22 May 2018', '2018-05-21', 'day', true],
    ['on July 6–7, 2021', '2021-07-06', 'day', true],
    ['from 8 to 10 December', '2025-12-08', 'day', true],
  ])('%s → %s (%s)', (expr, date, precision, explicit) => {
    expect(resolveDate(expr, ctx)).toMatchObject({ date, precision, explicit });
  });

  it.each([['over the past year'], ['the meeting'], ['may 5 people'], ['2025 smugglers'], ['at 10:30']])(
    '%j is not a date',
    (expr) => {
      expect(resolveDate(expr, ctx)).toBeNull();
    },
  );

  it('puts a yearless date that would be months ahead into last year', () => {
    expect(resolveDate('on 20 November', { published: '2026-01-05' })?.date).toBe('2025-11-20');
  });

  it('resolves weekdays forward for plans', () => {
    expect(resolveDate('on Monday', { published: '2025-12-12', future: true })?.date).toBe('2025-12-15');
    expect(resolveDate('next week', { published: '2025-12-12', future: true })?.date).toBe('2025-12-19');
  });

  it('cannot resolve relative words without a publication date', () => {
    expect(resolveDate('on Friday', { published: null })).toBeNull();
    expect(resolveDate('12 December 2025', { published: null })?.date).toBe('2025-12-12');
  });
});

describe('pickDate', () => {
  it('prefers an explicit day over a relative word', () => {
    const text = 'Earlier this year officials met on 2 June 2025 in Rome.';
    expect(pickDate(findDates(text, ctx), 20)?.date).toBe('2025-06-02');
  });
  it('prefers day precision over month precision', () => {
    const text = 'Last month, after talks on Friday, they agreed.';
    expect(pickDate(findDates(text, ctx), 0)?.date).toBe('2025-12-12');
  });
});
