/**
 * Country names, demonyms and capitals (from `world-countries`), plus the non-capital cities where diplomacy
 * often happens. Used for places ("in Geneva"), unnamed counterparts ("his Belgian counterpart") and summaries
 * ("Pakistani Interior Minister …").
 */
import countries from 'world-countries';
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

/** Cities that host meetings but are not capitals (or whose capital spelling differs), with their country. */
export const EXTRA_CITIES: Readonly<Record<string, CountryCode>> = {
  geneva: 'CH',
  'new york': 'US',
  davos: 'CH',
  istanbul: 'TR',
  dubai: 'AE',
  jeddah: 'SA',
  makkah: 'SA',
  mecca: 'SA',
  madinah: 'SA',
  medina: 'SA',
  lahore: 'PK',
  karachi: 'PK',
  peshawar: 'PK',
  quetta: 'PK',
  rawalpindi: 'PK',
  munich: 'DE',
  frankfurt: 'DE',
  milan: 'IT',
  strasbourg: 'FR',
  'the hague': 'NL',
  luxembourg: 'LU',
  shanghai: 'CN',
  mumbai: 'IN',
  'new delhi': 'IN',
  'sharm el-sheikh': 'EG',
  sochi: 'RU',
  'st petersburg': 'RU',
  'saint petersburg': 'RU',
  antalya: 'TR',
  vienna: 'AT',
  tashkent: 'UZ',
  samarkand: 'UZ',
  almaty: 'KZ',
  astana: 'KZ',
  baku: 'AZ',
  'abu dhabi': 'AE',
  doha: 'QA',
  riyadh: 'SA',
  ankara: 'TR',
  washington: 'US',
  'washington dc': 'US',
  london: 'GB',
  manchester: 'GB',
  birmingham: 'GB',
  brussels: 'BE',
  rome: 'IT',
  athens: 'GR',
  lisbon: 'PT',
  madrid: 'ES',
  barcelona: 'ES',
  paris: 'FR',
  berlin: 'DE',
  beijing: 'CN',
  kabul: 'AF',
  tehran: 'IR',
  moscow: 'RU',
  tokyo: 'JP',
  seoul: 'KR',
  canberra: 'AU',
  ottawa: 'CA',
  'kuala lumpur': 'MY',
  jakarta: 'ID',
  cairo: 'EG',
  amman: 'JO',
  muscat: 'OM',
  manama: 'BH',
  'kuwait city': 'KW',
  baghdad: 'IQ',
  dhaka: 'BD',
  colombo: 'LK',
  kathmandu: 'NP',
  warsaw: 'PL',
  stockholm: 'SE',
  copenhagen: 'DK',
  oslo: 'NO',
  helsinki: 'FI',
  dublin: 'IE',
  valletta: 'MT',
  'the vatican': 'VA',
  budapest: 'HU',
  prague: 'CZ',
  bucharest: 'RO',
  sofia: 'BG',
  zagreb: 'HR',
  belgrade: 'RS',
  tirana: 'AL',
  nicosia: 'CY',
  ashgabat: 'TM',
  dushanbe: 'TJ',
  bishkek: 'KG',
  tunis: 'TN',
  rabat: 'MA',
  tripoli: 'LY',
  algiers: 'DZ',
  nairobi: 'KE',
  'addis ababa': 'ET',
  pretoria: 'ZA',
  'cape town': 'ZA',
  brasilia: 'BR',
  'mexico city': 'MX',
  'buenos aires': 'AR',
  bangkok: 'TH',
  hanoi: 'VN',
  manila: 'PH',
  singapore: 'SG',
  wellington: 'NZ',
  kyiv: 'UA',
  kiev: 'UA',
  minsk: 'BY',
  tbilisi: 'GE',
  yerevan: 'AM',
  bern: 'CH',
  amsterdam: 'NL',
  rotterdam: 'NL',
  'la valletta': 'MT',
  marrakech: 'MA',
  marrakesh: 'MA',
  casablanca: 'MA',
  tangier: 'MA',
  'sharm el sheikh': 'EG',
  alexandria: 'EG',
  lyon: 'FR',
  marseille: 'FR',
  hamburg: 'DE',
  'bad schandau': 'DE',
  naples: 'IT',
  florence: 'IT',
  seville: 'ES',
  malaga: 'ES',
  thessaloniki: 'GR',
  izmir: 'TR',
  'los angeles': 'US',
  chicago: 'US',
  miami: 'US',
  'san francisco': 'US',
  toronto: 'CA',
  montreal: 'CA',
  vancouver: 'CA',
  sydney: 'AU',
  melbourne: 'AU',
  brisbane: 'AU',
  perth: 'AU',
  auckland: 'NZ',
  kolkata: 'IN',
  chennai: 'IN',
  bengaluru: 'IN',
  hyderabad: 'IN',
  chittagong: 'BD',
  kandy: 'LK',
  'ho chi minh city': 'VN',
  'sao paulo': 'BR',
  'rio de janeiro': 'BR',
  lagos: 'NG',
  mombasa: 'KE',
  johannesburg: 'ZA',
  dammam: 'SA',
  'al ula': 'SA',
  salalah: 'OM',
  sharjah: 'AE',
  erbil: 'IQ',
  basra: 'IQ',
  najaf: 'IQ',
  karbala: 'IQ',
  mashhad: 'IR',
  benghazi: 'LY',
  misrata: 'LY',
  lampedusa: 'IT',
  ceuta: 'ES',
  melilla: 'ES',
  calais: 'FR',
  dover: 'GB',
};

/** Lower-case city name → country, from capitals and the extra list. */
export const CITY_COUNTRY: ReadonlyMap<string, CountryCode> = (() => {
  const map = new Map<string, CountryCode>();
  for (const c of COUNTRY_INFO.values()) for (const cap of c.capitals) map.set(cap.toLowerCase(), c.code);
  // "KUWAIT:", "Guatemala", "Singapore": a country named like its capital ("Kuwait City") is a dateline city too.
  for (const c of COUNTRY_INFO.values())
    for (const cap of c.capitals)
      if (cap.toLowerCase().startsWith(c.name.toLowerCase()) && !map.has(c.name.toLowerCase()))
        map.set(c.name.toLowerCase(), c.code);
  for (const [city, code] of Object.entries(EXTRA_CITIES)) map.set(city, code);
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
