/**
 * The baseline's view of the gazetteer: every surface form the detector knows (officials, countries with their
 * names, demonyms and capitals, blocs, topic keywords) as one alternation regex, the way a reader would set up
 * mark.js for the same job. Built from the same data modules the detector reads.
 */
import countries from 'world-countries';
import { SEED_OFFICIALS } from '../../lib/data/seed';
import { BLOCS } from '../../lib/detect/data/blocs';
import {
  EXCLUDED_COUNTRIES,
  EXCLUDED_FORMS,
  EXTRA_COUNTRY_NAMES,
  EXTRA_DEMONYMS,
  EXTRA_PLACES,
} from '../../lib/detect/data/countries';
import { TOPIC_KEYWORDS } from '../../lib/detect/data/topics';

export function gazetteerTerms(): string[] {
  const terms = new Set<string>();
  const add = (s: string | undefined) => {
    const t = s?.trim();
    if (t && t.length > 1 && !EXCLUDED_FORMS.has(t.toLowerCase())) terms.add(t);
  };
  for (const o of SEED_OFFICIALS) [o.name, ...o.aliases].forEach(add);
  for (const c of countries) {
    if (EXCLUDED_COUNTRIES.has(c.cca2)) continue;
    add(c.name.common);
    add(c.name.official);
    c.capital?.forEach(add);
    add(c.demonyms?.eng?.m);
    add(c.demonyms?.eng?.f);
    // Two-letter codes in altSpellings are ordinary English words ("IN", "IT"); the detector drops them too.
    for (const alt of c.altSpellings ?? []) if (alt.length > 3) add(alt);
  }
  for (const table of [EXTRA_COUNTRY_NAMES, EXTRA_DEMONYMS, EXTRA_PLACES])
    for (const xs of Object.values(table)) xs.forEach(add);
  for (const b of BLOCS) [b.name, ...b.names, ...b.acronyms].forEach(add);
  for (const xs of Object.values(TOPIC_KEYWORDS)) {
    for (const k of xs) {
      add(k);
      add(k.charAt(0).toUpperCase() + k.slice(1));
    }
  }
  return [...terms];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest alternatives first, so "South Korea" wins over "Korea"; word boundaries on both sides. */
export function gazetteerRegexSource(terms: readonly string[] = gazetteerTerms()): string {
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  return `(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`;
}
