/**
 * A Vite plugin for the extension build: `world-countries` ships 1.4 MB of JSON (translations, currencies,
 * borders…) of which the detector reads a few fields. The build gets only those, straight from the package,
 * so the data stays the maintained package's while the content script stays small.
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

interface Country {
  cca2: string;
  area: number;
  independent: boolean;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { m: string; f: string } };
  cca3: string;
  translations: Record<string, { common: string; official: string }>;
}

const ID = '\0counterpart:world-countries';
/**
 * `world-countries/countries.json` as `lib/db/country-names.ts` reads it: codes and the translated common names. Only the
 * popup, options and background import it (the search and the country picker), never the content script.
 */
const NAMES_ID = '\0counterpart:world-countries-names';

export function trimWorldCountries(): Plugin {
  return {
    name: 'counterpart-trim-world-countries',
    enforce: 'pre',
    resolveId(source) {
      if (source === 'world-countries/countries.json') return NAMES_ID;
      return source === 'world-countries' ? ID : null;
    },
    load(id) {
      if (id !== ID && id !== NAMES_ID) return null;
      const all = createRequire(import.meta.url)('world-countries/countries.json') as Country[];
      if (id === NAMES_ID) {
        // Common names only: the official ones ("Republic of …" in 23 languages) would double the size for forms
        // nobody types.
        const names = all.map((c) => ({
          cca2: c.cca2,
          cca3: c.cca3,
          translations: Object.fromEntries(Object.entries(c.translations).map(([k, t]) => [k, { common: t.common }])),
        }));
        return `export default ${JSON.stringify(names)};`;
      }
      const trimmed = all.map((c) => ({
        cca2: c.cca2,
        area: c.area,
        independent: c.independent,
        name: { common: c.name.common, official: c.name.official },
        altSpellings: c.altSpellings,
        capital: c.capital,
        demonyms: c.demonyms?.eng ? { eng: c.demonyms.eng } : undefined,
      }));
      return `export default ${JSON.stringify(trimmed)};`;
    },
  };
}

const CSSOM_ID = '\0counterpart:cssom';

/**
 * linkedom (the background's DOM for reading articles) imports a CSS parser only to build `style.sheet`, which
 * article reading never touches; the CommonJS parser does not bundle for a service worker. An empty style
 * sheet stands in.
 */
export function stubCssom(): Plugin {
  return {
    name: 'counterpart-stub-cssom',
    enforce: 'pre',
    resolveId(source) {
      return source === '@acemir/cssom' || source === 'cssom' ? CSSOM_ID : null;
    },
    load(id) {
      return id === CSSOM_ID ? 'export function parse() { return { cssRules: [] }; }\nexport default { parse };' : null;
    },
  };
}
