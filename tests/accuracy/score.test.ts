import { describe, expect, it } from 'vitest';
import {
  type ActualAnalysis,
  aggregate,
  canonicalSurname,
  countriesCompatible,
  type ExpectedAnalysis,
  type ExpectedPerson,
  isNoisy,
  namesPerson,
  nameTokens,
  offTopicNoise,
  participantPairs,
  prf,
  rolesCompatible,
  sameName,
  scoreFile,
  scorePairs,
  scorePeople,
  scoreSets,
  surname,
} from './score';

function expected(over: Partial<ExpectedAnalysis> = {}): ExpectedAnalysis {
  return {
    title: null,
    published: null,
    outlet: null,
    people: [],
    countries: [],
    topics: [],
    engagements: [],
    figures: [],
    ...over,
  };
}

function actual(over: Partial<ActualAnalysis> = {}): ActualAnalysis {
  return {
    title: null,
    published: null,
    outlet: null,
    people: [],
    countries: [],
    topics: [],
    engagements: [],
    figures: [],
    ...over,
  };
}

const naqvi: ExpectedPerson = {
  name: 'Mohsin Naqvi',
  role: ['Federal Minister for Interior and Narcotics Control', 'Interior Minister'],
  country: 'PK',
  aliases: ['Syed Mohsin Naqvi'],
};
const quintin: ExpectedPerson = {
  name: 'Bernard Quintin',
  role: 'Minister of Interior',
  country: 'BE',
  aliases: ['Bernard Quinten'],
};
const saif: ExpectedPerson = {
  name: 'Saif bin Zayed Al Nahyan',
  role: 'Minister of Interior',
  country: 'AE',
  aliases: ['Saif bin Zayed'],
};

describe('nameTokens / surname', () => {
  it.each([
    ['Mohsin Naqvi', ['mohsin', 'naqvi']],
    ['Lt. General His Highness Sheikh Saif bin Zayed Al Nahyan', ['saif', 'bin', 'zayed', 'al', 'nahyan']],
    ['Gen Asim Munir', ['asim', 'munir']],
    ['Field Marshal Syed Asim Munir', ['syed', 'asim', 'munir']],
    ['Dr. Tawfiq bin Fawzan Al-Rabiah', ['tawfiq', 'bin', 'fawzan', 'al', 'rabiah']],
    ['Vít Rakušan', ['vit', 'rakusan']],
    ['Lt Gen (retd) Jahangir Alam Chowdhury', ['jahangir', 'alam', 'chowdhury']],
    ['General', ['general']],
  ])('%s → %j', (name, tokens) => {
    expect(nameTokens(name)).toEqual(tokens);
  });

  it.each([
    ['Fernando Grande-Marlaska', 'marlaska'],
    ['Laurent Nuñez', 'nunez'],
    ['Omar García Harfuch', 'harfuch'],
  ])('surname(%s) = %s', (name, s) => {
    expect(surname(name)).toBe(s);
  });
});

describe('sameName', () => {
  it.each([
    ['Mohsin Naqvi', 'Mohsin Naqvi', true],
    ['Mohsin Naqvi', 'mohsin naqvi', true],
    ['Mohsin Naqvi', 'Syed Mohsin Naqvi', true],
    ['Mohsin Naqvi', 'M. Naqvi', true],
    ['Mohsin Naqvi', 'Naqvi', true],
    ['Vít Rakušan', 'Vit Rakusan', true],
    ['Asim Munir', 'Gen Asim Munir', true],
    ['Tawfiq Al-Rabiah', 'Tawfiq bin Fawzan Al-Rabiah', true],
    ['Mohsin Naqvi', 'Ali Naqvi', false],
    ['Mohsin Naqvi', 'Mohsin Khan', false],
    ['Bernard Quintin', 'Bernard Quinten', false],
    ['Pedro Sánchez', 'Pedro Sanchez', true],
  ])('%s ~ %s → %s', (ref, got, ok) => {
    expect(sameName(ref, got)).toBe(ok);
  });

  it.each([
    [quintin, 'Bernard Quinten', true],
    [quintin, 'Minister Quinten', false],
    [saif, 'Sheikh Saif bin Zayed', true],
    [saif, 'Lt. General Sheikh Saif bin Zayed Al Nahyan', true],
    [saif, 'Abdullah bin Zayed Al Nahyan', false],
  ])('namesPerson(%o, %s) → %s', (person, got, ok) => {
    expect(namesPerson(person, got)).toBe(ok);
  });
});

describe('rolesCompatible', () => {
  it.each([
    ['Federal Minister for Interior and Narcotics Control', 'Interior Minister', true],
    ['Minister of the Interior', 'Interior Minister', true],
    ['Minister for Interior', 'interior minister', true],
    ['Belgian Interior Minister', 'Minister of Interior', true],
    ['Home Secretary', 'Home Secretary', true],
    ['Home Secretary', 'the Home Secretary', true],
    ['Commissioner for Home Affairs and Migration', 'European Commissioner for Internal Affairs and Migration', true],
    ['Union Home Minister', 'Home Minister', true],
    ["Pakistan's ambassador to Greece", 'Ambassador', true],
    ['U.S. Homeland Security Secretary', 'Homeland Security Secretary', true],
    ['Interior Minister', 'Foreign Minister', false],
    ['Home Secretary', 'Interior Minister', false],
    ['Minister of State for Interior', 'Minister of State for Foreign Affairs', false],
    ['Interior Minister', null, false],
    ['Interior Minister', 'Pakistani', false],
  ])('%s vs %s → %s', (exp, got, ok) => {
    expect(rolesCompatible(exp, got)).toBe(ok);
  });

  it('accepts any of several expected roles', () => {
    expect(
      rolesCompatible(['Deputy Prime Minister and Minister of Interior', 'Minister of Interior'], 'Interior Minister'),
    ).toBe(true);
    expect(rolesCompatible(['Home Secretary', 'Secretary of State for the Home Department'], 'Foreign Secretary')).toBe(
      false,
    );
  });

  it('treats a null expected role as "any role"', () => {
    expect(rolesCompatible(null, 'Minister')).toBe(true);
  });
});

describe('countriesCompatible', () => {
  it.each([
    ['PK', 'PK', true],
    ['PK', 'pk', true],
    ['PK', 'IN', false],
    ['PK', null, false],
    [null, null, true],
    [null, 'PK', false],
    [['EU', null], null, true],
    [['EU', null], 'EU', true],
    [['EU', null], 'BE', false],
  ] as const)('%j vs %s → %s', (exp, got, ok) => {
    expect(countriesCompatible(exp as ExpectedPerson['country'], got)).toBe(ok);
  });
});

describe('prf and scoreSets', () => {
  it('computes micro precision, recall and F1', () => {
    const r = prf({ tp: 8, fp: 2, fn: 0 });
    expect(r.precision).toBe(0.8);
    expect(r.recall).toBe(1);
    expect(r.f1).toBeCloseTo(8 / 9, 10);
  });

  it('is perfect when nothing was expected and nothing found', () => {
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('is zero when nothing right was found', () => {
    expect(prf({ tp: 0, fp: 3, fn: 2 }).f1).toBe(0);
  });

  it('lists what was missed and what was extra', () => {
    expect(scoreSets(['PK', 'EU', 'BE'], ['PK', 'EU', 'GE'])).toEqual({
      tp: 2,
      fp: 1,
      fn: 1,
      missed: ['BE'],
      extra: ['GE'],
    });
  });
});

describe('scorePeople', () => {
  const exp = expected({ people: [naqvi, quintin] });

  it.each([
    [
      'full match with a spelling variant and a reworded role',
      [
        { name: 'Mohsin Naqvi', role: 'Interior Minister', country: 'PK' },
        { name: 'Bernard Quinten', role: 'Interior Minister', country: 'BE' },
      ],
      { tp: 2, fp: 0, fn: 0 },
    ],
    [
      'wrong country is a miss and an extra',
      [
        { name: 'Mohsin Naqvi', role: 'Interior Minister', country: 'PK' },
        { name: 'Bernard Quintin', role: 'Interior Minister', country: 'EU' },
      ],
      { tp: 1, fp: 1, fn: 1 },
    ],
    [
      'wrong role (cricket board chairman) is a miss and an extra',
      [{ name: 'Mohsin Naqvi', role: 'Chairman of the Pakistan Cricket Board', country: 'PK' }],
      { tp: 0, fp: 1, fn: 2 },
    ],
    [
      'unknown person is an extra',
      [
        { name: 'Mohsin Naqvi', role: 'Interior Minister', country: 'PK' },
        { name: 'Bernard Quintin', role: 'Minister of Interior', country: 'BE' },
        { name: 'Brussels Police', role: 'Chief', country: 'BE' },
      ],
      { tp: 2, fp: 1, fn: 0 },
    ],
    ['nothing found', [], { tp: 0, fp: 0, fn: 2 }],
  ])('%s', (_label, people, counts) => {
    const s = scorePeople(exp, actual({ people }));
    expect({ tp: s.tp, fp: s.fp, fn: s.fn }).toEqual(counts);
  });

  it('explains why a named person did not count', () => {
    const s = scorePeople(exp, actual({ people: [{ name: 'Mohsin Naqvi', role: 'PCB chairman', country: 'PK' }] }));
    expect(s.missed[0]).toMatch(/wrong role/);
  });

  it('does not let one actual entry satisfy two expected people', () => {
    const twoNaqvis = expected({
      people: [naqvi, { name: 'Ali Naqvi', role: 'Senator', country: 'PK' }],
    });
    const s = scorePeople(twoNaqvis, actual({ people: [{ name: 'Naqvi', role: 'Interior Minister', country: 'PK' }] }));
    expect(s.tp).toBe(1);
    expect(s.fn).toBe(1);
  });
});

describe('participant pairs', () => {
  const people = [naqvi, quintin, saif];

  it('maps variants onto the expected canonical surname', () => {
    expect(canonicalSurname('Bernard Quinten', people)).toBe('quintin');
    expect(canonicalSurname('Sheikh Saif bin Zayed', people)).toBe('nahyan');
    expect(canonicalSurname('Somebody Else', people)).toBe('else');
  });

  it.each([
    [[{ participants: ['Mohsin Naqvi', 'Bernard Quintin'] }], ['naqvi|quintin']],
    [[{ participants: ['Bernard Quinten', 'Syed Mohsin Naqvi'] }], ['naqvi|quintin']],
    [[{ participants: ['Magnus Brunner'] }], []],
    [[{ participants: ['Mohsin Naqvi', 'Naqvi'] }], []],
    [
      [{ participants: ['Mohsin Naqvi', 'Bernard Quintin', 'Saif bin Zayed'] }],
      ['nahyan|naqvi', 'nahyan|quintin', 'naqvi|quintin'],
    ],
  ])('%j → %j', (engagements, pairs) => {
    expect([...participantPairs(engagements, people)].sort()).toEqual(pairs);
  });

  it('scores pair sets per article', () => {
    const exp = expected({
      people,
      engagements: [
        { kind: 'meeting', participants: ['Mohsin Naqvi', 'Bernard Quintin'], place: null, date: null, topics: [] },
        { kind: 'planned_visit', participants: ['Bernard Quintin'], place: null, date: null, topics: [] },
      ],
    });
    const got = actual({
      engagements: [
        { kind: 'meeting', participants: ['Naqvi', 'Quinten'], place: null, date: null, topics: [] },
        { kind: 'call', participants: ['Naqvi', 'Saif bin Zayed Al Nahyan'], place: null, date: null, topics: [] },
      ],
    });
    expect(scorePairs(exp, got)).toMatchObject({ tp: 1, fp: 1, fn: 0, extra: ['nahyan|naqvi'] });
  });
});

describe('off-topic noise', () => {
  it.each([
    ['empty output', actual(), false],
    ['countries only', actual({ countries: [{ code: 'US', name: 'United States' }] }), false],
    ['a person', actual({ people: [{ name: 'Mohsin Naqvi', role: 'Interior Minister', country: 'PK' }] }), true],
    ['a topic', actual({ topics: [{ id: 'narcotics', label: 'Narcotics' }] }), true],
  ])('%s → noisy %s', (_label, a, noisy) => {
    expect(isNoisy(offTopicNoise(a))).toBe(noisy);
  });
});

describe('scoreFile and aggregate', () => {
  it('scores every category and micro-averages across files', () => {
    const exp = expected({
      published: '2025-12-12',
      people: [naqvi, quintin],
      countries: [
        { code: 'PK', name: 'Pakistan' },
        { code: 'BE', name: 'Belgium' },
      ],
      topics: [{ id: 'counterterrorism', label: 'Counterterrorism' }],
      engagements: [
        {
          kind: 'meeting',
          participants: ['Mohsin Naqvi', 'Bernard Quintin'],
          place: 'Brussels',
          date: '2025-12-12',
          topics: [],
        },
      ],
    });
    const got = actual({
      published: '2025-12-12',
      people: [{ name: 'Mohsin Naqvi', role: 'Interior Minister', country: 'PK' }],
      countries: [
        { code: 'PK', name: 'Pakistan' },
        { code: 'BE', name: 'Belgium' },
      ],
      topics: [
        { id: 'counterterrorism', label: 'Counterterrorism' },
        { id: 'narcotics', label: 'Narcotics' },
      ],
      engagements: [
        {
          kind: 'meeting',
          participants: ['Mohsin Naqvi', 'Bernard Quintin'],
          place: 'Brussels',
          date: null,
          topics: [],
        },
      ],
    });
    const file = scoreFile('x.html', exp, got);
    expect(file.details).toEqual([{ pair: 'naqvi|quintin', kind: true, date: false, place: true }]);
    expect(file.meta).toEqual({ title: true, published: true, outlet: true });
    const off = scoreFile(
      'off.txt',
      expected({ offTopic: true }),
      actual({ topics: [{ id: 'narcotics', label: 'N' }] }),
    );
    expect(off.noise).toEqual({ people: 0, topics: 1, engagements: 0 });

    const total = aggregate([file, off]);
    expect(total.countries.f1).toBe(1);
    expect(total.topics).toMatchObject({ tp: 1, fp: 2, fn: 0 });
    expect(total.people).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(total.pairs.f1).toBe(1);
  });
});
