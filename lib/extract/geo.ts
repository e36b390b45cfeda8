/**
 * Country names, demonyms and capitals (from `world-countries`), plus the cities where diplomacy often happens
 * (`lexicon/cities.ts`). Used for places ("in Geneva"), unnamed counterparts ("his Belgian counterpart") and summaries
 * ("Pakistani Interior Minister …").
 */
import countries from 'world-countries';
import { citiesReadBy } from '../lexicon/cities';
import type { CountryCode } from '../types';

export interface CountryInfo {
  code: CountryCode;
  name: string;
  demonym: string;
  capitals: string[];
}

/** Short forms that read better in a summary than the official common names. */
const NAME_OVERRIDES: Readonly<Record<string, string>> = {
  US: 'United States',
  GB: 'United Kingdom',
  RU: 'Russia',
  KR: 'South Korea',
  KP: 'North Korea',
  IR: 'Iran',
  SY: 'Syria',
};

const DEMONYM_OVERRIDES: Readonly<Record<string, string>> = { US: 'US', GB: 'British', EU: 'EU', AE: 'Emirati' };

export const COUNTRY_INFO: ReadonlyMap<CountryCode, CountryInfo> = new Map(
  [
    ...countries.map((c) => ({
      code: c.cca2,
      name: NAME_OVERRIDES[c.cca2] ?? c.name.common,
      demonym: DEMONYM_OVERRIDES[c.cca2] ?? c.demonyms?.eng?.m ?? c.name.common,
      capitals: c.capital ?? [],
    })),
    { code: 'EU', name: 'European Union', demonym: 'EU', capitals: [] },
  ].map((c) => [c.code, c]),
);

/** Lower-case city name → country, from capitals and the cities the extractor reads (`lexicon/cities.ts`). */
export const CITY_COUNTRY: ReadonlyMap<string, CountryCode> = (() => {
  const map = new Map<string, CountryCode>();
  for (const c of COUNTRY_INFO.values()) for (const cap of c.capitals) map.set(cap.toLowerCase(), c.code);
  // "KUWAIT:", "Guatemala", "Singapore": a country named like its capital ("Kuwait City") is a dateline city too.
  for (const c of COUNTRY_INFO.values())
    for (const cap of c.capitals)
      if (cap.toLowerCase().startsWith(c.name.toLowerCase()) && !map.has(c.name.toLowerCase()))
        map.set(c.name.toLowerCase(), c.code);
  for (const city of citiesReadBy('extractor')) map.set(city.name.toLowerCase(), city.country);
  return map;
})();

/** Lower-case demonym or adjective ("belgian", "eu", "european") → country code. */
export const DEMONYM_COUNTRY: ReadonlyMap<string, CountryCode> = (() => {
  const map = new Map<string, CountryCode>();
  for (const c of COUNTRY_INFO.values()) {
    map.set(c.demonym.toLowerCase(), c.code);
    map.set(c.name.toLowerCase(), c.code);
  }
  for (const [k, v] of Object.entries({
    american: 'US',
    us: 'US',
    british: 'GB',
    uk: 'GB',
    european: 'EU',
    eu: 'EU',
    emirati: 'AE',
    saudi: 'SA',
    turkish: 'TR',
    dutch: 'NL',
    chinese: 'CN',
    afghan: 'AF',
  }))
    map.set(k, v);
  return map;
})();

export function countryName(code: CountryCode | null | undefined): string | null {
  return code ? (COUNTRY_INFO.get(code)?.name ?? null) : null;
}

export function demonym(code: CountryCode | null | undefined): string | null {
  return code ? (COUNTRY_INFO.get(code)?.demonym ?? null) : null;
}

export function capitalOf(code: CountryCode | null | undefined): string | null {
  return code ? (COUNTRY_INFO.get(code)?.capitals[0] ?? null) : null;
}
