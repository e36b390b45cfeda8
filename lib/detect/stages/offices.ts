/**
 * Stage 8: the offices people hold on this page — what "his Belgian counterpart" stands for, each person's
 * office keys, and the countries their office is already claimed by or faces.
 */
import type { CountryCode } from '../../types';
import { COUNTERPART } from '../data/context';
import type { Gazetteer } from '../gazetteer';
import type { Person } from '../resolve';
import type { OfficeRef, Title } from '../titles';
import { SENT, type Tokens } from '../tokenize';

export interface Claims {
  /** Countries where someone else holds the same office (one interior minister per country). */
  hard: Set<CountryCode>;
  /**
   * Any country that qualifies someone else's title ("Indonesia's Minister of …"): outlets qualify foreigners and
   * leave their own officials bare, so a bare title is more likely from a country nobody's title names.
   */
  soft: Set<CountryCode>;
}

export interface Offices {
  /** The shown role of a title: a counterpart takes the office of the official it answers to. */
  roleOf(x: Title | undefined): string | null;
  claimed(p: Person): Claims;
  /** Countries of "his Albanian counterpart" answering one of p's titles: p is on the other side, so never theirs. */
  facing(p: Person): Set<CountryCode>;
}

const isCounterpart = (x: Title): boolean => x.refs.some((r) => r.head === COUNTERPART);
const sameOffice = (a: OfficeRef, b: OfficeRef) => a.head === b.head && a.domain === b.domain;

/** Answers are cached per title and per person: they are asked for every mention. */
/** No sentence starts between tokens a and b. */
function sameSentence(t: Tokens, a: number, b: number): boolean {
  for (let k = Math.min(a, b) + 1; k <= Math.max(a, b); k++) if (t.flags[k] & SENT) return false;
  return true;
}

export function officesOnPage(g: Gazetteer, titles: readonly Title[], persons: readonly Person[], t: Tokens): Offices {
  // "his Belgian counterpart" holds the office of the nearest official before it (else after it).
  const counterparts = new Map<Title, Title | null>();
  const counterpartOf = (x: Title): Title | null => {
    let found = counterparts.get(x);
    if (found === undefined) {
      found = nearestOffice(titles, x);
      counterparts.set(x, found);
    }
    return found;
  };
  const refCache = new Map<Title, OfficeRef[]>();
  const refsOf = (x: Title): OfficeRef[] => {
    if (!isCounterpart(x)) return x.refs;
    let r = refCache.get(x);
    if (!r) {
      r = counterpartOf(x)?.refs ?? [];
      refCache.set(x, r);
    }
    return r;
  };
  // "his Belgian counterpart X" is shown with the office of the official it answers to, never as "counterpart".
  const roleOf = (x: Title | undefined): string | null => {
    if (!x) return null;
    if (!isCounterpart(x)) return x.role;
    const other = counterpartOf(x);
    if (!other || isCounterpart(other) || !other.role) return null;
    // The office, not the other state's form of government: "Federal Interior Minister" → "Interior Minister".
    return other.role.replace(/^(federal|union|provincial|state)\s+/i, '');
  };
  const keyCache = new Map<Person, OfficeRef[]>();
  const officeKeysOf = (p: Person): OfficeRef[] => {
    let out = keyCache.get(p);
    if (out) return out;
    out = [];
    for (const x of p.titles) if (x.gov) out.push(...refsOf(x));
    if (p.known >= 0) for (const o of g.offices) if (o.official === p.known && o.gov) out.push(o);
    keyCache.set(p, out);
    return out;
  };
  const owned = new Map<Person, Claims>();
  const claimed = (p: Person): Claims => {
    let set = owned.get(p);
    if (!set) {
      set = { hard: new Set(), soft: new Set() };
      const mine = officeKeysOf(p);
      // The country p's own title implies ("Secretary of State" → US): "the US secretary of state" without a name
      // is p again, not a rival holder.
      const implied = new Set(p.titles.filter((x) => x.gov && x.country).map((x) => x.country));
      // Every other title counts, also offices named without a known holder ("met Oman's interior minister").
      for (const x of titles) {
        if (p.titles.includes(x) || !x.gov || !x.explicit || !x.country) continue;
        if (!x.name && implied.has(x.country)) continue;
        // "the Kuwaiti interior minister met …" in another sentence than any of p's, with p's office, is p again;
        // in p's own sentence it is a counterpart ("X met Oman's interior minister").
        const anaphor =
          !x.name && !p.titles.some((y) => y.explicit) && !p.titles.some((y) => sameSentence(t, y.s, x.s));
        if (anaphor && refsOf(x).some((r) => mine.some((m) => sameOffice(m, r)))) continue;
        // "her Uzbek counterpart" is qualified whichever side the outlet is on: it only rules out its own office.
        if (!isCounterpart(x)) set.soft.add(x.country);
        if (refsOf(x).some((r) => mine.some((m) => sameOffice(m, r)))) set.hard.add(x.country);
      }
      for (const q of persons) {
        if (q === p) continue;
        if (q.known >= 0 && q.country && officeKeysOf(q).some((r) => mine.some((m) => sameOffice(m, r))))
          set.hard.add(q.country);
      }
      for (const c of set.hard) set.soft.add(c);
      owned.set(p, set);
    }
    return set;
  };
  const facing = (p: Person): Set<CountryCode> => {
    const out = new Set<CountryCode>();
    for (const x of titles)
      if (x.country && x.explicit && isCounterpart(x)) {
        const other = counterpartOf(x);
        if (other && p.titles.includes(other)) out.add(x.country);
      }
    return out;
  };
  return { roleOf, claimed, facing };
}

function nearestOffice(titles: readonly Title[], x: Title): Title | null {
  let before: Title | null = null;
  let after: Title | null = null;
  for (const y of titles) {
    if (y === x || !y.gov || isCounterpart(y)) continue;
    if (y.s < x.s) before = y;
    else if (!after) after = y;
  }
  return before ?? after;
}
