/**
 * Context for an official's country when the title names none: titles that only a few states use, and the
 * prepositions that make a country a destination or venue rather than the official's own.
 */
import { HOSTING_VERBS } from '../../lexicon/hosting-verbs';
import type { CountryCode } from '../../types';
import { hashWord } from '../tokenize';

/** Canonical head of "his Belgian counterpart": the same office as the official it answers to. */
export const COUNTERPART = 'counterpart';

/**
 * Words in a title (lowercase, matched as whole words) → the states that use it. With one of them named in the
 * text, it is the official's country; a single-state title needs no mention at all.
 */
export const TITLE_COUNTRY_HINTS: [string, CountryCode[]][] = [
  ['union', ['IN', 'MM']],
  ['chancellor', ['DE', 'AT']],
  ['cabinet secretary', ['KE']],
  ['principal secretary', ['KE']],
  ['taoiseach', ['IE']],
  ['tanaiste', ['IE']],
  ['chief minister', ['PK', 'IN', 'MY', 'LK']],
  ['chief secretary', ['PK', 'IN', 'BD']],
  ['chief of army staff', ['PK', 'BD', 'IN', 'NG', 'GH', 'LK', 'NP']],
  ['emir', ['QA', 'KW']],
  ['amir', ['QA', 'KW']],
  ['secretary of state for the home department', ['GB']],
  ['homeland security', ['US']],
  ['attorney general', ['US', 'GB', 'AU', 'IN', 'PK', 'KE', 'NG', 'GH']],
  ['state department', ['US']],
  ['pentagon', ['US']],
  ['white house', ['US']],
  ['kremlin', ['RU']],
  // Monarchs exist only in monarchies: "King Salman" in an Indonesian paper is Saudi.
  [
    'king',
    ['SA', 'JO', 'MA', 'BH', 'ES', 'GB', 'NL', 'BE', 'NO', 'SE', 'DK', 'TH', 'MY', 'KH', 'BT', 'LS', 'SZ', 'TO'],
  ],
  ['queen', ['GB', 'NL', 'DK', 'JO', 'ES', 'BE', 'NO', 'SE', 'TH']],
  ['crown prince', ['SA', 'AE', 'KW', 'BH', 'JO', 'JP', 'NO', 'DK', 'SE']],
  ['sultan', ['OM', 'BN']],
];

const hintCache = new Map<string, readonly CountryCode[]>();
const HINT_RES: [RegExp, CountryCode[]][] = TITLE_COUNTRY_HINTS.map(([w, c]) => [
  new RegExp(`(^|[^a-z])${w.replace(/ /g, '[ -]')}($|[^a-z])`),
  c,
]);

/** The states that use a title, or [] when any state might. Titles repeat, so results are cached. */
export function titleCountryHints(role: string): readonly CountryCode[] {
  const key = role.toLowerCase();
  let out = hintCache.get(key);
  if (!out) {
    out = [];
    for (const [re, c] of HINT_RES) {
      if (re.test(key)) {
        out = c;
        break;
      }
    }
    if (hintCache.size > 5000) hintCache.clear();
    hintCache.set(key, out);
  }
  return out;
}

/** A country after an official's name and one of these is where they go, not whose official they are. */
export const PLACE_PREPOSITIONS: ReadonlySet<number> = new Set(
  ['to', 'in', 'at', 'into', 'via', 'towards', 'toward', 'visit', 'visiting', 'across', 'through', 'with'].map(
    hashWord,
  ),
);

/**
 * Verbs that join two parties ("X met officials from Oman", "The Sri Lankan delegation called on X"): a country
 * across one belongs to the other side, so the sentence search for an official's country stops there.
 */
export const MEETING_VERBS: ReadonlySet<number> = new Set(
  [
    'met',
    'meets',
    'meet',
    'meeting',
    'received',
    'receives',
    'receive',
    'hosted',
    'hosts',
    'welcomed',
    'welcomes',
    'visited',
    'visits',
    'greeted',
    'greets',
    'thanked',
    'thanks',
    'briefed',
    'briefs',
    // Addressing another party: "X called on the UK to help", "X urged Italy to act".
    'called',
    'calls',
    'urged',
    'urges',
    'asked',
    'asks',
    'invited',
    'invites',
  ].map(hashWord),
);

/**
 * Verbs whose subject is the host ("President X received the minister", "was welcomed by Minister X"): the host of
 * a meeting at the dateline belongs to the dateline's country.
 */
export const HOST_VERBS: ReadonlySet<number> = new Set(HOSTING_VERBS.map(hashWord));
