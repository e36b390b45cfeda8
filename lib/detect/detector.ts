/**
 * The detector: gazetteer matches (fast path), then role titles, person resolution and follow-ups (full path),
 * assembled into a Detection with non-overlapping, sorted mentions.
 */
import type { CountryCode, DetectedOfficial, Detection, Mention, TopicId } from '../types';
import { EU_BLOC_ID } from './data/blocs';
import { COUNTERPART, HOST_VERBS, MEETING_VERBS, PLACE_PREPOSITIONS, titleCountryHints } from './data/context';
import { FICTION_WORDS, MIGRATION_TOPICS, type TopicNeed } from './data/topics';
import { buildGazetteer, type Gazetteer, type OfficeKey, W_SPORTS } from './gazetteer';
import { matchGazetteer, TextWords } from './match';
import { type OutletFacts, outletCountry } from './outlet-country';
import { proximityHits } from './proximity';
import {
  currentOffice,
  editDistance,
  foldName,
  officeHolders,
  type Person,
  personFromKnown,
  sameSpelledPerson,
  slug,
  surnameOf,
  titleMatchesOffice,
} from './resolve';
import { holdersOf, type Match, POSTED, parseTitle, type Scan, type Title } from './titles';
import { CAP, foldWord, GAP_HYPHEN, GAP_SPACE, hashWord, LINE, LOWER, SENT, tokenize, UPPER } from './tokenize';

export interface DetectOptions {
  /** ISO date of the text (publication date), used to pick office holders. */
  date?: string | null;
  /** What the page says of its outlet (address, name): its country is the last resort for domestic officials. */
  outlet?: OutletFacts;
}

export interface Detector {
  detect(text: string, opts?: DetectOptions): Detection;
}

export interface DetectorOptions {
  /**
   * Gazetteer matching only (countries, blocs, topics, known officials and their surnames), no role-title
   * discovery: for the content script, where every page is scanned.
   */
  fast?: boolean;
}

interface PersonMention {
  s: number;
  e: number;
  person: Person;
  title: Title | null;
}

const officeCache = new WeakMap<Gazetteer, OfficeKey[]>();
/** What follows the city of a title-case dateline: a date, an agency in brackets, or a dash. */
const DATELINE_TAIL =
  /^(?:,\s*(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|,\s*\d{1,2}\s|\s*\((?:[A-Z][A-Za-z.]*\s?){1,3}\)|\s+[-\u2013\u2014]\s)/i;
const ACCOMPANY = new Set(['accompanied', 'joined', 'flanked'].map(hashWord));
const H_BY = hashWord('by');
const H_BEHALF = hashWord('behalf');
const H_OF = hashWord('of');
const H_AND = hashWord('and');
/** Nouns after a country that name one side of a meeting ("the Chilean delegation was made up of …"). */
/** "was in Guatemala", "a visit to Peru", "arrived in Lima": someone went to that country. */
const TRIP_WORDS = new Set(
  ['was', 'were', 'is', 'arrived', 'arrives', 'visit', 'trip', 'tour', 'travelled', 'traveled', 'landed', 'flew'].map(
    hashWord,
  ),
);
const TRIP_PREPOSITIONS = new Set(['in', 'to'].map(hashWord));
const SIDE_NOUNS = new Set(['delegation', 'side', 'team'].map(hashWord));
const ARABIC_PARTICLES = new Set(['bin', 'bint', 'ibn']);
const GIVEN_HONORIFICS = new Set(
  ['sheikh', 'sheikha', 'shaikh', 'sayyid', 'sayyida', 'prince', 'princess'].map(hashWord),
);

/** Parses the offices of known officials with the same title grammar used on text. */
function officesOf(g: Gazetteer): OfficeKey[] {
  const cached = officeCache.get(g);
  if (cached) return cached;
  const out: OfficeKey[] = [];
  g.officials.forEach((o, i) => {
    for (const off of o.offices) {
      const title = parseStandalone(g, off.office);
      if (!title) continue;
      const country = off.country ?? title.country ?? o.country ?? null;
      for (const r of title.refs) {
        out.push({
          official: i,
          office: off.office,
          country,
          head: r.head,
          domain: r.domain,
          gov: title.gov,
          from: off.from ?? null,
          to: off.to ?? null,
        });
      }
    }
  });
  officeCache.set(g, out);
  g.offices = out;
  return out;
}

function parseStandalone(g: Gazetteer, office: string): Title | null {
  const t = tokenize(office, g.abbreviations, true);
  const words = new TextWords(t);
  const starts: number[] = [];
  const matches = matchGazetteer(office, g, t, words, starts);
  const cover = new Int32Array(t.n).fill(-1);
  matches.forEach((m, i) => {
    for (let k = m.s; k < m.e; k++) cover[k] = i;
  });
  const sc: Scan = { text: office, t, g, matches, cover };
  for (const h of starts) {
    const title = parseTitle(sc, h);
    if (title) return title;
  }
  return null;
}

/** Distinct fiction words (`FICTION_WORDS`) that make a page a review of a drama, a film or a novel. */
const FICTION_MIN_WORDS = 3;
const FICTION_HASHES: ReadonlySet<number> = new Set(FICTION_WORDS.map(hashWord));

export function createDetector(g: Gazetteer = buildGazetteer(), options: DetectorOptions = {}): Detector {
  officesOf(g);
  const fast = options.fast === true;
  const sportsHashes = new Set<number>();
  for (const [h, e] of g.words) if (e.bits & W_SPORTS) sportsHashes.add(h);
  return {
    detect(text: string, opts: DetectOptions = {}): Detection {
      const home = fast || !opts.outlet ? null : homeCountry(g, opts.outlet, text);
      return detect(g, fast, sportsHashes, text, opts.date ?? null, home);
    },
  };
}

/** An agency credit in brackets near the top: "TUNIS, July 30 (TAP) –". */
const CREDIT_RE = /\(([A-Z][A-Za-z]{1,11})\)/g;

/** The outlet's country (see outlet-country.ts), read with this gazetteer's country names. */
function homeCountry(g: Gazetteer, outlet: OutletFacts, text: string): CountryCode | null {
  const credits = [...text.slice(0, 400).matchAll(CREDIT_RE)].map((m) => m[1]);
  const countryIn = (name: string): CountryCode | null => {
    const found = detect(g, true, new Set(), name, null, null).countries.find((c) => c.code !== 'EU');
    return found?.code ?? null;
  };
  return outletCountry({ ...outlet, credits }, countryIn);
}

function detect(
  g: Gazetteer,
  fast: boolean,
  sportsHashes: Set<number>,
  text: string,
  date: string | null,
  home: CountryCode | null,
): Detection {
  const t = tokenize(text, g.abbreviations);
  const words = new TextWords(t);
  const roleStarts: number[] | null = fast ? null : [];
  const proxStarts: number[] = [];
  const matches = matchGazetteer(text, g, t, words, roleStarts, proxStarts);
  const cover = new Int32Array(t.n).fill(-1);
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    for (let k = m.s; k < m.e; k++) cover[k] = i;
  }
  const sc: Scan = { text, t, g, matches, cover };

  // Titles (full path only).
  const titles: Title[] = [];
  if (roleStarts) {
    let skipTo = -1;
    for (const h of roleStarts) {
      if (h < skipTo) continue;
      const title = parseTitle(sc, h);
      if (!title) continue;
      for (const held of holdersOf(title)) {
        titles.push(held);
        skipTo = Math.max(skipTo, held.e, held.name ? held.name[1] : 0);
      }
    }
  }

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
  // The known-name mention a title's name overlaps. Matches come in text order without overlaps, so a binary
  // search finds it; scanning every mention for every title made a page dense with titles quadratic.
  const ordered = pms.every((pm, i) => i === 0 || pm.s >= pms[i - 1].e);
  const overlapping = (ns: number, ne: number): PersonMention | null => {
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
        if (pool.length < 50 && nearSurname(g, i, last)) pool.push(i);
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

  // D. Follow-ups: surnames of people already found ("Naqvi said", "Mr Quintin"), and near spellings.
  const used = new Uint8Array(t.n);
  for (const title of titles) for (let k = title.lead; k < title.e; k++) used[k] = 1;
  for (const pm of pms) for (let k = pm.s; k < pm.e; k++) used[k] = 1;
  const surnameMap = new Map<number, Person>();
  for (const p of persons) {
    if (p.words.length < 2) continue;
    const sn = surnameOf(p);
    if (sn.length < 3) continue;
    const h = hashWord(sn);
    const entry = g.words.get(h);
    if (entry && (entry.phrase || entry.bits)) continue;
    if (!surnameMap.has(h)) surnameMap.set(h, p);
  }
  for (const p of persons) {
    if (p.words.length !== 1) continue;
    // A one-word name found from a title ("President Trump") also answers later bare mentions.
    const h = hashWord(p.words[0]);
    if (!surnameMap.has(h) && !g.words.get(h)) surnameMap.set(h, p);
  }
  // Gulf names are followed up by honorific and given name ("Sheikh Saif" after "Saif bin Zayed Al Nahyan").
  const givenMap = new Map<number, Person>();
  for (const p of persons) {
    if (!p.words.some((w) => ARABIC_PARTICLES.has(w))) continue;
    const given = p.words.find((w) => !GIVEN_HONORIFICS.has(hashWord(w)));
    if (given && given.length >= 3 && !givenMap.has(hashWord(given))) givenMap.set(hashWord(given), p);
  }
  if (surnameMap.size > 0 || givenMap.size > 0) {
    for (let k = 0; k < t.n; k++) {
      if (used[k] || cover[k] >= 0 || (t.flags[k] & CAP) === 0 || (t.flags[k] & UPPER) !== 0) continue;
      const gp = givenMap.get(t.hash[k]);
      if (gp && k > 0 && !used[k - 1] && GIVEN_HONORIFICS.has(t.hash[k - 1]) && t.gap[k - 1] === GAP_SPACE) {
        pms.push({ s: k - 1, e: k + 1, person: gp, title: null });
        used[k - 1] = 1;
        used[k] = 1;
        continue;
      }
      const p = surnameMap.get(t.hash[k]);
      if (p) {
        // Multi-part surnames: "Okonkwo-Lindqvist said", "Ould Mohamed Lemine said", "Grande-Marlaska".
        let s0 = k;
        for (let w = p.words.length - 2; w >= 1 && s0 > 0; w--) {
          const j = s0 - 1;
          if (used[j] || cover[j] >= 0 || (t.gap[j] !== GAP_SPACE && t.gap[j] !== GAP_HYPHEN)) break;
          if (foldWord(text, t.start[j], t.end[j]) !== p.words[w]) break;
          s0 = j;
          if ((t.flags[j] & SENT) !== 0) break;
        }
        pms.push({ s: s0, e: k + 1, person: p, title: null });
        for (let j = s0; j <= k; j++) used[j] = 1;
        continue;
      }
      if (fast || t.end[k] - t.start[k] < 5 || g.words.has(t.hash[k])) continue;
      const w = foldWord(text, t.start[k], t.end[k]);
      for (const q of persons) {
        if (q.words.length < 2) continue;
        const sn = surnameOf(q);
        if (sn[0] !== w[0] || sn.length < 5 || editDistance(w, sn, 1) > 1) continue;
        const raw = text.slice(t.start[k], t.end[k]);
        if (!q.variants.some((v) => v.endsWith(raw))) q.variants.push(raw);
        pms.push({ s: k, e: k + 1, person: q, title: null });
        used[k] = 1;
        break;
      }
    }
  }

  // E. Decide role and country per person; drop known people seen only in non-government roles.
  const countryCounts = new Map<CountryCode, number>();
  let dateline: CountryCode | null = null;
  // A place word inside a name ("Lisa Monaco") is no mention of that country.
  const inName = new Uint8Array(t.n);
  for (const pm of pms) for (let k = pm.s; k < pm.e; k++) inName[k] = 1;
  for (const m of matches) {
    if (m.payload.kind !== 'country' || inName[m.s]) continue;
    countryCounts.set(m.payload.code, (countryCounts.get(m.payload.code) ?? 0) + 1);
    if (dateline === null && m.s < 60 && (t.flags[m.s] & LINE) !== 0) {
      // "ISLAMABAD:" — or a title-case agency dateline: "Rabat, Oct 14 (EFE).-", "Jakarta (ANTARA) -".
      if (
        (t.flags[m.s] & UPPER) !== 0 ||
        (m.payload.form === 'place' && DATELINE_TAIL.test(text.slice(t.end[m.e - 1], t.end[m.e - 1] + 16)))
      )
        dateline = m.payload.code;
    }
  }
  let frequent: CountryCode | null = null;
  let best = 0;
  for (const [c, n] of countryCounts) {
    if (n > best) {
      best = n;
      frequent = c;
    }
  }
  let sports = -1;
  let fiction = -1;
  // A review of a drama or a novel: its "Home Secretary Julia X" is a character, not an official.
  const isFiction = (): boolean => {
    if (fiction < 0) {
      const seen = new Set<number>();
      for (let k = 0; k < t.n; k++) if (FICTION_HASHES.has(t.hash[k])) seen.add(t.hash[k]);
      fiction = seen.size;
    }
    return fiction >= FICTION_MIN_WORDS;
  };
  const isSports = (): boolean => {
    if (sports < 0) {
      const seen = new Set<number>();
      for (let k = 0; k < t.n; k++) if (sportsHashes.has(t.hash[k])) seen.add(t.hash[k]);
      sports = seen.size;
    }
    return sports >= 3;
  };
  // "his Belgian counterpart" holds the office of the nearest official before it (else after it). Asked for every
  // mention of a counterpart: answered once per title.
  const counterparts = new Map<Title, Title | null>();
  const counterpartOf = (x: Title): Title | null => {
    let found = counterparts.get(x);
    if (found === undefined) {
      found = nearestOffice(x);
      counterparts.set(x, found);
    }
    return found;
  };
  const nearestOffice = (x: Title): Title | null => {
    let before: Title | null = null;
    let after: Title | null = null;
    for (const y of titles) {
      if (y === x || !y.gov || y.refs.some((r) => r.head === COUNTERPART)) continue;
      if (y.s < x.s) before = y;
      else if (!after) after = y;
    }
    return before ?? after;
  };
  type Key = { head: string; domain: string | null };
  const refCache = new Map<Title, Key[]>();
  const refsOf = (x: Title): Key[] => {
    if (!x.refs.some((r) => r.head === COUNTERPART)) return x.refs;
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
    if (!x.refs.some((r) => r.head === COUNTERPART)) return x.role;
    const other = counterpartOf(x);
    if (!other || other.refs.some((r) => r.head === COUNTERPART) || !other.role) return null;
    // The office, not the other state's form of government: "Federal Interior Minister" → "Interior Minister".
    return other.role.replace(/^(federal|union|provincial|state)\s+/i, '');
  };
  const keyCache = new Map<Person, Key[]>();
  const officeKeysOf = (p: Person): Key[] => {
    let out = keyCache.get(p);
    if (out) return out;
    out = [];
    for (const x of p.titles) if (x.gov) out.push(...refsOf(x));
    if (p.known >= 0) for (const o of g.offices) if (o.official === p.known && o.gov) out.push(o);
    keyCache.set(p, out);
    return out;
  };
  const sameOffice = (a: Key, b: Key) => a.head === b.head && a.domain === b.domain;
  // hard: a country where someone else holds the same office (one interior minister per country). soft: any
  // country that qualifies someone else's title ("Indonesia's Minister of …"): outlets qualify foreigners and
  // leave their own officials bare, so a bare title is more likely from a country nobody's title names.
  const owned = new Map<Person, { hard: Set<CountryCode>; soft: Set<CountryCode> }>();
  const claimed = (p: Person): { hard: Set<CountryCode>; soft: Set<CountryCode> } => {
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
        // "her Uzbek counterpart" is qualified whichever side the outlet is on: it only rules out its own office.
        if (!x.refs.some((r) => r.head === COUNTERPART)) set.soft.add(x.country);
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
  // Countries of "his Albanian counterpart" answering one of p's titles: p is on the other side, so never theirs.
  const facing = (p: Person): Set<CountryCode> => {
    const out = new Set<CountryCode>();
    for (const x of titles)
      if (x.country && x.explicit && x.refs.some((r) => r.head === COUNTERPART)) {
        const other = counterpartOf(x);
        if (other && p.titles.includes(other)) out.add(x.country);
      }
    return out;
  };
  // Tokens of every title's lead and role: a demonym there belongs to that title's holder ("his Ghanaian
  // counterpart"), not to a neighbour without one.
  const inTitle = new Uint8Array(t.n);
  for (const x of titles) for (let k = x.lead; k < x.e; k++) inTitle[k] = 1;
  const personAt = new Int32Array(t.n);
  pms.forEach((pm, i) => {
    for (let k = pm.s; k < pm.e; k++) personAt[k] = i + 1;
  });
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
  // The one country other than the dateline's that the text sends someone to ("was in Guatemala", "visit to Peru").
  let visited: CountryCode | null = null;
  /** Token where the text first sends someone there: only what is reported after it happens on the trip. */
  let visitedAt = t.n;
  {
    const found = new Set<CountryCode>();
    for (const m of matches) {
      if (m.payload.kind !== 'country' || m.payload.form === 'demonym' || inName[m.s] || m.s < 2) continue;
      if (!TRIP_PREPOSITIONS.has(t.hash[m.s - 1]) || !TRIP_WORDS.has(t.hash[m.s - 2])) continue;
      if (m.payload.code === dateline) continue;
      found.add(m.payload.code);
      visitedAt = Math.min(visitedAt, m.s);
    }
    if (found.size === 1) visited = [...found][0];
  }
  /**
   * Is the official at token k the object of a meeting verb whose subject, earlier in the sentence, is an official
   * the text does not place abroad (no country of their own other than the dateline's)?
   */
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
  /**
   * The side a member list puts the official at token k on: after "Y, accompanied by" / "Y was joined by" it is Y's
   * country, after "on behalf of Bolivia," or "the Chilean delegation" that country, up to the sentence's start.
   */
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
  const mostFrequent = (skip: Set<CountryCode>): CountryCode | null => {
    let best: CountryCode | null = null;
    let n = 0;
    for (const [c, count] of countryCounts) {
      if (!skip.has(c) && count > n) {
        n = count;
        best = c;
      }
    }
    return best;
  };
  // Is the official at token k the host: subject of a hosting verb, or its agent after "by"?
  const hosts = (k: number): boolean => {
    let j = k;
    while (j < t.n && personAt[j] === personAt[k] && personAt[k] !== 0) j++;
    for (let steps = 0; j < t.n && steps < 14 && (t.flags[j] & SENT) === 0; j++, steps++) {
      if (personAt[j] !== 0) return false;
      if (HOST_VERBS.has(t.hash[j]) && (t.flags[j] & LOWER) !== 0) return true;
      if (!inTitle[j] && (t.flags[j] & LOWER) !== 0 && steps > 3) break;
    }
    let i = k - 1;
    while (i >= 0 && inTitle[i]) i--;
    return i >= 1 && t.hash[i] === H_BY && HOST_VERBS.has(t.hash[i - 1]);
  };
  const contextCountry = (p: Person, k: number): CountryCode | null => {
    let { hard, soft } = claimed(p);
    // 1. The side of the meeting the sentence puts them on: "Y was joined by X; Z", "on behalf of Bolivia, X".
    const side = sideAt(p, k);
    if (side) return side;
    // 2. Titles that only some countries use ("Union Home Secretary", "Chancellor"), when one is named.
    let hinted: CountryCode | null = null;
    let hintCount = 0;
    let hints: readonly CountryCode[] = [];
    for (const x of p.titles) if (x.gov && hints.length === 0) hints = titleCountryHints(x.role);
    for (const c of hints) {
      const n = countryCounts.get(c) ?? 0;
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
    if (dateline && !hard.has(dateline) && !posted && hosts(k)) return dateline;
    if (posted && dateline) {
      hard = new Set(hard).add(dateline);
      soft = new Set(soft).add(dateline);
    }
    // 4. The outlet's own country, when the article names it: a national paper's untitled minister is its own.
    if (home && !soft.has(home) && countryCounts.has(home) && !(visited && metByTraveller(k))) return home;
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
    if (dateline && !soft.has(visited ?? dateline) && visited && metByTraveller(k)) return visited;
    // 6. The dateline, else the country the article talks about most.
    if (dateline && !soft.has(dateline)) return dateline;
    // Never a country where someone else holds this office: no country is better than a counterpart's.
    const last = mostFrequent(soft) ?? (dateline && !hard.has(dateline) ? dateline : null) ?? mostFrequent(hard);
    if (last || !frequent || facing(p).has(frequent) || (posted && frequent === dateline)) return last;
    return frequent;
  };
  const decided = new Map<Person, { role: string | null; country: CountryCode | null } | null>();
  for (const p of persons) {
    const govTitles = p.titles.filter((x) => x.gov);
    const first = pms.find((pm) => pm.person === p);
    if (p.known >= 0) {
      if (govTitles.length > 0) {
        const withCountry = govTitles.find((x) => x.explicit) ?? govTitles[0];
        decided.set(p, {
          role:
            roleOf(govTitles.find((x) => !x.rankOnly) ?? govTitles[0]) ??
            currentOffice(g, p.known, date)?.office ??
            null,
          country: withCountry.explicit ? withCountry.country : (p.country ?? withCountry.country),
        });
      } else if (p.titles.some((x) => x.nongov) || isSports()) {
        decided.set(p, null);
      } else {
        const office = currentOffice(g, p.known, date);
        decided.set(p, { role: office?.office ?? null, country: office?.country ?? p.country });
      }
    } else {
      // A sports body's "Unit Head" or "Director" is no official: on a sports page, generic heads are not enough.
      if (isFiction() || (isSports() && govTitles.every((x) => x.generic))) {
        decided.set(p, null);
        continue;
      }
      const role = roleOf(govTitles.find((x) => !x.rankOnly) ?? govTitles[0]);
      const withCountry = govTitles.find((x) => x.explicit && x.country);
      const at = pms.find((pm) => pm.person === p && pm.title) ?? first;
      // Officials of international organisations have no country unless a title states one.
      const intl = govTitles.length > 0 && govTitles.every((x) => x.intl);
      const ctx = intl ? null : at ? contextCountry(p, at.s) : null;
      decided.set(p, { role, country: withCountry?.country ?? ctx });
    }
  }

  // F. Mentions.
  const mentions: Mention[] = [];
  const blocked = new Uint8Array(t.n);
  for (const title of titles) for (let k = title.s; k < title.e; k++) blocked[k] = 1;
  for (const pm of pms) {
    const d = decided.get(pm.person);
    if (!d) continue;
    for (let k = pm.s; k < pm.e; k++) blocked[k] = 2;
    const p = pm.person;
    const entityId = p.known >= 0 ? g.officials[p.known].id : `official:${slug(p.name)}`;
    const m: Mention = {
      start: t.start[pm.s],
      end: t.end[pm.e - 1],
      text: text.slice(t.start[pm.s], t.end[pm.e - 1]),
      kind: 'official',
      entityId,
    };
    const role = pm.title?.gov && !(pm.title.rankOnly && d.role) ? (roleOf(pm.title) ?? d.role) : d.role;
    if (role) m.role = role;
    const country = pm.title?.gov && pm.title.explicit ? pm.title.country : d.country;
    if (country) m.country = country;
    mentions.push(m);
  }
  // Topic words that count only on a page already about the subject ("border", "smugglers", "returns").
  const clashes = (m: Match): boolean => {
    for (let k = m.s; k < m.e; k++)
      if (blocked[k] === 2 || (m.payload.kind === 'topic' && blocked[k] === 1)) return true;
    return false;
  };
  const strongTopics = new Set<TopicId>();
  for (const m of matches)
    if (m.payload.kind === 'topic' && m.payload.need === null && !clashes(m)) strongTopics.add(m.payload.topic);
  const needMet = (need: TopicNeed): boolean =>
    need === 'any' ? strongTopics.size > 0 : MIGRATION_TOPICS.some((x) => strongTopics.has(x));
  for (const m of matches) {
    const p = m.payload;
    if (p.kind === 'official' || p.kind === 'none') continue;
    if (clashes(m)) continue;
    if (p.kind === 'topic' && p.need !== null && !needMet(p.need)) continue;
    const start = t.start[m.s];
    const end = t.end[m.e - 1];
    const mtext = text.slice(start, end);
    if (p.kind === 'country') {
      const mention: Mention = { start, end, text: mtext, kind: 'country', entityId: `country:${p.code}` };
      if (p.form === 'place') mention.place = mtext;
      mentions.push(mention);
    } else if (p.kind === 'bloc') {
      mentions.push({ start, end, text: mtext, kind: 'bloc', entityId: g.blocs[p.bloc].id });
    } else {
      mentions.push({ start, end, text: mtext, kind: 'topic', entityId: `topic:${p.topic}` });
    }
  }
  if (strongTopics.size > 0) {
    for (const h of proximityHits(text, g, t, matches, cover, proxStarts)) {
      if (!needMet(h.need) || blocked[h.s] !== 0) continue;
      // The whole pattern is the mention unless it would swallow another one ("return of Iraqis").
      let e = h.e;
      for (let k = h.s; k < h.e; k++) if (cover[k] >= 0 || blocked[k] !== 0) e = h.s + 1;
      const start = t.start[h.s];
      const end = t.end[e - 1];
      mentions.push({ start, end, text: text.slice(start, end), kind: 'topic', entityId: `topic:${h.topic}` });
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const clean: Mention[] = [];
  let lastEnd = -1;
  for (const m of mentions) {
    if (m.start < lastEnd) continue;
    clean.push(m);
    lastEnd = m.end;
  }

  // G. Summaries in order of first mention.
  const countries: Detection['countries'] = [];
  const blocs: Detection['blocs'] = [];
  const topics: Detection['topics'] = [];
  const seen = new Set<string>();
  for (const m of clean) {
    if (seen.has(m.entityId)) continue;
    seen.add(m.entityId);
    if (m.kind === 'country') {
      const code = m.entityId.slice('country:'.length);
      countries.push({ code, name: g.countryNames.get(code) ?? code });
    } else if (m.kind === 'bloc') {
      if (m.entityId === EU_BLOC_ID) countries.push({ code: 'EU', name: 'European Union' });
      else {
        const b = g.blocs.find((x) => x.id === m.entityId);
        if (b) blocs.push({ id: b.id, code: b.code, name: b.name });
      }
    } else if (m.kind === 'topic') {
      const id = m.entityId.slice('topic:'.length) as TopicId;
      topics.push({ id, label: g.topicLabels[id] });
    }
  }
  const officials: DetectedOfficial[] = [];
  const seenOfficial = new Set<string>();
  for (const m of clean) {
    if (m.kind !== 'official' || seenOfficial.has(m.entityId)) continue;
    seenOfficial.add(m.entityId);
    const p = pms.find((pm) => t.start[pm.s] === m.start)?.person;
    if (!p) continue;
    const d = decided.get(p);
    if (!d) continue;
    officials.push({
      entityId: m.entityId,
      name: p.known >= 0 ? g.officials[p.known].name : p.name,
      role: d.role,
      country: d.country,
      discovered: p.known < 0,
      variants: [...p.variants],
    });
  }
  return { mentions: clean, officials, countries, blocs, topics };
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
