/**
 * The detector: gazetteer matches (fast path), then role titles, person resolution and follow-ups (full path),
 * assembled into a Detection with non-overlapping, sorted mentions. Each stage lives in `stages/`.
 */
import type { CountryCode, Detection } from '../types';
import { buildGazetteer, type Gazetteer, type OfficeKey } from './gazetteer';
import { matchGazetteer, TextWords } from './match';
import { type OutletFacts, outletCountry } from './outlet-country';
import { contextCountryOf } from './stages/context-country';
import { countryEvidence } from './stages/country-evidence';
import { decidePeople } from './stages/decide';
import { findTitles } from './stages/find-titles';
import { findFollowUps } from './stages/follow-ups';
import { layOut } from './stages/layout';
import { buildMentions } from './stages/mentions';
import { officesOnPage } from './stages/offices';
import { pageKind, sportsHashesOf } from './stages/page-kind';
import { findPeople } from './stages/people';
import { scanText } from './stages/scan';
import { meetingSides } from './stages/sides';
import { summarize } from './stages/summaries';
import { parseTitle, type Scan, type Title } from './titles';
import { tokenize } from './tokenize';

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

const officeCache = new WeakMap<Gazetteer, OfficeKey[]>();

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

export function createDetector(g: Gazetteer = buildGazetteer(), options: DetectorOptions = {}): Detector {
  officesOf(g);
  const fast = options.fast === true;
  const sportsHashes = sportsHashesOf(g);
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

/** The stages in order; each file in `stages/` says what its stage decides. */
function detect(
  g: Gazetteer,
  fast: boolean,
  sportsHashes: ReadonlySet<number>,
  text: string,
  date: string | null,
  home: CountryCode | null,
): Detection {
  const { sc, roleStarts, proxStarts } = scanText(g, text, fast);
  const titles = findTitles(sc, roleStarts);
  const named = findPeople(sc, titles, date);
  const people = { persons: named.persons, pms: named.pms.concat(findFollowUps(sc, titles, named, fast)) };
  const layout = layOut(sc.t, titles, people.pms);
  const evidence = countryEvidence(sc, layout);
  const page = pageKind(sc.t, sportsHashes);
  const offices = officesOnPage(g, titles, people.persons, sc.t);
  const sides = meetingSides(sc, layout, people.pms, evidence);
  const contextCountry = contextCountryOf(sc, layout, evidence, offices, sides, home);
  const decided = decidePeople(g, people, date, page, offices, contextCountry);
  const mentions = buildMentions(sc, titles, people.pms, decided, offices, proxStarts);
  return { mentions, ...summarize(g, sc.t, mentions, people.pms, decided) };
}
