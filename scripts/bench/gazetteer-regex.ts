/**
 * The baseline's view of the gazetteer: every surface form the detector knows (officials, countries with their
 * names, demonyms and capitals, blocs, topic keywords) as one alternation regex, the way a reader would set up
 * mark.js for the same job. The forms come from the detector's own gazetteer (`phrases`).
 */
import { buildGazetteer } from '../../lib/detect';

export function gazetteerTerms(): string[] {
  return [...new Set(buildGazetteer().phrases.filter((p) => p.trim().length > 1))];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest alternatives first, so "South Korea" wins over "Korea"; no letter or digit on either side. */
export function gazetteerRegexSource(terms: readonly string[] = gazetteerTerms()): string {
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  return `(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`;
}
