/**
 * Stage 3: people named in the text — known officials by name or alias, names introduced by titles (joined to a
 * known official or to someone found earlier, else a new person), and offices named without a person.
 */

import { editDistance } from '../../lexicon/edit-distance';
import type { Gazetteer } from '../gazetteer';
import {
  foldName,
  officeHolders,
  type Person,
  personFromKnown,
  sameSpelledPerson,
  titleMatchesOffice,
} from '../resolve';
import type { Scan, Title } from '../titles';
import { foldWord, hashWord } from '../tokenize';

/** A person named over tokens [s, e), with the title that names them there, if any. */
export interface PersonMention {
  s: number;
  e: number;
  person: Person;
  title: Title | null;
}

export interface People {
  /** Everyone found, in order of discovery. */
  persons: Person[];
  /** Their mentions; later stages append follow-ups. */
  pms: PersonMention[];
}

/** Known officials looked at for one misspelt surname: enough for near spellings, bounded on odd pages. */
const NEAR_SURNAME_POOL = 50;

export function findPeople(sc: Scan, titles: readonly Title[], date: string | null): People {
  const { text, t, g, matches } = sc;
  const persons: Person[] = [];
  const byKnown = new Map<number, Person>();
  const pms: PersonMention[] = [];
  const knownPerson = (idx: number): Person => {
    let p = byKnown.get(idx);
    if (!p) {
      p = personFromKnown(g.officials[idx], idx);
      byKnown.set(idx, p);
      persons.push(p);
    }
    return p;
  };
  const nameText = (s: number, e: number): string => text.slice(t.start[s], t.end[e - 1]);
  const nameWords = (s: number, e: number): string[] => {
    const out: string[] = [];
    for (let k = s; k < e; k++) out.push(foldWord(text, t.start[k], t.end[k]));
    return out;
  };

  // A. Known officials by full name or alias.
  for (const m of matches) {
    if (m.payload.kind !== 'official') continue;
    const p = knownPerson(m.payload.official);
    pms.push({ s: m.s, e: m.e, person: p, title: null });
    // An alias spelling seen in the text ("Bernard Quinten") is a variant worth keeping.
    const raw = nameText(m.s, m.e);
    const ws = nameWords(m.s, m.e);
    if (raw !== p.name && !ws.every((w) => p.words.includes(w)) && !p.variants.includes(raw)) p.variants.push(raw);
  }
  // B. Names introduced by titles.
  const pending: { s: number; e: number; title: Title }[] = [];
  const overlapping = overlapFinder(pms);
  for (const title of titles) {
    if (!title.name) continue;
    const [ns, ne] = title.name;
    const known = overlapping(ns, ne);
    if (known) {
      known.title = title;
      known.person.titles.push(title);
      continue;
    }
    pending.push({ s: ns, e: ne, title });
  }
  const resolveName = (s: number, e: number, title: Title): Person | null => {
    const ws = nameWords(s, e);
    const raw = nameText(s, e);
    for (const p of persons) {
      const r = sameSpelledPerson(p, ws, title);
      if (r) {
        if (r === 'variant' && !p.variants.includes(raw) && raw !== p.name) p.variants.push(raw);
        return p;
      }
    }
    const candidates = g.surnames.get(hashWord(ws[ws.length - 1]));
    const last = ws[ws.length - 1];
    // Known officials with the same (or a near) surname: full names must agree on the first name, single
    // surnames need the title to fit one of the person's offices.
    const pool: number[] = candidates ? [...candidates] : [];
    if (!candidates && ws.length > 1 && last.length >= 4) {
      for (const i of surnamePrefixIndex(g).get(last.slice(0, 2)) ?? [])
        if (pool.length < NEAR_SURNAME_POOL && nearSurname(g, i, last)) pool.push(i);
    }
    for (const idx of pool) {
      const p = personFromKnown(g.officials[idx], idx);
      const r = sameSpelledPerson(p, ws, null);
      const fits = g.offices.some(
        (o) =>
          o.official === idx &&
          (titleMatchesOffice(title, o) || (!title.explicit && title.refs.some((x) => x.head === o.head))),
      );
      if (
        (ws.length > 1 && r) ||
        (ws.length === 1 && r && (fits || (title.country !== null && title.country === p.country)))
      ) {
        const kp = knownPerson(idx);
        if (r === 'variant' && !kp.variants.includes(raw)) kp.variants.push(raw);
        return kp;
      }
    }
    if (!title.gov) return null;
    const p: Person = { known: -1, name: raw, words: ws, titles: [], variants: [], country: null };
    persons.push(p);
    return p;
  };
  // Full names first, so a later one-word name can join the full name it shortens.
  for (const single of [false, true]) {
    for (const q of pending) {
      if ((q.e - q.s === 1) !== single) continue;
      const p = resolveName(q.s, q.e, q.title);
      if (!p) continue;
      p.titles.push(q.title);
      pms.push({ s: q.s, e: q.e, person: p, title: q.title });
    }
  }
  // C. Offices without a name: "Pakistan's interior minister" → the holder at the text's date.
  for (const title of titles) {
    if (title.name || !title.gov || !title.explicit) continue;
    const holders = officeHolders(g, title, date);
    if (holders.length !== 1) continue;
    const p = knownPerson(holders[0]);
    p.titles.push(title);
    pms.push({ s: title.s, e: title.e, person: p, title });
  }
  return { persons, pms };
}

/**
 * The known-name mention a title's name overlaps. Matches come in text order without overlaps, so a binary
 * search finds it; scanning every mention for every title made a page dense with titles quadratic.
 */
function overlapFinder(pms: readonly PersonMention[]): (ns: number, ne: number) => PersonMention | null {
  const ordered = pms.every((pm, i) => i === 0 || pm.s >= pms[i - 1].e);
  return (ns, ne) => {
    if (!ordered) {
      let found: PersonMention | null = null;
      for (const pm of pms) if (pm.s < ne && pm.e > ns) found = pm;
      return found;
    }
    let lo = 0;
    let hi = pms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pms[mid].s < ne) lo = mid + 1;
      else hi = mid;
    }
    const last = pms[lo - 1];
    return last && last.e > ns ? last : null;
  };
}

const prefixCache = new WeakMap<Gazetteer, Map<string, number[]>>();

/** Known officials by the first two letters of their surname, for spelling-variant look-ups. */
function surnamePrefixIndex(g: Gazetteer): Map<string, number[]> {
  let idx = prefixCache.get(g);
  if (!idx) {
    idx = new Map();
    g.officials.forEach((o, i) => {
      const words = foldName(o.name);
      const key = words[words.length - 1].slice(0, 2);
      const list = idx?.get(key);
      if (list) list.push(i);
      else idx?.set(key, [i]);
    });
    prefixCache.set(g, idx);
  }
  return idx;
}

function nearSurname(g: Gazetteer, idx: number, last: string): boolean {
  const words = foldName(g.officials[idx].name);
  const sn = words[words.length - 1];
  return sn[0] === last[0] && editDistance(sn, last, 2) <= 2;
}
