/**
 * Person resolution inside one text: known officials, people found from titles, surname-only follow-ups,
 * spelling variants and office holders named only by their office.
 */
import { editDistance } from '../lexicon/edit-distance';
import { stripAccents } from '../lexicon/fold';
import type { CountryCode, OfficialEntity } from '../types';
import { type Gazetteer, type OfficeKey, splitWords } from './gazetteer';
import type { Title } from './titles';

export function slug(name: string): string {
  return stripAccents(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Is the office active on `date` (ISO)? With no date, only open-ended offices count. */
export function activeOn(o: OfficeKey, date: string | null): boolean {
  if (!date) return !o.to;
  return (!o.from || o.from <= date) && (!o.to || date <= o.to);
}

/** Do a title's office references match a known office (same head and portfolio, compatible country)? */
export function titleMatchesOffice(title: Title, o: OfficeKey): boolean {
  if (title.country && o.country && title.country !== o.country) return false;
  for (const r of title.refs) {
    if (r.head === o.head && r.domain !== null && r.domain === o.domain) return true;
  }
  return false;
}

/** Known officials holding the office a title names, at `date`. */
export function officeHolders(g: Gazetteer, title: Title, date: string | null): number[] {
  if (!title.country) return [];
  const out: number[] = [];
  for (const o of g.offices) {
    if (o.gov && activeOn(o, date) && titleMatchesOffice(title, o) && !out.includes(o.official)) out.push(o.official);
  }
  return out;
}

/** The government office a known official holds on `date`, for a role when the text gives none. */
export function currentOffice(g: Gazetteer, official: number, date: string | null): OfficeKey | null {
  let best: OfficeKey | null = null;
  for (const o of g.offices) {
    if (o.official !== official || !o.gov) continue;
    if (activeOn(o, date)) return o;
    if (!best) best = o;
  }
  return date ? null : best;
}

export interface Person {
  /** Index into the gazetteer's officials, or -1 for a person found from a title. */
  known: number;
  name: string;
  /** Folded words of the name. */
  words: string[];
  titles: Title[];
  variants: string[];
  country: CountryCode | null;
}

export function personFromKnown(o: OfficialEntity, index: number): Person {
  return {
    known: index,
    name: o.name,
    words: foldName(o.name),
    titles: [],
    variants: [],
    country: o.country ?? null,
  };
}

/** A name as the tokenizer sees it in text: folded words, hyphenated parts apart ("okonkwo", "lindqvist"). */
export function foldName(name: string): string[] {
  return splitWords(name);
}

export function surnameOf(p: Person): string {
  return p.words[p.words.length - 1];
}

/** Could `words` (a full or partial name seen in text) be person p, allowing a spelling variant? */
export function sameSpelledPerson(p: Person, words: string[], title: Title | null): 'same' | 'variant' | null {
  const pw = p.words;
  const last = words[words.length - 1];
  const pLast = pw[pw.length - 1];
  if (words.length === pw.length && words.every((w, i) => w === pw[i])) return 'same';
  // Subset of the known name ("Asim Munir" in "Syed Asim Munir", "Brunner" in "Magnus Brunner").
  if (last === pLast && words.every((w) => pw.includes(w))) return 'same';
  if (last === pLast && pw.every((w) => words.includes(w))) return 'same';
  // The opening words of a longer name: "Sheikh Thamer" after "Sheikh Thamer Ali Sabah Al-Sabah" (Gulf agencies
  // shorten names from the end, keeping the honorific and the given name).
  if (words.length >= 2 && words.length < pw.length && words.every((w, i) => w === pw[i])) return 'same';
  // A bare title repeats the office of someone already found: "Ambassador Jiang" after "Ambassador Jiang Zaidong"
  // (family name first), "Minister Quinten" after "Interior Minister Bernard Quintin".
  const sameHead =
    title !== null &&
    p.titles.some(
      (pt) =>
        (pt.country === title.country || (!title.explicit && title.country === null)) &&
        pt.refs.some((r) => title.refs.some((x) => x.head === r.head)),
    );
  if (words.length === 1 && pw.length > 1 && last === pw[0] && last.length >= 3 && (sameHead || title?.rankOnly))
    return 'same';
  if (last.length < 4 || last[0] !== pLast[0]) return null;
  const d = editDistance(last, pLast, 2);
  if (d > 2) return null;
  const sameFirst = words.length > 1 && pw.length > 1 && words[0] === pw[0];
  const sameRole = sameHead;
  if (sameFirst) return 'variant';
  if (sameRole && (d <= 1 || last.length >= 6)) return 'variant';
  return null;
}
