/**
 * Role-title parsing: from a head word ("Minister", "Commissioner", "Gen") outwards to the whole title and the
 * name it introduces. Titles follow the grammar in data/roles.ts; portfolio and institution words are a closed
 * vocabulary, so the first word outside it that looks like a name starts the name.
 */
import type { CountryCode } from '../types';
import type { RoleHeadDef } from './data/roles';
import {
  type Gazetteer,
  type Payload,
  W_CONNECTOR,
  W_FACILITY,
  W_GOVQUAL,
  W_HONORIFIC,
  W_NONGOV,
  W_ORG,
  W_PORTFOLIO,
  W_PREMOD,
  W_ROLE,
  W_STOP,
} from './gazetteer';
import {
  CAP,
  foldWord,
  GAP_ABBR,
  GAP_COMMA,
  GAP_HARD,
  GAP_HYPHEN,
  GAP_SPACE,
  hashWord,
  LINE,
  LOWER,
  POSS,
  SENT,
  type Tokens,
  UPPER,
} from './tokenize';

/** A gazetteer match over tokens [s, e). */
export interface Match {
  s: number;
  e: number;
  payload: Payload;
}

export interface Scan {
  text: string;
  t: Tokens;
  g: Gazetteer;
  matches: Match[];
  /** Per token: index into `matches` of the accepted match covering it, or -1. */
  cover: Int32Array;
}

export interface OfficeRef {
  head: string;
  domain: string | null;
}

export interface Title {
  /** Token range of the role words, without a leading country ("Interior Minister"). */
  s: number;
  e: number;
  /** First token including a leading country or determiner, for appositions ("X, Belgium's interior minister"). */
  lead: number;
  role: string;
  refs: OfficeRef[];
  country: CountryCode | null;
  /** The country came from the title itself ("Italian", "Pakistan's", "of Belgium"), not a default. */
  explicit: boolean;
  gov: boolean;
  nongov: boolean;
  rankOnly: boolean;
  /** A head any body has ("Head", "Director", "Chairman"), public only through its qualifiers ("Unit Head"). */
  generic: boolean;
  /** Qualified by an international organisation ("UNHCR Representative", "Secretary General of Interpol"). */
  intl: boolean;
  /** Token range of the name the title introduces or follows, if any. */
  name: [number, number] | null;
  /** A plural title's further holders ("Ministers A of Peru and B of Ecuador"): B, with the country stated. */
  others?: { name: [number, number]; country: CountryCode | null }[];
}

const H_FOR = hashWord('for');
const H_OF = hashWord('of');
const H_ON = hashWord('on');
const H_TO = hashWord('to');
const H_FROM = hashWord('from');
const H_BOARD = hashWord('board');
const H_THE = hashWord('the');
const H_AND = hashWord('and');
const H_AMP = hashWord('&');
const H_IN = hashWord('in');
const H_PEOPLE = hashWord('people');
const H_HIS = hashWord('his');
const H_HER = hashWord('her');
const H_AMIR = hashWord('amir');
const GULF_STYLES = new Set(['he', 'hh', 'hrh'].map(hashWord));
/** Heads whose holder is posted abroad: "Ambassador of Japan to Pakistan", "High Commissioner in London". */
export const POSTED: ReadonlySet<string> = new Set([
  'ambassador',
  'high-commissioner',
  'consul',
  'charge',
  'envoy',
  'dhm',
]);

/** Words between a name, its comma and a title: "X, who is Ghana's Minister", "X, who was appointed…". */
const APPOSITION_GLUE = new Set(
  [
    'the',
    'a',
    'who',
    'is',
    'was',
    'also',
    'now',
    'currently',
    'appointed',
    'named',
    'newly',
    'his',
    'her',
    'their',
  ].map(hashWord),
);
const RETIRED = new Set(['retd', 'rtd', 'r', 'retired'].map(hashWord));
const H_SENATOR = hashWord('senator');
/** Gulf honorifics that stand before a given name ("the Amir Sheikh Tamim"). */
const GIVEN_HONORIFICS: ReadonlySet<number> = new Set(
  ['sheikh', 'sheikha', 'shaikh', 'shaikha', 'sayyid', 'sayyida'].map(hashWord),
);

const GENERIC_DOMAINS = new Set(['affairs', 'control', 'office', 'public', 'europe']);

function soft(gap: number): boolean {
  return gap === GAP_SPACE || gap === GAP_HYPHEN || gap === GAP_ABBR;
}

function bitsOf(sc: Scan, k: number): number {
  const e = sc.g.words.get(sc.t.hash[k]);
  return e ? e.bits : 0;
}

/** Longest role head starting at token k. */
export function matchHead(sc: Scan, k: number): { def: RoleHeadDef; end: number } | null {
  const { t } = sc;
  const entry = sc.g.words.get(t.hash[k]);
  let node = entry?.role ?? null;
  let best: { def: RoleHeadDef; end: number } | null = null;
  let i = k;
  while (node) {
    if (node.payload) best = { def: node.payload[0], end: i + 1 };
    if (!node.next || i + 1 >= t.n || !soft(t.gap[i]) || (t.flags[i] & POSS) !== 0) break;
    node = node.next.get(t.hash[i + 1]) ?? null;
    i++;
  }
  return best;
}

function coverAt(sc: Scan, k: number): Match | null {
  const m = sc.cover[k];
  return m >= 0 ? sc.matches[m] : null;
}

function placeCountry(sc: Scan, m: Match): { country: CountryCode | null; org: boolean } | null {
  const p = m.payload;
  if (p.kind === 'country') return { country: p.code, org: false };
  if (p.kind === 'bloc') return { country: sc.g.blocs[p.bloc].country ?? null, org: true };
  return null;
}

/** Is token k a plausible word of a person's name? `first` is stricter: no portfolio words. */
export function nameWord(sc: Scan, k: number, first: boolean): boolean {
  const f = sc.t.flags[k];
  if ((f & CAP) === 0) return false;
  if ((f & UPPER) !== 0) return false;
  const m = coverAt(sc, k);
  if (m && m.payload.kind !== 'official' && (first || !placeInName(sc, k, m))) return false;
  const b = bitsOf(sc, k);
  // "Amir" is a head only in the contexts amirAsTitle() accepts; elsewhere it is a given name.
  const roleBits = sc.t.hash[k] === H_AMIR && !amirAsTitle(sc, k) ? 0 : W_ROLE;
  if (b & (W_STOP | roleBits | W_PREMOD | W_ORG | W_HONORIFIC | W_FACILITY)) return false;
  if (first && b & W_PORTFOLIO) return false;
  return true;
}

/**
 * "Lisa Monaco", "Félix Medina", "Juan Lima": after a given name, a one-word country or city is a family name (the
 * caller is inside a name; a possessive "Pakistan's" is never one).
 */
function placeInName(sc: Scan, k: number, m: Match): boolean {
  const p = m.payload;
  return (
    p.kind === 'country' &&
    p.form !== 'demonym' &&
    m.s === k &&
    m.e === k + 1 &&
    k > 0 &&
    soft(sc.t.gap[k - 1]) &&
    (sc.t.flags[k] & POSS) === 0 &&
    (sc.t.flags[k - 1] & CAP) !== 0 &&
    coverAt(sc, k - 1) === null
  );
}

/** "Al Said", "bin Said": after a name particle a capitalised word is a name even when it is also a common word. */
function afterConnector(sc: Scan, k: number): boolean {
  const { t } = sc;
  if (k < 1 || !soft(t.gap[k - 1]) || (bitsOf(sc, k - 1) & W_CONNECTOR) === 0) return false;
  const f = t.flags[k];
  if ((f & CAP) === 0 || (f & UPPER) !== 0) return false;
  const m = coverAt(sc, k);
  if (m && m.payload.kind !== 'official') return false;
  return (bitsOf(sc, k) & (W_ROLE | W_ORG | W_FACILITY)) === 0;
}

/** A name read forwards from token k: capitalised words and particles, at most six. */
export function nameForward(sc: Scan, k: number): [number, number] | null {
  const { t } = sc;
  if (k >= t.n || !nameWord(sc, k, true)) return null;
  let e = k + 1;
  // Six words, more for particle chains ("Khalifa bin Hamad bin Khalifa Al Thani").
  let max = 6;
  while (e < t.n && e - k < max && soft(t.gap[e - 1]) && (t.flags[e - 1] & POSS) === 0) {
    if (bitsOf(sc, e) & W_CONNECTOR) max = 9;
    if (nameWord(sc, e, false) || afterConnector(sc, e)) {
      e++;
      continue;
    }
    if ((bitsOf(sc, e) & W_CONNECTOR) !== 0 && e + 1 < t.n && soft(t.gap[e]) && nameWord(sc, e + 1, false)) {
      e += 2;
      continue;
    }
    // "Ubaid-ur-Rehman", "Zia-ul-Haq": a short lowercase link between hyphens inside a given name.
    if (
      t.gap[e - 1] === GAP_HYPHEN &&
      (t.flags[e] & LOWER) !== 0 &&
      t.end[e] - t.start[e] <= 3 &&
      e + 1 < t.n &&
      t.gap[e] === GAP_HYPHEN &&
      nameWord(sc, e + 1, false)
    ) {
      e += 2;
      continue;
    }
    // "Abrar H Hashmi": a middle initial written without its dot.
    if (
      t.end[e] - t.start[e] === 1 &&
      (t.flags[e] & CAP) !== 0 &&
      e + 1 < t.n &&
      soft(t.gap[e]) &&
      nameWord(sc, e + 1, false)
    ) {
      e += 2;
      continue;
    }
    // "de la Fuente", "van der Berg": two lowercase particles before the surname.
    if (
      (bitsOf(sc, e) & W_CONNECTOR) !== 0 &&
      (t.flags[e] & LOWER) !== 0 &&
      e + 2 < t.n &&
      soft(t.gap[e]) &&
      soft(t.gap[e + 1]) &&
      (bitsOf(sc, e + 1) & W_CONNECTOR) !== 0 &&
      nameWord(sc, e + 2, false)
    ) {
      e += 3;
      continue;
    }
    break;
  }
  return [k, e];
}

/** A name read backwards ending at token j (inclusive). */
export function nameBackward(sc: Scan, j: number): [number, number] | null {
  const { t } = sc;
  if (j < 0 || !(nameWord(sc, j, false) || afterConnector(sc, j)) || (t.flags[j] & POSS) !== 0) return null;
  let s = j;
  let max = 6;
  while (s > 0 && j - s < max && (t.flags[s] & (SENT | LINE)) === 0 && soft(t.gap[s - 1])) {
    if (bitsOf(sc, s - 1) & W_CONNECTOR) max = 8;
    if (nameWord(sc, s - 1, false)) {
      s--;
      continue;
    }
    if ((bitsOf(sc, s - 1) & W_CONNECTOR) !== 0 && s >= 2 && soft(t.gap[s - 2]) && nameWord(sc, s - 2, false)) {
      s -= 2;
      continue;
    }
    break;
  }
  if (!nameWord(sc, s, true)) return null;
  return [s, j + 1];
}

/** "Dato' Seri": an honorific spelled with a closing apostrophe, then a space. */
function apostropheAfter(sc: Scan, k: number): boolean {
  const c = sc.text.charCodeAt(sc.t.end[k]);
  return (c === 0x27 || c === 0x2019) && sc.text.charCodeAt(sc.t.end[k] + 1) === 0x20 && k + 1 < sc.t.n;
}

/**
 * "Amir" is also a given name ("Amir Muqam", "Abdul Amir al-Shammari"): it is the Gulf ruler's title only as "the
 * Amir", "Qatari Amir", "Amir of Kuwait" or before "Sheikh".
 */
function amirAsTitle(sc: Scan, h: number): boolean {
  const { t } = sc;
  if (h > 0 && soft(t.gap[h - 1])) {
    if (t.hash[h - 1] === H_THE) return true;
    const m = coverAt(sc, h - 1);
    if (m && m.payload.kind === 'country') return true;
  }
  return h + 1 < t.n && soft(t.gap[h]) && (t.hash[h + 1] === H_OF || GIVEN_HONORIFICS.has(t.hash[h + 1]));
}

/** "(Retd)" or "(Retd.)": the bracket closes right after the word or after its abbreviation dot. */
function closesBracket(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return c === 0x29 || (c === 0x2e && text.charCodeAt(end + 1) === 0x29);
}

/**
 * A short note in brackets between a title and its name: "(Retd.)", and the acting markers "(s)", "(a.i.)", "(i)"
 * ("Foreign Minister (s) Rodrigo Yáñez").
 */
function bracketNote(sc: Scan, k: number): boolean {
  const { t, text } = sc;
  if (text.charCodeAt(t.start[k] - 1) !== 0x28 || !closesBracket(text, t.end[k])) return false;
  return RETIRED.has(t.hash[k]) || ((t.flags[k] & LOWER) !== 0 && t.end[k] - t.start[k] <= 4);
}

const AND_ANOTHER = new Set(['his', 'her', 'their', 'the'].map(hashWord));

/** "…, Demelash Gebremikael and his Somali counterpart": the name ends where "and" introduces another official. */
function andAnother(sc: Scan, k: number): boolean {
  const { t } = sc;
  return (
    k + 1 < t.n &&
    t.hash[k] === H_AND &&
    (t.flags[k] & LOWER) !== 0 &&
    soft(t.gap[k - 1]) &&
    soft(t.gap[k]) &&
    AND_ANOTHER.has(t.hash[k + 1])
  );
}

/** "Brig.-Gen.": two abbreviated ranks joined by ".-" are one rank (the tokenizer sees a sentence end there). */
function rankJoin(sc: Scan, k: number): boolean {
  const { t, text } = sc;
  if (k + 1 >= t.n || text.slice(t.end[k], t.start[k + 1]) !== '.-') return false;
  const next = matchHead(sc, k + 1);
  return next !== null && next.def.type === 'rank';
}

/** Skips honorifics, ranks and "(retd)" after a title, then reads the name. */
function nameAfter(sc: Scan, e: number): [number, number] | null {
  const { t, text } = sc;
  let k = e;
  for (let guard = 0; guard < 5 && k < t.n; guard++) {
    if (bitsOf(sc, k) & W_HONORIFIC && (soft(t.gap[k]) || apostropheAfter(sc, k))) {
      k++;
      continue;
    }
    // "His Highness", "Her Excellency".
    if (
      (t.hash[k] === H_HIS || t.hash[k] === H_HER) &&
      k + 1 < t.n &&
      soft(t.gap[k]) &&
      bitsOf(sc, k + 1) & W_HONORIFIC
    ) {
      k += 2;
      continue;
    }
    // Gulf agency style: "Minister of Interior HE Sheikh X", "HH Sheikh X", "HRH Prince X" (capitals only: "he").
    if (GULF_STYLES.has(t.hash[k]) && (t.flags[k] & UPPER) !== 0 && soft(t.gap[k])) {
      k++;
      continue;
    }
    if (bracketNote(sc, k)) {
      k++;
      continue;
    }
    const r = (t.flags[k] & CAP) !== 0 ? matchHead(sc, k) : null;
    if (r && (r.def.type === 'rank' || t.hash[k] === H_SENATOR) && r.end < t.n) {
      const nextIsRetd = RETIRED.has(t.hash[r.end]);
      if (soft(t.gap[r.end - 1]) || nextIsRetd || rankJoin(sc, r.end - 1)) {
        k = r.end;
        continue;
      }
    }
    break;
  }
  return nameForward(sc, k);
}

function domainOf(sc: Scan, s: number, e: number): string | null {
  const { text, t, g } = sc;
  for (let k = s; k < e; k++) {
    if ((bitsOf(sc, k) & W_PORTFOLIO) === 0) continue;
    const w = foldWord(text, t.start[k], t.end[k]);
    if (k + 1 < e) {
      const two = g.portfolio.get(`${w} ${foldWord(text, t.start[k + 1], t.end[k + 1])}`);
      if (two && !GENERIC_DOMAINS.has(two)) return two;
    }
    const one = g.portfolio.get(w);
    if (one && !GENERIC_DOMAINS.has(one)) return one;
  }
  return null;
}

interface Qualities {
  country: CountryCode | null;
  nongov: boolean;
  govQual: boolean;
  org: boolean;
  portfolio: boolean;
  intl?: boolean;
  /** The portfolio was read open-ended ("for Afghan Refugees"), so table defaults like "Commissioner for … → EU" do not apply. */
  open?: boolean;
}

/** Endings of abstract nouns that name portfolios ("Protection", "Corrections", "Decentralisation", "Refugees"). */
const PORTFOLIO_SUFFIXES = [
  'tion',
  'tions',
  'sion',
  'sions',
  'ment',
  'ments',
  'ance',
  'ence',
  'ity',
  'ism',
  'ies',
  'ees',
  'ure',
  'ics',
  'ship',
];

function portfolioLike(sc: Scan, k: number): boolean {
  const b = bitsOf(sc, k);
  if (b & (W_PORTFOLIO | W_ORG)) return true;
  if (b & W_STOP) return false;
  const len = sc.t.end[k] - sc.t.start[k];
  if (len < 5) return false;
  const w = foldWord(sc.text, sc.t.start[k], sc.t.end[k]);
  return PORTFOLIO_SUFFIXES.some((x) => w.endsWith(x));
}

/**
 * Open-ended portfolios: from token i, capitalised words up to the last one that reads as a portfolio noun, when
 * a name (or ", Name") still follows — "Minister of Migrant Workers Protection Abdul Karding", "State Minister for
 * Peace, Hirut". Returns i when there is no such run.
 */
function openPortfolioEnd(sc: Scan, i: number): number {
  const { t } = sc;
  let last = -1;
  let k = i;
  for (let steps = 0; k < t.n && steps < 6; steps++) {
    const f = t.flags[k];
    const b = bitsOf(sc, k);
    // Institution words ("Agency", "Service") are stopwords for names but end a portfolio run.
    // "National" also starts heads ("National Security Adviser"); inside a run it is an institution word.
    if ((f & CAP) === 0 || (f & UPPER) !== 0 || (b & W_ROLE && !(b & W_ORG)) || (b & W_STOP && !(b & W_ORG))) break;
    if (portfolioLike(sc, k)) last = k;
    const comma = t.gap[k] === GAP_COMMA;
    if (comma) {
      // "for Peace, Hirut Gebreselassie": the run ends at the comma and a name follows it.
      if (last < 0 && k === i && k + 1 < t.n && nameWord(sc, k + 1, true)) return k + 1;
      break;
    }
    if (!soft(t.gap[k]) || (f & POSS) !== 0) break;
    k++;
    if (k < t.n && (t.hash[k] === H_AND || t.hash[k] === H_OF) && (t.flags[k] & LOWER) !== 0) k++;
  }
  // "the Chairman of the National Drug Law Enforcement Agency, Brig.-Gen. X": an institution ends at the comma.
  // So does a portfolio list: "Minister of Interior and Decentralisation, Mohamed Ould …".
  if (last >= 0 && last + 1 < t.n && t.gap[last] === GAP_COMMA) return last + 1;
  if (last < 0 || last + 1 >= t.n || !soft(t.gap[last])) return i;
  // A name must remain after the portfolio.
  return nameWord(sc, last + 1, true) ? last + 1 : i;
}

/**
 * After a comma at token k: capitalised words ending in a portfolio noun, then "and"/"&" and more capitalised words
 * with a portfolio noun among the next three ("…, Public Security and Territorial Administration", "…,
 * International Cooperation and Moroccan Expatriates"). Names ("…, Ahmed Khan and Bilal Shah") do not qualify.
 */
function commaListGoesOn(sc: Scan, k: number): boolean {
  const { t } = sc;
  for (let i = k; i < t.n && i - k < 8; i++) {
    const f = t.flags[i];
    if ((t.hash[i] === H_AND && (f & LOWER) !== 0) || t.hash[i] === H_AMP) {
      if (i === k || !portfolioLike(sc, i - 1)) return false;
      for (let j = i + 1; j < t.n && j <= i + 3 && (t.flags[j] & CAP) !== 0; j++) {
        if (portfolioLike(sc, j)) return true;
        if (!soft(t.gap[j])) break;
      }
      return false;
    }
    const b = bitsOf(sc, i);
    if ((f & CAP) === 0 || (f & UPPER) !== 0 || b & W_ROLE || (b & W_STOP && !(b & (W_ORG | W_PORTFOLIO))))
      return false;
    if (!soft(t.gap[i]) && t.gap[i] !== GAP_COMMA) return false;
  }
  return false;
}

/**
 * "Executive Committee", "Regional Council": a word that also names or qualifies an office, right before an
 * institution noun, is part of the institution's name.
 */
function institutionModifier(sc: Scan, k: number): boolean {
  const { t } = sc;
  return (
    (t.flags[k] & CAP) !== 0 &&
    (bitsOf(sc, k) & (W_ROLE | W_PREMOD)) !== 0 &&
    k + 1 < t.n &&
    soft(t.gap[k]) &&
    (t.flags[k + 1] & CAP) !== 0 &&
    (bitsOf(sc, k + 1) & W_ORG) !== 0 &&
    t.hash[k + 1] !== H_BOARD
  );
}

/**
 * From token k, after a title's comma: an international body or an acronym closed by another comma ("…, INTERPOL,
 * Mr X"). Returns the token after that comma, or k.
 */
function bodyBetweenCommas(sc: Scan, k: number): number {
  const { t } = sc;
  const m = coverAt(sc, k);
  const end =
    m && m.s === k && m.payload.kind === 'bloc'
      ? m.e
      : (t.flags[k] & UPPER) !== 0 && coverAt(sc, k) === null
        ? k + 1
        : k;
  return end > k && end < t.n && t.gap[end - 1] === GAP_COMMA ? end : k;
}

/** Words that open an office's remit after its title: "State Secretary competent for migration issues". */
const REMIT_WORDS = new Set(['competent', 'responsible', 'charged', 'tasked', 'in-charge'].map(hashWord));
const H_CHARGE = hashWord('charge');

/**
 * "the State Secretary competent for migration issues Mr. Bernd Krösser", "the Secretary in charge of borders
 * Dr. X": a remit in lower case between the title and an honorific that starts the name. The honorific is what
 * makes the name safe to take after free words.
 */
function nameAfterRemit(sc: Scan, e: number): [number, number] | null {
  const { t } = sc;
  if (e >= t.n || !soft(t.gap[e - 1]) || (t.flags[e] & LOWER) === 0) return null;
  const opens = REMIT_WORDS.has(t.hash[e]) || (t.hash[e] === H_IN && e + 1 < t.n && t.hash[e + 1] === H_CHARGE);
  if (!opens) return null;
  for (let k = e + 1; k < t.n && k - e <= 8 && soft(t.gap[k - 1]); k++) {
    if (bitsOf(sc, k) & W_HONORIFIC && (t.flags[k] & CAP) !== 0) return nameAfter(sc, k);
    if ((t.flags[k] & CAP) !== 0 && (bitsOf(sc, k) & W_PORTFOLIO) === 0) return null;
  }
  return null;
}

/** Words of "of both nations", "of the two countries" after a plural title. */
const BOTH_WORDS = new Set(
  ['both', 'the', 'two', 'three', 'their', 'respective', 'nations', 'countries', 'sides', 'states'].map(hashWord),
);

/**
 * A plural title holds only over a list of two or more names, each with its country if stated: "the Interior
 * Ministers of both nations, A of Peru and B of Ecuador", "Foreign Ministers A (Chile) and B (Bolivia)".
 */
function pluralTitle(sc: Scan, title: Title): Title | null {
  const { t, text } = sc;
  let k = title.e;
  if (k < t.n && t.hash[k] === H_OF && (t.flags[k] & LOWER) !== 0) {
    let j = k + 1;
    while (j < t.n && j - k <= 4 && BOTH_WORDS.has(t.hash[j]) && (t.flags[j] & LOWER) !== 0) j++;
    if (j > k + 1) k = j;
  }
  const list: { name: [number, number]; country: CountryCode | null }[] = [];
  for (let guard = 0; guard < 8 && k < t.n; guard++) {
    if (t.gap[k - 1] >= GAP_HARD) break;
    const n = nameAfter(sc, k);
    if (!n) break;
    let j = n[1];
    let country: CountryCode | null = null;
    if (j + 1 < t.n && t.hash[j] === H_OF && soft(t.gap[j - 1]) && soft(t.gap[j])) {
      const m = coverAt(sc, j + 1);
      if (m && m.s === j + 1 && m.payload.kind === 'country') {
        country = m.payload.code;
        j = m.e;
      }
    } else if (j < t.n && text.slice(t.end[j - 1], t.start[j]) === ' (') {
      const m = coverAt(sc, j);
      if (m && m.s === j && m.payload.kind === 'country' && text.charCodeAt(t.end[m.e - 1]) === 0x29) {
        country = m.payload.code;
        j = m.e;
      }
    }
    list.push({ name: n, country });
    if (j >= t.n) break;
    // What separates this holder from the next: "and", a comma, either after a bracket ("(Chile) and").
    const sep = text
      .slice(t.end[j - 1], t.start[j])
      .replace(/^\)/, '')
      .trim();
    if (t.hash[j] === H_AND && sep === '') k = j + 1;
    else if (sep === ',') k = t.hash[j] === H_AND ? j + 1 : j;
    else break;
  }
  if (list.length < 2) return null;
  const [head, ...others] = list;
  title.role = title.role.replace(/(\w)(ies|s)$/, (_, c: string, suffix: string) => (suffix === 'ies' ? `${c}y` : c));
  title.name = head.name;
  if (head.country) {
    title.country = head.country;
    title.explicit = true;
  }
  title.others = others;
  return title;
}

/** A plural title as one title per holder, each with the country stated for them. */
export function holdersOf(title: Title): Title[] {
  if (!title.others) return [title];
  const rest = title.others.map((o) => ({
    ...title,
    name: o.name,
    country: o.country ?? title.country,
    explicit: o.country ? true : title.explicit,
    others: undefined,
  }));
  return [title, ...rest];
}

/** Consumes a portfolio/institution run after "for"/"of" or directly after a head; returns the new end. */
function portfolioRun(sc: Scan, k: number, q: Qualities, allowCountry: boolean): number {
  const { t } = sc;
  let e = k;
  let i = k;
  while (i < t.n) {
    // "of the People's Republic of China": the possessive cuts "People's" off the country's official name.
    if (t.hash[i] === H_PEOPLE && (t.flags[i] & POSS) !== 0 && i + 1 < t.n && (t.flags[i + 1] & CAP) !== 0) i++;
    const m = coverAt(sc, i);
    if (m && m.s === i && (m.payload.kind === 'country' || m.payload.kind === 'bloc')) {
      if (!allowCountry) {
        // "Commissioner for Afghan Refugees": a demonym qualifying a portfolio noun is part of the portfolio.
        if (m.payload.kind === 'country' && m.payload.form === 'demonym' && (bitsOf(sc, i) & W_PORTFOLIO) !== 0) {
          // "for Overseas Pakistanis and Human Resource Development": a portfolio that happens to be a demonym.
          q.portfolio = true;
          e = m.e;
        } else if (m.payload.kind === 'country' && m.payload.form === 'demonym' && m.e < t.n && soft(t.gap[m.e - 1])) {
          if (portfolioLike(sc, m.e)) {
            q.portfolio = true;
            q.open = true;
            e = m.e + 1;
          } else break;
        } else break;
      } else {
        const pc = placeCountry(sc, m);
        if (pc?.org) q.org = true;
        if (pc?.org && !pc.country) q.intl = true;
        if (pc?.country && !q.country) q.country = pc.country;
        e = m.e;
      }
    } else {
      const b = bitsOf(sc, i);
      const f = t.flags[i];
      if (b & (W_PORTFOLIO | W_ORG | W_NONGOV | W_GOVQUAL)) {
        if (b & W_NONGOV) q.nongov = true;
        if (b & W_GOVQUAL) q.govQual = true;
        if (b & W_PORTFOLIO) q.portfolio = true;
        // "Head of the Unit", "Director of the Executive Committee": a public body's office (a company's board is not).
        if (b & W_ORG && t.hash[i] !== H_BOARD) q.org = true;
        e = i + 1;
      } else if (institutionModifier(sc, i)) {
        q.org = true;
        e = i + 2;
      } else if ((f & UPPER) !== 0 && (b & W_STOP) === 0 && t.end[i] - t.start[i] <= 6) {
        q.org = true;
        e = i + 1;
      } else {
        const open = openPortfolioEnd(sc, i);
        if (open <= i) break;
        q.portfolio = true;
        q.open = true;
        e = open;
      }
    }
    // "Minister for Home Affairs, Security and Employment": a comma list of portfolio words that ends in "and".
    if (e + 1 < t.n && t.gap[e - 1] === GAP_COMMA && (t.flags[e - 1] & POSS) === 0 && commaListGoesOn(sc, e)) {
      i = e;
      continue;
    }
    // "of Libya's Government of National Unity": a country's institution goes on after the possessive.
    if (
      allowCountry &&
      e < t.n &&
      (t.flags[e - 1] & POSS) !== 0 &&
      coverAt(sc, e - 1)?.payload.kind === 'country' &&
      soft(t.gap[e - 1]) &&
      (t.flags[e] & CAP) !== 0 &&
      bitsOf(sc, e) & W_ORG
    ) {
      i = e;
      continue;
    }
    // Continue over "and", "&", "the", "of" only when a run word follows.
    if (e >= t.n || !soft(t.gap[e - 1]) || (t.flags[e - 1] & POSS) !== 0) break;
    const h = t.hash[e];
    if ((h === H_AND || h === H_AMP || h === H_THE || h === H_OF) && (t.flags[e] & LOWER || h === H_AMP)) {
      if (e + 1 < t.n && soft(t.gap[e])) {
        i = e + 1;
        // "… and Technology of the Republic of Maldives": "of the" before an institution or a country.
        if (h === H_OF && t.hash[i] === H_THE && i + 1 < t.n && soft(t.gap[i]) && (t.flags[i + 1] & CAP) !== 0) i++;
        continue;
      }
      break;
    }
    i = e;
  }
  return e;
}

/**
 * Parses the title whose head starts at token h. Returns null when h is not a head, or when it is a rank with no
 * name after it.
 */
export function parseTitle(sc: Scan, h: number): Title | null {
  const { t, text } = sc;
  const first = matchHead(sc, h);
  if (!first) return null;
  if (t.hash[h] === H_AMIR && !amirAsTitle(sc, h)) return null;
  if (first.def.type === 'rank' && (t.flags[h] & CAP) === 0) return null;
  const q: Qualities = { country: null, nongov: false, govQual: false, org: false, portfolio: false };
  let explicit = false;
  // Backwards: premodifiers, portfolio words, acronyms, then an optional country or demonym.
  let s = h;
  let lead = h;
  // Words of an institution's name already read ("Fire Force" in "Kuwait Fire Force Director").
  let orgWords = 0;
  for (let j = h - 1; j >= 0 && soft(t.gap[j]); j--) {
    const m = coverAt(sc, j);
    // A topic phrase inside a body's name ("Coast Guard") is read word by word below.
    if (m && m.e - 1 === j && m.payload.kind !== 'topic') {
      const pc = placeCountry(sc, m);
      if (pc) {
        if (pc.org) q.org = true;
        if (pc.org && !pc.country) q.intl = true;
        if (pc.country) {
          q.country = pc.country;
          explicit = true;
        }
        lead = m.s;
        // An organisation is part of the title ("Frontex chief"); a country is not ("Italian Interior Minister").
        if (pc.org && m.payload.kind === 'bloc' && sc.g.blocs[m.payload.bloc].code !== 'EU') s = m.s;
      }
      break;
    }
    if ((t.flags[j] & POSS) !== 0) {
      // "the club's president", "the company's chairman": an owner that is no government.
      if (bitsOf(sc, j) & W_NONGOV) q.nongov = true;
      break;
    }
    const b = bitsOf(sc, j);
    const f = t.flags[j];
    if (b & (W_PREMOD | W_PORTFOLIO | W_GOVQUAL | W_NONGOV)) {
      if (b & W_NONGOV) q.nongov = true;
      if (b & W_GOVQUAL) q.govQual = true;
      if (b & W_PORTFOLIO) q.portfolio = true;
      s = j;
      lead = j;
      continue;
    }
    if ((f & UPPER) !== 0 && (b & W_STOP) === 0 && t.end[j] - t.start[j] <= 6) {
      q.org = true;
      s = j;
      lead = j;
      continue;
    }
    // "Fire Force Director", "Coast Guard Commander": a public body's name before the head, read back to its first
    // capitalised word (at most two before the institution noun).
    if ((f & CAP) !== 0 && (b & W_ORG || (orgWords > 0 && orgWords < 3 && (b & W_STOP) === 0))) {
      if (b & W_ORG) q.org = true;
      orgWords++;
      s = j;
      lead = j;
      continue;
    }
    break;
  }
  if (first.def.type === 'rank' && s !== h) return null;
  // "Reliance Industries Chairman": a generic head qualified only by a portfolio-like word that follows an unknown
  // capitalised word is a company's ("Interior Ministry spokesman", "Punjab Police chief" have stronger qualifiers).
  // "Festival president", "La Liga president", "Samsung Electronics President": the same for a president of an
  // unknown body right before the head ("Commission President", "Afghan President" are known words).
  const bodyHead = first.def.canon === 'president' && s === h && !q.org;
  if (
    (bodyHead || (first.def.type === 'generic' && q.portfolio && !q.govQual && !q.org)) &&
    s === lead &&
    s > 0 &&
    soft(t.gap[s - 1])
  ) {
    const j = s - 1;
    const f = t.flags[j];
    if (
      (f & CAP) !== 0 &&
      (f & (UPPER | POSS)) === 0 &&
      coverAt(sc, j) === null &&
      (bitsOf(sc, j) & (W_STOP | W_ROLE | W_HONORIFIC)) === 0
    )
      q.nongov = true;
  }
  const refs: OfficeRef[] = [];
  let def = first.def;
  let e = first.end;
  let segStart = s;
  // Forwards: portfolio after for/of/on, destination after "to", and chained titles ("… and Foreign Minister").
  for (;;) {
    // Up to three segments: "Advisor to the Prime Minister | of Pakistan | on National Security".
    for (let seg = 0; seg < 3; seg++) {
      if ((t.flags[e - 1] & POSS) !== 0 || e >= t.n || !soft(t.gap[e - 1]) || def.type === 'rank') break;
      const segEnd = e;
      const hh = t.hash[e];
      if ((hh === H_FOR || hh === H_OF || hh === H_ON) && e + 1 < t.n && soft(t.gap[e])) {
        let k = e + 1;
        if (t.hash[k] === H_THE && k + 1 < t.n && soft(t.gap[k])) k++;
        const before = q.country;
        const end = portfolioRun(sc, k, q, hh === H_OF);
        if (end > k) {
          if (q.country !== before) explicit = true;
          e = end;
        }
      } else if (hh === H_FROM && e + 1 < t.n && soft(t.gap[e]) && !POSTED.has(def.canon)) {
        // "his counterpart from Syria", "Minister from Spain Mr. X": the official's own country.
        const m = coverAt(sc, e + 1);
        if (m && m.s === e + 1 && m.payload.kind === 'country') {
          q.country = m.payload.code;
          explicit = true;
          e = m.e;
        }
      } else if (hh === H_TO && e + 1 < t.n && soft(t.gap[e])) {
        const m = coverAt(sc, e + 1);
        let k = e + 1;
        if (t.hash[k] === H_THE && k + 1 < t.n && soft(t.gap[k])) k++;
        const mk = k === e + 1 ? m : coverAt(sc, k);
        if (mk && mk.s === k && mk.payload.kind === 'country') e = mk.e;
        else if ((t.flags[k] & CAP) !== 0 && bitsOf(sc, k) & W_ORG && coverAt(sc, k) === null) {
          // "Secretary to the Ministry of Foreign Employment", "Adviser to the Government of Pakistan".
          const before = q.country;
          const end = portfolioRun(sc, k, q, true);
          if (end > k) {
            if (q.country !== before) explicit = true;
            e = end;
          }
        } else if (k > e + 1 && (t.flags[k] & CAP) !== 0) {
          // "Advisor to the Prime Minister (of Pakistan)": the office served is part of the title.
          const served = matchHead(sc, k);
          if (served && served.def.type === 'gov') e = served.end;
        }
      } else if (
        seg === 0 &&
        (t.flags[e] & CAP) !== 0 &&
        (bitsOf(sc, e) & W_ROLE) === 0 &&
        ((bitsOf(sc, e) & W_PORTFOLIO) !== 0 || ((t.flags[e] & UPPER) !== 0 && coverAt(sc, e) === null))
      ) {
        // South Asian style: "Secretary Interior", "Minister Interior".
        const end = portfolioRun(sc, e, q, false);
        if (end > e) e = end;
      }
      if (e === segEnd) break;
    }
    // A posting after the sending state: "Ambassador of Japan to Pakistan", "High Commissioner in London".
    if (POSTED.has(def.canon) && e + 1 < t.n && soft(t.gap[e - 1]) && (t.flags[e - 1] & POSS) === 0) {
      const hh = t.hash[e];
      if ((hh === H_TO || hh === H_IN) && soft(t.gap[e])) {
        let k = e + 1;
        if (t.hash[k] === H_THE && k + 1 < t.n && soft(t.gap[k])) k++;
        const m = coverAt(sc, k);
        if (m && m.s === k && m.payload.kind === 'country') e = m.e;
      }
    }
    const domain = def.domain ?? domainOf(sc, segStart, e);
    refs.push({ head: def.canon, domain });
    // A chained title: "Deputy Prime Minister and Minister of Interior".
    if (e < t.n && t.hash[e] === H_AND && soft(t.gap[e - 1]) && (t.flags[e - 1] & POSS) === 0) {
      let r = e + 1;
      while (
        r < t.n &&
        r - e <= 3 &&
        soft(t.gap[r - 1]) &&
        bitsOf(sc, r) & (W_PREMOD | W_PORTFOLIO) &&
        !(bitsOf(sc, r) & W_ROLE)
      )
        r++;
      if (r < t.n && soft(t.gap[r - 1])) {
        const next = matchHead(sc, r);
        if (next && next.def.type !== 'rank') {
          for (let k = e + 1; k < r; k++) if (bitsOf(sc, k) & W_PORTFOLIO) q.portfolio = true;
          segStart = e + 1;
          def = next.def;
          e = next.end;
          continue;
        }
      }
    }
    break;
  }
  for (let k = s; k < e; k++) if (bitsOf(sc, k) & W_NONGOV) q.nongov = true;
  if (!q.country && def.country) q.country = def.country;
  if (!q.country && first.def.bareCountry && e === first.end) q.country = first.def.bareCountry;
  if (!q.country && first.def.country) q.country = first.def.country;
  // "Commissioner for Home Affairs" is the EU's; a commissioner of a named institution is not.
  if (!q.country && first.def.portfolioCountry && e > first.end && !q.open && !q.org)
    q.country = first.def.portfolioCountry;
  const type = first.def.type === 'generic' && def.type !== 'generic' ? def.type : first.def.type;
  const gov =
    !q.nongov && (type === 'gov' || type === 'rank' || (type === 'generic' && (q.govQual || q.org || q.portfolio)));
  const title: Title = {
    s,
    e,
    lead,
    role: text.slice(t.start[s], t.end[e - 1]),
    refs,
    country: q.country,
    explicit,
    gov,
    nongov: q.nongov,
    rankOnly: type === 'rank',
    generic: type === 'generic',
    intl: q.intl === true && !q.country,
    name: null,
  };
  if (first.def.plural) return pluralTitle(sc, title);
  // The name: after optional honorifics and a rank ("Chief of Army Staff General Asim Munir").
  if ((t.flags[e - 1] & POSS) === 0 && e < t.n && (soft(t.gap[e - 1]) || bracketNote(sc, e)))
    title.name = nameAfter(sc, e);
  // "The National Security Adviser (NSA), Mallam Nuhu Ribadu," / "Director General (DG) Kemi Nandap".
  if (!title.name && title.gov && e + 1 < t.n && text.slice(t.end[e - 1], t.start[e]) === ' (') {
    const close = t.end[e];
    // An acronym, or one capitalised word: "Internal Security Force (Lekhwiya) Sheikh X".
    if ((t.flags[e] & CAP) !== 0 && text.charCodeAt(close) === 0x29) {
      const after = text.slice(close + 1, t.start[e + 1]);
      if (after === ' ') title.name = nameAfter(sc, e + 1);
      else if (after === ', ') {
        const n = nameAfter(sc, e + 1);
        if (n && n[1] - n[0] >= 2 && (n[1] >= t.n || t.gap[n[1] - 1] >= GAP_COMMA)) title.name = n;
      }
    }
  }
  if (!title.name && title.gov) title.name = nameAfterRemit(sc, e);
  if (!title.name && type === 'rank') return null;
  // Apposition after the name: "Bernard Quintin, Belgium's interior minister", "Mubarak, who is Ghana's Minister…".
  if (!title.name) {
    let j = lead - 1;
    // "X, Foreign Ministry's Under-Secretary", "X, the German Foreign Office's Director": an owner before the title.
    if (j > 0 && (t.flags[j] & (POSS | CAP)) === (POSS | CAP) && soft(t.gap[j]) && bitsOf(sc, j) & W_ORG) {
      let i = j;
      let country: CountryCode | null = null;
      for (let steps = 0; steps < 5 && i > 0 && soft(t.gap[i - 1]) && (t.flags[i - 1] & CAP) !== 0; steps++) {
        const m = coverAt(sc, i - 1);
        if (m && m.payload.kind === 'country') country = m.payload.code;
        i--;
      }
      j = i - 1;
      if (!title.nongov) title.gov = true;
      if (country && !title.explicit) {
        title.country = country;
        title.explicit = true;
      }
    }
    for (
      let steps = 0;
      steps < 4 && j > 0 && (t.flags[j] & LOWER) !== 0 && APPOSITION_GLUE.has(t.hash[j]) && soft(t.gap[j]);
      steps++
    )
      j--;
    if (j >= 0 && t.gap[j] === GAP_COMMA) {
      const n = nameBackward(sc, j);
      if (n) title.name = n;
    }
  }
  // Title, comma, name, comma: "Belgium's interior minister, Bernard Quintin, said"; also before "and his
  // counterpart", "and the minister of …".
  if (!title.name && title.gov && e < t.n && t.gap[e - 1] === GAP_COMMA) {
    // "Executive Director Police Services, INTERPOL, Mr X,": the body between commas is the title's.
    const body = bodyBetweenCommas(sc, e);
    if (body > e && !title.country) title.intl = true;
    const n = nameAfter(sc, body);
    // "his Somali counterpart, Major General X Y signed …": a counterpart's name needs no closing comma.
    const counterpart = title.refs.some((r) => r.head === 'counterpart');
    const closed = n !== null && (n[1] >= t.n || t.gap[n[1] - 1] >= GAP_COMMA || andAnother(sc, n[1]) || counterpart);
    if (n && n[1] - n[0] >= 2 && closed) title.name = n;
  }
  if (title.name && title.name[1] < t.n && soft(t.gap[title.name[1] - 1]) && bitsOf(sc, title.name[1]) & W_FACILITY)
    title.name = null;
  return title;
}
