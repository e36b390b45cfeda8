/**
 * A tiny stand-in for the detector, so extraction tests state their gazetteer next to their text: every
 * name, surname and keyword is found by whole-word search and turned into mentions.
 */
import type { CountryCode, Detection, Mention, TopicId } from '../../../lib/types';

export interface FakeOfficial {
  id: string;
  name: string;
  /** Other spellings and the surname ("Naqvi"). */
  aliases?: string[];
  role?: string;
  country: CountryCode;
}

export interface FakeGazetteer {
  officials?: FakeOfficial[];
  countries?: { code: CountryCode; name: string; words: string[]; places?: string[] }[];
  topics?: { id: TopicId; label: string; words: string[] }[];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function fakeDetect(text: string, g: FakeGazetteer): Detection {
  const found: Mention[] = [];
  const add = (word: string, make: (start: number, end: number) => Mention): void => {
    const re = new RegExp(`(?<![\\p{L}])${escapeRe(word)}(?![\\p{L}])`, 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) found.push(make(m.index, m.index + m[0].length));
  };
  for (const o of g.officials ?? []) {
    for (const w of [o.name, ...(o.aliases ?? [])]) {
      add(w, (start, end) => ({
        start,
        end,
        text: text.slice(start, end),
        kind: 'official',
        entityId: o.id,
        role: o.role,
        country: o.country,
      }));
    }
  }
  for (const c of g.countries ?? []) {
    for (const w of c.words)
      add(w, (start, end) => ({
        start,
        end,
        text: text.slice(start, end),
        kind: 'country',
        entityId: `country:${c.code}`,
      }));
    for (const p of c.places ?? []) {
      add(p, (start, end) => ({
        start,
        end,
        text: text.slice(start, end),
        kind: 'country',
        entityId: `country:${c.code}`,
        place: p,
      }));
    }
  }
  for (const t of g.topics ?? []) {
    for (const w of t.words)
      add(w, (start, end) => ({ start, end, text: text.slice(start, end), kind: 'topic', entityId: `topic:${t.id}` }));
  }
  // Longest match wins where two overlap ("Mohsin Naqvi" over "Naqvi").
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: Mention[] = [];
  for (const m of found) if (!mentions.some((x) => m.start < x.end && m.end > x.start)) mentions.push(m);
  const seen = (kind: string, id: string): boolean => mentions.some((m) => m.kind === kind && m.entityId === id);
  return {
    mentions,
    officials: (g.officials ?? [])
      .filter((o) => seen('official', o.id))
      .map((o) => ({
        entityId: o.id,
        name: o.name,
        role: o.role ?? null,
        country: o.country,
        discovered: false,
        variants: [],
      })),
    countries: (g.countries ?? [])
      .filter((c) => seen('country', `country:${c.code}`))
      .map((c) => ({ code: c.code, name: c.name })),
    blocs: [],
    topics: (g.topics ?? []).filter((t) => seen('topic', `topic:${t.id}`)).map((t) => ({ id: t.id, label: t.label })),
  };
}

/** The people and words most tests share. */
export const GAZETTEER: FakeGazetteer = {
  officials: [
    { id: 'official:mohsin-naqvi', name: 'Mohsin Naqvi', aliases: ['Naqvi'], role: 'Interior Minister', country: 'PK' },
    {
      id: 'official:magnus-brunner',
      name: 'Magnus Brunner',
      aliases: ['Brunner'],
      role: 'Commissioner for Home Affairs and Migration',
      country: 'EU',
    },
    {
      id: 'official:bernard-quintin',
      name: 'Bernard Quintin',
      aliases: ['Bernard Quinten', 'Quintin', 'Quinten'],
      role: 'Interior Minister',
      country: 'BE',
    },
    { id: 'official:ishaq-dar', name: 'Ishaq Dar', aliases: ['Dar'], role: 'Foreign Minister', country: 'PK' },
    {
      id: 'official:shehbaz-sharif',
      name: 'Shehbaz Sharif',
      aliases: ['Sharif'],
      role: 'Prime Minister',
      country: 'PK',
    },
    {
      id: 'official:matteo-piantedosi',
      name: 'Matteo Piantedosi',
      aliases: ['Piantedosi'],
      role: 'Interior Minister',
      country: 'IT',
    },
    { id: 'official:yvette-cooper', name: 'Yvette Cooper', aliases: ['Cooper'], role: 'Home Secretary', country: 'GB' },
    {
      id: 'official:talal-chaudhry',
      name: 'Talal Chaudhry',
      aliases: ['Chaudhry'],
      role: 'Minister of State for Interior',
      country: 'PK',
    },
  ],
  countries: [
    { code: 'PK', name: 'Pakistan', words: ['Pakistan', 'Pakistani'], places: ['Islamabad'] },
    { code: 'BE', name: 'Belgium', words: ['Belgium', 'Belgian'], places: ['Brussels'] },
    { code: 'EU', name: 'European Union', words: ['European Union', 'EU'] },
    { code: 'IT', name: 'Italy', words: ['Italy', 'Italian'], places: ['Rome'] },
    { code: 'GB', name: 'United Kingdom', words: ['United Kingdom', 'British'], places: ['London'] },
  ],
  topics: [
    { id: 'illegal-migration', label: 'Illegal migration', words: ['illegal migration', 'irregular migration'] },
    { id: 'human-trafficking', label: 'Human trafficking', words: ['human trafficking'] },
    { id: 'migrant-smuggling', label: 'Migrant smuggling', words: ['migrant smuggling', 'smuggling networks'] },
    { id: 'counterterrorism', label: 'Counterterrorism', words: ['counterterrorism', 'terrorism'] },
    { id: 'narcotics', label: 'Narcotics', words: ['narcotics', 'drug trafficking'] },
    { id: 'information-sharing', label: 'Information sharing', words: ['information sharing', 'intelligence sharing'] },
    { id: 'returns-readmission', label: 'Returns and readmission', words: ['readmission', 'returns'] },
  ],
};
