import { describe, expect, it } from 'vitest';
import { searchTerms, termMatches, topicsOfWord } from '../../../lib/db/search-terms';
import { queryEngagements, recordEngagement } from '../../../lib/db/timeline';
import { draft, freshDb, NAQVI, QUINTIN, source } from './helpers';

describe('searchTerms: what an analyst types, as terms', () => {
  it.each([
    ['a country by name', 'Türkiye', [{ words: ['turkiye'], countries: ['TR'] }]],
    ['the same country in English', 'turkey', [{ words: ['turkey'], countries: ['TR'] }]],
    ['a translation', 'Turquie', [{ countries: ['TR'] }]],
    ['a code in capitals', 'TUR', [{ countries: ['TR'] }]],
    ['a code-like word in lower case is a word', 'per', [{ words: ['per'], countries: [] }]],
    ['a two-word name is one term', 'united kingdom', [{ words: ['united', 'kingdom'], countries: ['GB'] }]],
    ['a dotted abbreviation', 'U.K.', [{ words: ['uk'], countries: ['GB'] }]],
    ['an ambiguous name stands for both', 'Congo', [{ countries: ['CG', 'CD'] }]],
    ['a topic synonym', 'drug', [{ words: ['drug'], topics: ['narcotics'] }]],
    ['a plural synonym', 'drugs', [{ topics: ['narcotics'] }]],
    ['a word two topics share', 'smuggling', [{ topics: ['migrant-smuggling', 'narcotics'] }]],
    [
      'a topic phrase is one term',
      'human trafficking',
      [{ words: ['human', 'trafficking'], topics: ['human-trafficking'] }],
    ],
    ['a number with separators', '1,770', [{ number: 1770 }]],
    ['a number with its scale word', '21 billion', [{ number: 21e9, words: ['21', 'billion'] }]],
    ['a percentage', '47%', [{ number: 47 }]],
    [
      'several words, each a term',
      'naqvi drug ankara',
      [{ words: ['naqvi'] }, { topics: ['narcotics'] }, { words: ['ankara'], prefix: true }],
    ],
    ['stopwords are no terms', 'the of', []],
  ])('%s: %j', (_what, text, expected) => {
    const terms = searchTerms(text);
    expect(terms).toHaveLength(expected.length);
    for (const [i, e] of expected.entries()) expect(terms[i]).toMatchObject(e);
  });

  it('keeps generic words out of topics they barely belong to', () => {
    expect(topicsOfWord('terrorism')).toEqual(['counterterrorism']);
    expect(topicsOfWord('border')).toEqual(['border-security']);
    expect(topicsOfWord('zebra')).toEqual([]);
  });

  it.each([
    ['country', { countries: ['TR'] }, searchTerms('Türkiye ')[0], true],
    ['other country', { countries: ['GR'] }, searchTerms('Türkiye ')[0], false],
    ['topic', { topics: ['narcotics'] }, searchTerms('drug ')[0], true],
    ['figure value', { figures: [{ text: '1,770 smugglers arrested', value: 1770 }] }, searchTerms('1770')[0], true],
    ['number in figure text', { figures: [{ text: '$21 billion package', value: 21e9 }] }, searchTerms('21')[0], true],
    ['number nowhere', { figures: [{ text: '300 officers trained', value: 300 }] }, searchTerms('30')[0], false],
    ['prefix of a word', { words: ['islamabad'] }, searchTerms('islam')[0], true],
    ['whole word only before the last', { words: ['islamabad'] }, searchTerms('islam ')[0], false],
  ])('termMatches: %s', (_what, row, term, expected) => {
    const e = { countries: [], topics: [], figures: [], words: [], ...row } as Parameters<typeof termMatches>[0];
    expect(termMatches(e, term)).toBe(expected);
  });
});

describe('the timeline search finds rows by any field, every word in some field', () => {
  const YERLIKAYA = { name: 'Ali Yerlikaya', entityId: 'official:ali-yerlikaya', country: 'TR' };
  const COOPER = { name: 'Yvette Cooper', entityId: 'official:yvette-cooper', country: 'GB' };
  const RETAILLEAU = { name: 'Bruno Retailleau', entityId: 'official:bruno-retailleau', country: 'FR' };

  async function timeline() {
    const db = freshDb();
    const ids: Record<string, string> = {};
    const put = async (key: string, d: Parameters<typeof draft>[0], url: string) => {
      const r = await recordEngagement(db, draft(d), source(url, 'Outlet'));
      if (!r.ok) throw new Error(r.error);
      ids[r.value.engagementId] = key;
    };
    await put(
      'ankara',
      {
        participants: [NAQVI, YERLIKAYA],
        place: 'Ankara',
        date: '2025-10-02',
        topics: ['narcotics'],
        figures: [{ text: '1,770 smugglers arrested', value: 1770 }],
        summary: 'Mohsin Naqvi and Ali Yerlikaya agreed on joint patrols.',
      },
      'https://a.example/ankara',
    );
    await put(
      'channel',
      {
        kind: 'call',
        participants: [COOPER, RETAILLEAU],
        place: null,
        date: '2025-11-20',
        topics: ['migrant-smuggling'],
        figures: [{ text: '€500 million package', value: 5e8, unit: 'EUR' }],
        summary: 'Yvette Cooper spoke with Bruno Retailleau about small boats.',
      },
      'https://b.example/channel',
    );
    await put(
      'brussels',
      {
        participants: [NAQVI, QUINTIN],
        date: '2025-12-12',
        topics: ['counterterrorism', 'information-sharing'],
        summary: 'Mohsin Naqvi met Bernard Quintin in Brussels.',
      },
      'https://c.example/brussels',
    );
    return { db, ids };
  }

  it.each([
    ['Türkiye', ['ankara']],
    ['Turkey', ['ankara']],
    ['turkiye', ['ankara']],
    ['TUR', ['ankara']],
    ['Turquie', ['ankara']],
    ['UK', ['channel']],
    ['Britain', ['channel']],
    ['United Kingdom', ['channel']],
    ['GB', ['channel']],
    ['Belgique', ['brussels']],
    ['ankara', ['ankara']],
    ['Brussels', ['brussels']],
    ['drug', ['ankara']],
    ['drugs', ['ankara']],
    ['terrorism', ['brussels']],
    ['smuggling', ['channel', 'ankara']],
    ['1770', ['ankara']],
    ['1,770', ['ankara']],
    ['500 million', ['channel']],
    ['500', ['channel']],
    ['naqvi drug ankara', ['ankara']],
    ['naqvi pakistan', ['brussels', 'ankara']],
    ['naqvi Belgium terrorism', ['brussels']],
    ['cooper smuggling France', ['channel']],
    ['naqvi UK', []],
    ['drug Brussels', []],
    ['1770 Brussels', []],
    ['per', []],
  ])('%j finds %j', async (text, expected) => {
    const { db, ids } = await timeline();
    const found = (await queryEngagements(db, { text })).map((e) => ids[e.id]);
    expect(found).toEqual(expected);
  });
});
