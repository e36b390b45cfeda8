/**
 * The country an outlet reports from, for officials the text gives no country: a national paper's "Migration
 * Minister X" is usually its own country's. Read from what the page states about itself: the address's country
 * domain ("thelocal.se", "standard.co.uk"), a government domain, the outlet's name ("Times of Malta", "Kuwait
 * Times"), or a national news agency credited in the outlet's name or the dateline ("(TAP)", "KUNA copy").
 * International wires (Reuters, AFP, AP) and vanity domains (.io, .tv, .co) say nothing.
 */
import type { CountryCode } from '../types';

/** Country-code domains used as brand names rather than for the country ("news.co", "site.tv", "app.io"). */
const VANITY_DOMAINS = new Set([
  'io',
  'co',
  'tv',
  'me',
  'fm',
  'ai',
  'ws',
  'cc',
  'ly',
  'to',
  'am',
  'gg',
  'la',
  'nu',
  'tk',
  'st',
  'so',
  'is',
  'im',
  'vc',
  'sh',
]);

/** Domains whose code is not the country's ISO code. */
const DOMAIN_CODES: Readonly<Record<string, CountryCode>> = { uk: 'GB', eu: 'EU', gov: 'US', mil: 'US' };

/**
 * National news agencies (as credited: "(KUNA)", "Antara", "ENA") and the country whose government they report
 * for. International wires are left out on purpose: their copy is about any country.
 */
const NATIONAL_AGENCIES: Readonly<Record<string, CountryCode>> = {
  app: 'PK',
  pti: 'IN',
  ians: 'IN',
  ani: 'IN',
  uni: 'IN',
  pib: 'IN',
  xinhua: 'CN',
  dpa: 'DE',
  efe: 'ES',
  ansa: 'IT',
  anadolu: 'TR',
  wam: 'AE',
  spa: 'SA',
  irna: 'IR',
  tass: 'RU',
  kyodo: 'JP',
  yonhap: 'KR',
  bernama: 'MY',
  antara: 'ID',
  qna: 'QA',
  kuna: 'KW',
  bna: 'BH',
  mena: 'EG',
  belga: 'BE',
  bss: 'BD',
  tap: 'TN',
  mti: 'HU',
  ona: 'OM',
  vna: 'VN',
  nnt: 'TH',
  ena: 'ET',
  gna: 'GH',
  kna: 'KE',
  pna: 'PH',
  petra: 'JO',
  sana: 'SY',
  ukrinform: 'UA',
  unn: 'UA',
  bta: 'BG',
  hina: 'HR',
  tanjug: 'RS',
  ctk: 'CZ',
  pap: 'PL',
  lusa: 'PT',
  apa: 'AT',
  rss: 'NP',
  nan: 'NG',
  nna: 'NG',
  sapa: 'ZA',
  kpl: 'LA',
  akipress: 'KG',
  kazinform: 'KZ',
  uza: 'UZ',
  trend: 'AZ',
  armenpress: 'AM',
};

export interface OutletFacts {
  url?: string | null;
  /** The outlet's name as the page gives it ("Times of Malta", "Kuwait Times (KUNA copy)"). */
  outlet?: string | null;
  /** Agency credits found in the text's dateline ("TAP", "KUNA"). */
  credits?: readonly string[];
}

/** The country of a domain's last label, when it names one. */
export function domainCountry(url: string | null | undefined): CountryCode | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (DOMAIN_CODES[tld]) return DOMAIN_CODES[tld];
  if (tld.length !== 2 || VANITY_DOMAINS.has(tld)) return null;
  return tld.toUpperCase() as CountryCode;
}

/** The national agency credited in `text`, as a whole word ("Kuwait Times (KUNA copy)" → KW). */
export function agencyCountry(text: string | null | undefined): CountryCode | null {
  if (!text) return null;
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const c = NATIONAL_AGENCIES[word];
    if (c) return c;
  }
  return null;
}

/**
 * The outlet's country, or null. `countryIn` finds a country named in a short text (the detector's gazetteer):
 * it reads the outlet's name. The domain wins; then a country named in the outlet's name; then an agency.
 */
export function outletCountry(facts: OutletFacts, countryIn: (text: string) => CountryCode | null): CountryCode | null {
  const byDomain = domainCountry(facts.url);
  if (byDomain) return byDomain;
  const named = facts.outlet ? countryIn(facts.outlet) : null;
  if (named) return named;
  for (const credit of [facts.outlet ?? '', ...(facts.credits ?? [])]) {
    const c = agencyCountry(credit);
    if (c) return c;
  }
  return null;
}
