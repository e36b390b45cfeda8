import { describe, expect, it } from 'vitest';
import { cityName } from '../../../lib/lexicon/city-name';

describe('cityName', () => {
  it.each([
    ['ISLAMABAD', 'Islamabad'],
    ['NEW DELHI', 'New Delhi'],
    ['SHARM EL-SHEIKH', 'Sharm El-Sheikh'],
    ['N’DJAMENA', 'N’Djamena'],
    ['Brussels', 'Brussels'],
    ['Dar es Salaam', 'Dar es Salaam'],
  ])('cityName(%s) = %s', (raw, city) => {
    expect(cityName(raw)).toBe(city);
  });
});
