/**
 * Stage 10: the country of an official whose titles state none, from the context of their first titled mention:
 * the meeting side, a title only some states use, the title's default, the host's dateline, the outlet's country,
 * a country in the same sentence, a trip's host country, the dateline, the most mentioned country.
 */
import type { CountryCode } from '../../types';
import { MEETING_VERBS, PLACE_PREPOSITIONS, titleCountryHints } from '../data/context';
import type { Person } from '../resolve';
import { POSTED, type Scan } from '../titles';
import { LOWER, SENT } from '../tokenize';
import type { CountryEvidence } from './country-evidence';
import type { Layout } from './layout';
import type { Offices } from './offices';
import type { Sides } from './sides';

export type ContextCountry = (p: Person, k: number) => CountryCode | null;

export function contextCountryOf(
  sc: Scan,
  layout: Layout,
  evidence: CountryEvidence,
  offices: Offices,
  sides: Sides,
  /** The outlet's own country, if the page tells it. */
  home: CountryCode | null,
): ContextCountry {
  const { t, matches, cover } = sc;
  const { inName, inTitle, personAt } = layout;
  const { counts, dateline, frequent, visited } = evidence;
  const candidateAt = (j: number, skip: Set<CountryCode>, forward: boolean): CountryCode | null => {
    const ci = cover[j];
    if (ci < 0 || inTitle[j] || inName[j]) return null;
    const m = matches[ci];
    if (m.payload.kind !== 'country' || skip.has(m.payload.code)) return null;
    // "X will travel to Paris": a destination after the official is where they go, not whose official they are
    // (before the name it is usually the host: "on to India for talks with Home Minister X").
    if (forward && m.s > 0 && PLACE_PREPOSITIONS.has(t.hash[m.s - 1])) return null;
    return m.payload.code;
  };
  const mostFrequent = (skip: Set<CountryCode>): CountryCode | null => {
    let best: CountryCode | null = null;
    let n = 0;
    for (const [c, count] of counts) {
      if (!skip.has(c) && count > n) {
        n = count;
        best = c;
      }
    }
    return best;
  };
  return (p, k) => {
    let { hard, soft } = offices.claimed(p);
    // 1. The side of the meeting the sentence puts them on: "Y was joined by X; Z", "on behalf of Bolivia, X".
    const side = sides.sideAt(p, k);
    if (side) return side;
    // 2. Titles that only some countries use ("Union Home Secretary", "Chancellor"), when one is named.
    let hinted: CountryCode | null = null;
    let hintCount = 0;
    let hints: readonly CountryCode[] = [];
    for (const x of p.titles) if (x.gov && hints.length === 0) hints = titleCountryHints(x.role);
    for (const c of hints) {
      const n = counts.get(c) ?? 0;
      if (!hard.has(c) && n > hintCount) {
        hintCount = n;
        hinted = c;
      }
    }
    if (hinted) return hinted;
    if (hints.length === 1) return hints[0];
    // 3. The title's own default ("Home Secretary" is British).
    for (const x of p.titles) if (x.gov && x.country && !hard.has(x.country)) return x.country;
    // The host of a meeting at the dateline ("President X received …", "was received by Minister X") is the
    // dateline's; an envoy seldom is (the dateline is usually where they serve).
    const posted =
      p.titles.some((x) => x.gov) && p.titles.every((x) => !x.gov || x.refs.every((r) => POSTED.has(r.head)));
    if (dateline && !hard.has(dateline) && !posted && sides.hosts(k)) return dateline;
    if (posted && dateline) {
      hard = new Set(hard).add(dateline);
      soft = new Set(soft).add(dateline);
    }
    // 4. The outlet's own country, when the article names it: a national paper's untitled minister is its own.
    if (home && !hard.has(home) && counts.has(home) && !(visited && sides.metByTraveller(k))) return home;
    // 5. A country earlier in the same sentence, then later in it.
    for (let j = k - 1; j >= 0; j--) {
      const c = candidateAt(j, hard, false);
      if (c) return c;
      if (t.flags[j] & SENT) break;
    }
    let j0 = k + 1;
    while (j0 < t.n && personAt[j0] === personAt[k] && personAt[k] !== 0) j0++;
    for (let j = j0; j < t.n && (t.flags[j] & SENT) === 0; j++) {
      // Stop at the next official: a country after them is theirs ("President X of Iran").
      if (personAt[j] !== 0 || (inTitle[j] && cover[j] < 0)) break;
      if (MEETING_VERBS.has(t.hash[j]) && (t.flags[j] & LOWER) !== 0) break;
      const c = candidateAt(j, hard, true);
      if (c) return c;
    }
    // The dateline's own official away on a trip ("WASHINGTON – X was in Guatemala … X met with Foreign Minister
    // Y"): whom they meet there is the host country's.
    if (dateline && !soft.has(visited ?? dateline) && visited && sides.metByTraveller(k)) return visited;
    // 6. The dateline, else the country the article talks about most.
    if (dateline && !soft.has(dateline)) return dateline;
    // Never a country where someone else holds this office: no country is better than a counterpart's.
    const last = mostFrequent(soft) ?? (dateline && !hard.has(dateline) ? dateline : null) ?? mostFrequent(hard);
    if (last || !frequent || offices.facing(p).has(frequent) || (posted && frequent === dateline)) return last;
    return frequent;
  };
}
