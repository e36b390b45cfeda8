/**
 * Runs detect()'s stages one by one on a small gazetteer of invented officials, so each stage's test can look at
 * that stage's own output (and hand it inputs from the stages before it).
 */
import { createDetector } from '../../../../lib/detect';
import { buildGazetteer } from '../../../../lib/detect/gazetteer';
import { contextCountryOf } from '../../../../lib/detect/stages/context-country';
import { countryEvidence } from '../../../../lib/detect/stages/country-evidence';
import { decidePeople } from '../../../../lib/detect/stages/decide';
import { findTitles } from '../../../../lib/detect/stages/find-titles';
import { findFollowUps } from '../../../../lib/detect/stages/follow-ups';
import { layOut } from '../../../../lib/detect/stages/layout';
import { officesOnPage } from '../../../../lib/detect/stages/offices';
import { pageKind, sportsHashesOf } from '../../../../lib/detect/stages/page-kind';
import { findPeople, type People } from '../../../../lib/detect/stages/people';
import { scanText } from '../../../../lib/detect/stages/scan';
import { meetingSides } from '../../../../lib/detect/stages/sides';
import type { OfficialEntity } from '../../../../lib/types';

const official = (id: string, name: string, country: string, office: string, aliases: string[] = []) =>
  ({ kind: 'official', id, name, aliases, country, offices: [{ office, country }] }) as OfficialEntity;

/** Invented people: none of them holds or held these offices. */
export const OFFICIALS: OfficialEntity[] = [
  official('official:tomas-verhoeven', 'Tomas Verhoeven', 'BE', 'Minister of the Interior', ['Tom Verhoeven']),
  official('official:halima-sadiq', 'Halima Sadiq', 'PK', 'Interior Minister'),
  official('official:saif-bin-rashid-al-falasi', 'Saif bin Rashid Al Falasi', 'AE', 'Minister of Interior'),
];

export const g = buildGazetteer({ officials: OFFICIALS });
// Parsing the known officials' offices fills g.offices, which the people stage reads.
createDetector(g);
const sportsHashes = sportsHashesOf(g);

export const DATE = '2025-06-01';

/** Every stage up to the decisions, for the stage tests to pick from; `home` is the outlet's country. */
export function stagesOf(text: string, fast = false, home: string | null = null) {
  const { sc, roleStarts, proxStarts } = scanText(g, text, fast);
  const titles = findTitles(sc, roleStarts);
  const named = findPeople(sc, titles, DATE);
  const followUps = findFollowUps(sc, titles, named, fast);
  const people: People = { persons: named.persons, pms: named.pms.concat(followUps) };
  const layout = layOut(sc.t, titles, people.pms);
  const evidence = countryEvidence(sc, layout);
  const page = pageKind(sc.t, sportsHashes);
  const offices = officesOnPage(g, titles, people.persons, sc.t);
  const sides = meetingSides(sc, layout, people.pms, evidence);
  const contextCountry = contextCountryOf(sc, layout, evidence, offices, sides, home);
  const decided = decidePeople(g, people, DATE, page, offices, contextCountry);
  return { sc, titles, proxStarts, followUps, people, layout, evidence, page, offices, sides, contextCountry, decided };
}

/** The text of tokens [s, e). */
export function spanText(text: string, t: { start: Int32Array; end: Int32Array }, s: number, e: number): string {
  return text.slice(t.start[s], t.end[e - 1]);
}

/** The token index of the first token starting at `word` in the text. */
export function tokenAt(text: string, t: { n: number; start: Int32Array }, word: string): number {
  const at = text.indexOf(word);
  for (let k = 0; k < t.n; k++) if (t.start[k] === at) return k;
  throw new Error(`no token starts at ${word}`);
}
