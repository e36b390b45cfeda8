/**
 * Every name a reader may type for a country, the EU or another bloc, and what it names. One table serves the
 * options page's country picker (which must never guess: "United Kingdom" once became "UN" by truncation) and the
 * timeline search ("Türkiye", "Turkey", "TUR" and "Turquie" all find the same rows).
 *
 * Names come from `world-countries` (common and official names, alternative spellings, the translated common names
 * and the three-letter codes) and from the detector's own additions (`EXTRA_COUNTRY_NAMES`); the blocs are the
 * detector's `BLOCS`. Nothing here is a second list of countries.
 */
import countries from 'world-countries';
// The build serves this id trimmed to codes and translations (`scripts/vite-plugins.ts`); tests read the package.
import translated from 'world-countries/countries.json';
import { BLOCS } from '../detect/data/blocs';
import { COUNTRY_NAME_OVERRIDES, EXTRA_COUNTRY_NAMES } from '../detect/data/countries';
import type { CountryCode } from '../types';
import { tokenize } from './words';

export interface CountryChoice {
  /** What is stored: an ISO 3166-1 alpha-2 code, `EU`, or a bloc's code (`NATO`, `INTERPOL`…). */
  code: CountryCode;
  /** The name the picker shows. */
  name: string;
  kind: 'country' | 'bloc';
}

interface Translated {
  cca2: string;
  cca3: string;
  /** Only `common` is read: the build keeps no more (`scripts/vite-plugins.ts`). */
  translations: Record<string, { common: string }>;
}

/**
 * Blocs whose code is also a country's (the African Union's AU is Australia's, the Commonwealth's CW Curaçao's)
 * cannot be stored as an official's country: every reader of the code would take it for the country.
 */
const countryCodes = new Set(countries.map((c) => c.cca2));
const storableBlocs = BLOCS.filter((b) => b.code === 'EU' || !countryCodes.has(b.code));

/** "U.K." → "UK", "U.S.A." → "USA": the dots of an abbreviation would split it into one-letter words. */
function undot(s: string): string {
  return s.replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ''));
}

/**
 * The form a name is compared in: folded like the search index (case, diacritics, punctuation, "the", "of"), so
 * "republic of the congo" and "Republic of the Congo" are one name, and the search finds what the picker accepts.
 */
export function nameKey(s: string): string {
  return tokenize(undot(s)).join(' ');
}

function displayName(c: (typeof countries)[number]): string {
  return COUNTRY_NAME_OVERRIDES[c.cca2] ?? c.name.common;
}

/** Countries, the EU and the storable blocs, by name: what the picker lists. */
export const COUNTRY_CHOICES: readonly CountryChoice[] = [
  ...countries.map((c): CountryChoice => ({ code: c.cca2, name: displayName(c), kind: 'country' })),
  ...storableBlocs.map((b): CountryChoice => ({ code: b.code, name: b.name, kind: 'bloc' })),
].sort((a, b) => a.name.localeCompare(b.name, 'en'));

const CHOICE_BY_CODE = new Map(COUNTRY_CHOICES.map((c) => [c.code, c]));

/** Folded English name or spelling → the codes it names (several for "Congo"). Codes are kept apart in `BY_CODE`. */
const BY_NAME = new Map<string, Set<CountryCode>>();
/**
 * Folded translation → codes, asked only when no English name matches: the package's translations hold a few
 * forms that would otherwise make plain names ambiguous (one of them folds South Sudan to "Sudan").
 */
const BY_TRANSLATION = new Map<string, Set<CountryCode>>();
/** Upper-case code (alpha-2, alpha-3, bloc code) → the stored code. */
const BY_CODE = new Map<string, CountryCode>();

function addName(name: string, code: CountryCode, table: Map<string, Set<CountryCode>> = BY_NAME): void {
  const key = nameKey(name);
  if (!key) return;
  const set = table.get(key);
  if (set) set.add(code);
  else table.set(key, new Set([code]));
}

/** A form that is an all-capital code of 2–5 letters ("GB", "TUR", "KSA"): matched as a code, not a name. */
const CODE_FORM = /^[A-Z]{2,5}$/;

for (const c of countries) {
  BY_CODE.set(c.cca2, c.cca2);
  addName(c.name.common, c.cca2);
  addName(c.name.official, c.cca2);
  addName(displayName(c), c.cca2);
  for (const a of c.altSpellings) {
    if (a === c.cca2) continue;
    // "UK", "UAE", "KSA" are how news names the country, in any case; also codes in the picker.
    if (CODE_FORM.test(a) && !BY_CODE.has(a)) BY_CODE.set(a, c.cca2);
    addName(a, c.cca2);
  }
}
for (const t of translated as readonly Translated[]) {
  if (!BY_CODE.has(t.cca3)) BY_CODE.set(t.cca3, t.cca2);
  for (const n of Object.values(t.translations)) addName(n.common, t.cca2, BY_TRANSLATION);
}
for (const [code, names] of Object.entries(EXTRA_COUNTRY_NAMES)) {
  for (const n of names) {
    const bare = n.replace(/\./g, '');
    if (CODE_FORM.test(bare) && !BY_CODE.has(bare)) BY_CODE.set(bare, code);
    addName(n, code);
  }
}
for (const b of storableBlocs) {
  BY_CODE.set(b.code, b.code);
  addName(b.name, b.code);
  for (const n of b.names) addName(n, b.code);
  for (const a of b.acronyms) {
    BY_CODE.set(a.replace(/\./g, ''), b.code);
    addName(a, b.code);
  }
}

export function countryChoice(code: CountryCode): CountryChoice | null {
  return CHOICE_BY_CODE.get(code) ?? null;
}

/** "Pakistan (PK)": how the picker shows a choice, and a form the resolver accepts back. */
export function choiceLabel(c: CountryChoice): string {
  return `${c.name} (${c.code})`;
}

export type CountryResolution =
  | { ok: true; code: CountryCode; name: string }
  | { ok: false; error: string; candidates: CountryChoice[] };

const LABEL = /^(.*)\(\s*([A-Za-z0-9]{2,10})\s*\)\s*$/;

/**
 * The one country or bloc a typed value names, or why it names none. Only an exact match counts: a code ("GB",
 * "GBR"), a name, an official name, an alternative spelling or a translation, compared without case, accents or
 * punctuation, or a picker label ("United Kingdom (GB)"). A value that names several ("Congo") or none is refused
 * with a sentence saying so; nothing is completed or truncated into a code.
 */
export function resolveCountry(input: string): CountryResolution {
  const text = input.replace(/\s+/g, ' ').trim();
  if (!text) return { ok: false, error: 'No country given.', candidates: [] };
  const label = LABEL.exec(text);
  if (label) {
    const choice = CHOICE_BY_CODE.get(label[2].toUpperCase());
    const named = choice && (nameKey(label[1]) === nameKey(choice.name) || namesOf(label[1]).includes(choice.code));
    if (choice && named) return { ok: true, code: choice.code, name: choice.name };
  }
  const byCode = codeOf(text);
  const byName = namesOf(text);
  // A code typed in capitals is a code; in other case ("pk", "Gbr") it is one only when it is no name.
  const codes = byCode && (CODE_FORM.test(undot(text)) || byName.length === 0) ? [byCode] : byName;
  const unique = [...new Set(codes)];
  if (unique.length === 1) {
    const choice = CHOICE_BY_CODE.get(unique[0]);
    if (choice) return { ok: true, code: choice.code, name: choice.name };
  }
  if (unique.length > 1) {
    const candidates = unique.flatMap((c) => CHOICE_BY_CODE.get(c) ?? []);
    return {
      ok: false,
      error: `"${text}" could be ${candidates.map(choiceLabel).join(' or ')}: choose one.`,
      candidates,
    };
  }
  return {
    ok: false,
    error: `"${text}" is not a country or organisation Counterpart knows: pick one from the list, or type its name or code (such as PK, GBR, EU, NATO).`,
    candidates: [],
  };
}

/** The stored code for a code in any case ("gb", "GBR", "U.K.", "nato"), or null. */
export function codeOf(text: string): CountryCode | null {
  return BY_CODE.get(undot(text.trim()).toUpperCase()) ?? null;
}

/** The codes a name (not a code) stands for, exactly; [] when none. */
export function namesOf(text: string): CountryCode[] {
  return codesOfKey(nameKey(text));
}

/** The codes of a folded name (`nameKey`): its English names first, its translations only when there are none. */
export function codesOfKey(key: string): CountryCode[] {
  return [...(BY_NAME.get(key) ?? BY_TRANSLATION.get(key) ?? [])];
}

/** The most words any name has once folded: the search tries runs of query words up to this long. */
export const MAX_NAME_WORDS = Math.max(
  ...[...BY_NAME.keys(), ...BY_TRANSLATION.keys()].map((k) => k.split(' ').length),
);
