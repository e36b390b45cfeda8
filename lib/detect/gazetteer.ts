/**
 * Builds the gazetteer: one phrase trie (countries, blocs, topics, known officials) keyed on token hashes, a
 * role-title trie, and a per-word table of flags the role parser needs. Built once per detector; matching never
 * touches the source lists again.
 */
import countries from 'world-countries';
import { SEED_OFFICIALS } from '../data/seed';
import { TOPIC_LABELS } from '../data/topics';
import { stripAccents } from '../lexicon/fold';
import type { CountryCode, OfficialEntity, TopicId } from '../types';
import { BLOCS, type BlocDef } from './data/blocs';
import {
  ALLOWED_CODES,
  AMBIGUOUS_FORMS,
  type AmbiguityRule,
  COUNTRY_NAME_OVERRIDES,
  EXCLUDED_COUNTRIES,
  EXCLUDED_FORMS,
  EXTRA_COUNTRY_NAMES,
  EXTRA_DEMONYMS,
  EXTRA_PLACES,
  NON_COUNTRY_PHRASES,
  PREFERRED_FOR_FORM,
} from './data/countries';
import {
  ABBREVIATIONS,
  FACILITY_WORDS,
  GOV_QUALIFIERS,
  HONORIFICS,
  NAME_CONNECTORS,
  NAME_STOPWORDS,
  NON_GOV_MARKERS,
  ORG_WORDS,
  PORTFOLIO_WORDS,
  ROLE_HEADS,
  ROLE_PREMODIFIERS,
  type RoleHeadDef,
} from './data/roles';
import {
  CONDITIONAL_TOPIC_KEYWORDS,
  NON_TOPIC_PHRASES,
  PROXIMITY_TOPICS,
  type ProximityRule,
  SPORTS_WORDS,
  TOPIC_KEYWORDS,
  type TopicNeed,
} from './data/topics';
import { hashWord, tokenize } from './tokenize';
import { insertWords, newNode, type TrieNode } from './trie';

export type Payload =
  | {
      kind: 'country';
      code: CountryCode;
      form: 'name' | 'demonym' | 'place';
      exact: string | null;
      rule: AmbiguityRule | null;
    }
  | { kind: 'bloc'; bloc: number; exact: string | null }
  | { kind: 'topic'; topic: TopicId; need: TopicNeed | null }
  | { kind: 'official'; official: number }
  | { kind: 'none' };

// Per-word flags for the role parser and context rules.
export const W_PREMOD = 1;
export const W_PORTFOLIO = 2;
export const W_STOP = 4;
export const W_HONORIFIC = 8;
export const W_CONNECTOR = 16;
export const W_GOVQUAL = 32;
export const W_NONGOV = 64;
export const W_SPORTS = 128;
export const W_ROLE = 256; // first word of a role head
export const W_ORG = 512; // institution word that may continue a title after "of"
export const W_FACILITY = 1024; // building or place word: "King Fahd Causeway" is not a person
export const W_PROX = 2048; // first word of a proximity topic rule ("return … nationals")

/** A proximity rule with its second words as hashes. */
export interface ProximityEntry {
  rule: ProximityRule;
  second: Set<number>;
}

export interface WordEntry {
  bits: number;
  phrase: TrieNode<Payload> | null;
  role: TrieNode<RoleHeadDef> | null;
}

/** An office a known official holds, parsed into comparable parts. */
export interface OfficeKey {
  official: number;
  office: string;
  country: CountryCode | null;
  head: string;
  domain: string | null;
  gov: boolean;
  from: string | null;
  to: string | null;
}

export interface Gazetteer {
  words: Map<number, WordEntry>;
  abbreviations: Set<number>;
  officials: OfficialEntity[];
  /** Last-name hash → indices of known officials, for "Interior Minister Naqvi" without a first name. */
  surnames: Map<number, number[]>;
  offices: OfficeKey[];
  countryNames: Map<CountryCode, string>;
  /** Demonym (folded) → country, for titles ("Italian Interior Minister"). */
  blocs: BlocDef[];
  topicLabels: Record<TopicId, string>;
  portfolio: Map<string, string>;
  /** Every surface form, for the regex baseline in the benchmark and for debugging. */
  phrases: string[];
  /** First-word hash → proximity topic rules that start with it. */
  proximity: Map<number, ProximityEntry[]>;
}

export interface GazetteerOptions {
  officials?: OfficialEntity[];
  topicKeywords?: Partial<Record<TopicId, string[]>>;
}

const abbreviationHashes = new Set(ABBREVIATIONS.map(hashWord));

/** Splits a phrase into folded words exactly as the tokenizer will see them in text. */
export function splitWords(phrase: string): string[] {
  const t = tokenize(phrase, abbreviationHashes, true);
  const out: string[] = [];
  for (let i = 0; i < t.n; i++) {
    let w = '';
    for (let j = t.start[i]; j < t.end[i]; j++) {
      const c = phrase.charCodeAt(j);
      w += c === 0x2019 ? "'" : phrase.charAt(j);
    }
    out.push(stripAccents(w.toLowerCase()));
  }
  return out;
}

function entry(words: Map<number, WordEntry>, w: string): WordEntry {
  const h = hashWord(w);
  let e = words.get(h);
  if (!e) {
    e = { bits: 0, phrase: null, role: null };
    words.set(h, e);
  }
  return e;
}

function isCode(s: string): boolean {
  return /^[A-Z.]{2,5}$/.test(s);
}

export function buildGazetteer(opts: GazetteerOptions = {}): Gazetteer {
  const words = new Map<number, WordEntry>();
  const phrases: string[] = [];
  const officials = opts.officials ?? SEED_OFFICIALS;

  const addPhrase = (phrase: string, payload: Payload): void => {
    const ws = splitWords(phrase);
    if (ws.length === 0) return;
    const e = entry(words, ws[0]);
    if (!e.phrase) e.phrase = newNode<Payload>();
    insertWords(e.phrase, ws, payload);
    phrases.push(phrase);
  };

  // Countries: one payload per (form, country); forms shared by several countries go to the preferred one.
  const countryNames = new Map<CountryCode, string>();
  const formOwner = new Map<
    string,
    { code: CountryCode; area: number; independent: boolean; kind: 'name' | 'demonym' | 'place' }
  >();
  const forms: { form: string; code: CountryCode; kind: 'name' | 'demonym' | 'place' }[] = [];
  const offer = (
    form: string,
    code: CountryCode,
    kind: 'name' | 'demonym' | 'place',
    area: number,
    independent: boolean,
  ): void => {
    const f = form.trim();
    if (!f || f.includes(',')) return;
    const key = f.toLowerCase();
    if (EXCLUDED_FORMS.has(key)) return;
    if (isCode(f) && !ALLOWED_CODES.has(f.replace(/\./g, '')) && !f.includes('.')) return;
    const prev = formOwner.get(key);
    const preferred = PREFERRED_FOR_FORM[key];
    const better =
      !prev ||
      (preferred
        ? code === preferred
        : prev.code !== preferred &&
          (independent && !prev.independent ? true : independent === prev.independent && area > prev.area));
    if (prev && prev.code === code) return;
    if (better) formOwner.set(key, { code, area, independent, kind });
    forms.push({ form: f, code, kind });
  };
  for (const c of countries) {
    if (EXCLUDED_COUNTRIES.has(c.cca2)) continue;
    const code = c.cca2;
    const area = c.area;
    const ind = c.independent;
    countryNames.set(code, COUNTRY_NAME_OVERRIDES[code] ?? c.name.common);
    offer(c.name.common, code, 'name', area, ind);
    offer(c.name.official, code, 'name', area, ind);
    for (const a of c.altSpellings) offer(a, code, 'name', area, ind);
    for (const cap of c.capital) offer(cap, code, 'place', area, ind);
    const dem = c.demonyms?.eng;
    if (dem) {
      for (const d of new Set([dem.m, dem.f])) {
        for (const part of d.split(/,| or /)) {
          const p = part.trim();
          if (!p) continue;
          offer(p, code, 'demonym', area, ind);
          if (!/(ese|ss|sh|ch|s)$/.test(p)) offer(`${p}s`, code, 'demonym', area, ind);
        }
      }
    }
  }
  for (const [code, list] of Object.entries(EXTRA_COUNTRY_NAMES))
    for (const f of list) offer(f, code, 'name', 1e9, true);
  for (const [code, list] of Object.entries(EXTRA_DEMONYMS)) for (const f of list) offer(f, code, 'demonym', 1e9, true);
  for (const [code, list] of Object.entries(EXTRA_PLACES)) for (const f of list) offer(f, code, 'place', 1e9, true);
  const seen = new Set<string>();
  for (const f of forms) {
    const key = f.form.toLowerCase();
    const owner = formOwner.get(key);
    if (!owner || owner.code !== f.code || seen.has(key)) continue;
    seen.add(key);
    const exact = isCode(f.form) ? f.form : null;
    const ruleKey = splitWords(f.form).join(' ');
    addPhrase(f.form, {
      kind: 'country',
      code: f.code,
      form: owner.kind,
      exact,
      rule: AMBIGUOUS_FORMS[ruleKey] ?? null,
    });
  }
  countryNames.set('EU', 'European Union');
  const none: Payload = { kind: 'none' };
  for (const p of NON_COUNTRY_PHRASES) addPhrase(p, none);

  BLOCS.forEach((b, i) => {
    for (const n of b.names) addPhrase(n, { kind: 'bloc', bloc: i, exact: null });
    for (const a of b.acronyms) addPhrase(a, { kind: 'bloc', bloc: i, exact: a });
  });

  const topicKeywords: Record<string, string[]> = { ...TOPIC_KEYWORDS };
  for (const [id, extra] of Object.entries(opts.topicKeywords ?? {})) {
    if (extra) topicKeywords[id] = [...(topicKeywords[id] ?? []), ...extra];
  }
  const topicPayloads = new Map<string, Payload>();
  for (const [id, list] of Object.entries(topicKeywords)) {
    let payload = topicPayloads.get(id);
    if (!payload) {
      payload = { kind: 'topic', topic: id as TopicId, need: null };
      topicPayloads.set(id, payload);
    }
    for (const k of list) addPhrase(k, payload);
  }
  for (const c of CONDITIONAL_TOPIC_KEYWORDS) {
    const payload: Payload = { kind: 'topic', topic: c.topic, need: c.need };
    for (const k of c.phrases) addPhrase(k, payload);
  }
  for (const p of NON_TOPIC_PHRASES) addPhrase(p, none);
  const proximity = new Map<number, ProximityEntry[]>();
  for (const rule of PROXIMITY_TOPICS) {
    const pe: ProximityEntry = { rule, second: new Set(rule.second.map(hashWord)) };
    for (const w of rule.first) {
      const h = hashWord(w);
      entry(words, w).bits |= W_PROX;
      const list = proximity.get(h);
      if (list) list.push(pe);
      else proximity.set(h, [pe]);
    }
  }

  const surnames = new Map<number, number[]>();
  officials.forEach((o, i) => {
    const payload: Payload = { kind: 'official', official: i };
    for (const n of [o.name, ...o.aliases]) {
      addPhrase(n, payload);
      const ws = splitWords(n);
      if (ws.length < 2) continue;
      const h = hashWord(ws[ws.length - 1]);
      const list = surnames.get(h);
      if (!list) surnames.set(h, [i]);
      else if (!list.includes(i)) list.push(i);
    }
  });

  // Role vocabulary.
  for (const def of ROLE_HEADS) {
    const ws = splitWords(def.phrase);
    const e = entry(words, ws[0]);
    e.bits |= W_ROLE;
    if (!e.role) e.role = newNode<RoleHeadDef>();
    insertWords(e.role, ws, def);
  }
  const flag = (list: Iterable<string>, bit: number): void => {
    for (const w of list) for (const part of splitWords(w)) entry(words, part).bits |= bit;
  };
  flag(ROLE_PREMODIFIERS, W_PREMOD);
  flag(Object.keys(PORTFOLIO_WORDS), W_PORTFOLIO);
  flag(NAME_STOPWORDS, W_STOP);
  flag(HONORIFICS, W_HONORIFIC);
  // Dotted honorifics are one token ("H.E."): flag the whole form too.
  for (const w of HONORIFICS) if (w.includes('.')) entry(words, w).bits |= W_HONORIFIC;
  flag(NAME_CONNECTORS, W_CONNECTOR);
  flag(GOV_QUALIFIERS, W_GOVQUAL);
  flag(NON_GOV_MARKERS, W_NONGOV);
  flag(SPORTS_WORDS, W_SPORTS);
  flag(ORG_WORDS, W_ORG);
  flag(FACILITY_WORDS, W_FACILITY);

  const g: Gazetteer = {
    words,
    abbreviations: abbreviationHashes,
    officials,
    surnames,
    offices: [],
    countryNames,
    blocs: BLOCS,
    topicLabels: TOPIC_LABELS,
    portfolio: new Map(Object.entries(PORTFOLIO_WORDS)),
    phrases,
    proximity,
  };
  return g;
}
