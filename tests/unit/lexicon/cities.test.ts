import { describe, expect, it } from 'vitest';
import { CITIES, citiesReadBy, cityNamesByCountry } from '../../../lib/lexicon/cities';

describe('the city table', () => {
  it('names each city once, in lower case too (the extractor compares lower case)', () => {
    const keys = CITIES.map((c) => c.name.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['Karachi', 'PK', true, true],
    ['Geneva', 'CH', true, true],
    ['Gwadar', 'PK', true, false],
    ['Canary Islands', 'ES', true, false],
    ['Sharm el-Sheikh', 'EG', false, true],
    ['The Hague', 'NL', true, true],
  ])('%s (%s): detector %s, extractor %s', (name, country, detector, extractor) => {
    const entry = CITIES.find((c) => c.name === name);
    expect(entry?.country).toBe(country);
    expect(citiesReadBy('detector').some((c) => c.name === name)).toBe(detector);
    expect(citiesReadBy('extractor').some((c) => c.name === name)).toBe(extractor);
  });

  it('groups the detector’s names by country, in table order', () => {
    const byCountry = cityNamesByCountry('detector');
    expect(Object.keys(byCountry).slice(0, 3)).toEqual(['PK', 'IN', 'AE']);
    expect(byCountry.PK.slice(0, 2)).toEqual(['Karachi', 'Lahore']);
    expect(byCountry.IN).toContain('Delhi');
    expect(byCountry.IN).not.toContain('New Delhi');
  });
});
