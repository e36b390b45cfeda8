/**
 * Stage 9: the side of a meeting the sentence puts an official on — a member list ("Y, accompanied by X",
 * "on behalf of Bolivia, X", "the Chilean delegation … X"), the host ("X received …", "was received by X"), and
 * the object of a meeting verb whose subject is on a trip.
 */
import type { CountryCode } from '../../types';
import { HOST_VERBS, MEETING_VERBS } from '../data/context';
import type { Person } from '../resolve';
import type { Scan } from '../titles';
import { hashWord, LOWER, SENT } from '../tokenize';
import type { CountryEvidence } from './country-evidence';
import type { Layout } from './layout';
import type { PersonMention } from './people';

export interface Sides {
  /**
   * The side a member list puts the official at token k on: after "Y, accompanied by" / "Y was joined by" it is Y's
   * country, after "on behalf of Bolivia," or "the Chilean delegation" that country, up to the sentence's start.
   */
  sideAt(p: Person, k: number): CountryCode | null;
  /** Is the official at token k the host: subject of a hosting verb, or its agent after "by"? */
  hosts(k: number): boolean;
  /**
   * Is the official at token k the object of a meeting verb whose subject, earlier in the sentence, is an official
   * the text does not place abroad (no country of their own other than the dateline's), or paired with such an
   * official by "and" as one subject?
   */
  metByTraveller(k: number): boolean;
}

const ACCOMPANY = new Set(['accompanied', 'joined', 'flanked'].map(hashWord));
/** Nouns after a country that name one side of a meeting ("the Chilean delegation was made up of …"). */
const SIDE_NOUNS = new Set(['delegation', 'side', 'team'].map(hashWord));
const H_BY = hashWord('by');
const H_BEHALF = hashWord('behalf');
const H_OF = hashWord('of');
const H_AND = hashWord('and');
/** How far after a name a hosting verb is looked for ("President X, who …, received"). */
const HOST_VERB_REACH = 14;
/** Lowercase words past this many steps end the search for a hosting verb: the clause has moved on. */
const HOST_VERB_FREE_WORDS = 3;

export function meetingSides(
  sc: Scan,
  layout: Layout,
  pms: readonly PersonMention[],
  evidence: CountryEvidence,
): Sides {
  const { text, t, g, matches, cover } = sc;
  const { inName, inTitle, personAt } = layout;
  const { dateline, visitedAt } = evidence;
  /** A country stated for a person anywhere in the text: an explicit title, else the gazetteer's. */
  const sideCountryOf = (q: Person): CountryCode | null =>
    q.titles.find((x) => x.gov && x.explicit && x.country)?.country ??
    (q.known >= 0 ? (g.officials[q.known].country ?? null) : null);
  /** "on behalf of Bolivia", "the Chilean delegation": a side of the meeting named at token j. */
  const sideMarkerAt = (j: number): CountryCode | null => {
    const ci = cover[j];
    if (ci < 0 || inTitle[j] || inName[j]) return null;
    const m = matches[ci];
    if (m.payload.kind !== 'country' || m.s !== j) return null;
    if (m.e < t.n && SIDE_NOUNS.has(t.hash[m.e]) && (t.flags[m.e] & LOWER) !== 0) return m.payload.code;
    if (j >= 2 && t.hash[j - 1] === H_OF && t.hash[j - 2] === H_BEHALF) return m.payload.code;
    return null;
  };
  const sideAt = (p: Person, k: number): CountryCode | null => {
    // A member list separates its items with semicolons, which the tokenizer reads as sentence ends.
    const stop = (j: number): boolean =>
      (t.flags[j] & SENT) !== 0 && (j === 0 || !/^[\s;]*;[\s;]*$/.test(text.slice(t.end[j - 1], t.start[j])));
    for (let j = k - 1; j >= 0; j--) {
      if (ACCOMPANY.has(t.hash[j]) && j + 1 < k && t.hash[j + 1] === H_BY) {
        for (let i = j - 1; i >= 0; i--) {
          const pm = personAt[i] ? pms[personAt[i] - 1] : null;
          const c = pm && pm.person !== p ? sideCountryOf(pm.person) : null;
          if (c) return c;
          if (stop(i)) break;
        }
        return null;
      }
      const side = sideMarkerAt(j);
      if (side) return side;
      if (stop(j)) break;
    }
    return null;
  };
  const hosts = (k: number): boolean => {
    let j = k;
    while (j < t.n && personAt[j] === personAt[k] && personAt[k] !== 0) j++;
    for (let steps = 0; j < t.n && steps < HOST_VERB_REACH && (t.flags[j] & SENT) === 0; j++, steps++) {
      if (personAt[j] !== 0) return false;
      if (HOST_VERBS.has(t.hash[j]) && (t.flags[j] & LOWER) !== 0) return true;
      if (!inTitle[j] && (t.flags[j] & LOWER) !== 0 && steps > HOST_VERB_FREE_WORDS) break;
    }
    let i = k - 1;
    while (i >= 0 && inTitle[i]) i--;
    return i >= 1 && t.hash[i] === H_BY && HOST_VERBS.has(t.hash[i - 1]);
  };
  const metByTraveller = (k: number): boolean => {
    let start = k;
    while (start > 0 && (t.flags[start] & SENT) === 0) start--;
    if (visitedAt >= start) return false;
    // "While in Guatemala City, Secretary X and President Y discussed": paired with the traveller as one subject.
    let before = k - 1;
    while (before > start && inTitle[before]) before--;
    if (before > start && t.hash[before] === H_AND && personAt[before - 1] !== 0) {
      const c = sideCountryOf(pms[personAt[before - 1] - 1].person);
      if (c === null || c === dateline) return true;
    }
    // Other objects of the same verb may come first ("met with A, B and C").
    for (let j = k - 1; j >= 0; j--) {
      if (MEETING_VERBS.has(t.hash[j]) && (t.flags[j] & LOWER) !== 0) {
        for (let i = j - 1; i >= 0; i--) {
          if (personAt[i] !== 0) {
            const c = sideCountryOf(pms[personAt[i] - 1].person);
            return c === null || c === dateline;
          }
          if (t.flags[i] & SENT) return false;
        }
        return false;
      }
      if (t.flags[j] & SENT) return false;
    }
    return false;
  };
  return { sideAt, hosts, metByTraveller };
}
