/**
 * Patterns of real coverage that extraction must read: multi-party meetings, talks on the sidelines, signings
 * with witnesses, agency and government-release styles, trips with several engagements, relative dates. The
 * articles are short and invented (names included); positives and negatives sit side by side.
 */
import { describe, expect, it } from 'vitest';
import { extractEngagements } from '../../../lib/extract';
import { CITY_COUNTRY } from '../../../lib/extract/geo';
import type { ArticleMeta } from '../../../lib/types';
import { fakeDetect } from './fake-detection';
import { PATTERN_GAZETTEER as G } from './pattern-gazetteer';

// 2025-06-13 is a Friday.
const META: ArticleMeta = {
  title: null,
  outlet: null,
  author: null,
  published: '2025-06-13',
  url: null,
  dateline: null,
  isArticle: true,
};

function run(text: string, meta: Partial<ArticleMeta> = {}) {
  return extractEngagements(text, fakeDetect(text, G), { ...META, ...meta });
}

const surname = (name: string): string => /(?:Al\s+)?\S+$/.exec(name)?.[0] ?? name;
const whoOf = (text: string, meta: Partial<ArticleMeta> = {}): string[] =>
  run(text, meta)
    .filter((e) => e.participants.length >= 2)
    .map((e) =>
      e.participants
        .map((p) => surname(p.name))
        .sort()
        .join('+'),
    );

describe('multi-party meetings: everyone who took part', () => {
  it.each([
    [
      'a council chaired by the presidency, with a commissioner taking part',
      'EU interior ministers met in Luxembourg on Thursday for the Justice and Home Affairs Council. The meeting was chaired by Piotr Zalewski, the interior minister of the presidency. Commissioner Helga Marten took part in the discussions on returns. Belgian Justice Minister Luc Vermeulen also attended.',
      ['Marten+Vermeulen+Zalewski'],
    ],
    [
      'participated in the session',
      'The Justice and Home Affairs Council convened in Luxembourg on Thursday. Piotr Zalewski chaired the session. Helga Marten and Luc Vermeulen participated in the debate on smuggling networks.',
      ['Marten+Vermeulen+Zalewski'],
    ],
    [
      'a virtual conference of several countries',
      'Sri Lanka hosted the sixth ministerial meeting of the regional security conclave virtually on Tuesday. The meeting was chaired by National Security Adviser Chaminda Perera. The national security advisers of India, the Maldives and Bangladesh, Rohan Mehta, Ahmed Rasheed and Tariq Rahim, joined the virtual meeting.',
      ['Mehta+Perera+Rahim+Rasheed'],
    ],
    [
      'a domestic apex meeting chaired by a minister',
      'Home Minister Vikram Sethi chaired the seventh apex-level meeting of the narcotics coordination mechanism in New Delhi on Friday. Home Secretary Meera Nair and Director General Sunil Joshi were among those who attended the meeting.',
      ['Joshi+Nair+Sethi'],
    ],
    [
      'a review meeting held by a minister, officials attending',
      'Vikram Sethi held a high-level review meeting on border security on Friday. The meeting was attended by Meera Nair and Sunil Joshi.',
      ['Joshi+Nair+Sethi'],
    ],
    [
      'aides at a bilateral meeting take part, on their side',
      'Mohsin Naqvi met Matteo Piantedosi in Rome on Friday. The meeting was also attended by Talal Chaudhry.',
      ['Chaudhry+Naqvi+Piantedosi'],
    ],
    [
      'aides who "also attended" a bilateral meeting take part in it',
      'Mohsin Naqvi held talks with Bernard Quintin in Brussels on Friday. Talal Chaudhry and Ishaq Dar also attended.',
      ['Chaudhry+Dar+Naqvi+Quintin'],
    ],
    [
      'a delegation named after the meeting, its items separated by semicolons',
      'Mohsin Naqvi held talks with Bernard Quintin in Brussels on Friday. Naqvi was joined by Talal Chaudhry; Ishaq Dar; and Tariq Rahim.',
      ['Chaudhry+Dar+Naqvi+Quintin+Rahim'],
    ],
    [
      'officials who joined a minister for the talks',
      'Mohsin Naqvi held talks with Bernard Quintin in Brussels on Friday. Talal Chaudhry and Ishaq Dar joined Naqvi for the talks.',
      ['Chaudhry+Dar+Naqvi+Quintin'],
    ],
    [
      'talks that "also included" two police chiefs',
      'Mohsin Naqvi held talks with Bernard Quintin in Brussels on Friday. The talks also included Tariq Rahim and Luc Vermeulen.',
      ['Naqvi+Quintin+Rahim+Vermeulen'],
    ],
    [
      'attendees listed before the verb, in one sentence',
      'Rohan Mehta, Chaminda Perera and Ahmed Rasheed attended the regional security conference in Colombo on Tuesday.',
      ['Mehta+Perera+Rasheed'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(whoOf(text)).toEqual(expected);
  });

  it.each([
    ['a chair alone is no engagement', 'Vikram Sethi chaired a meeting on border security in New Delhi on Friday.', []],
    [
      'an official who attended a funeral is not at a meeting',
      'Vikram Sethi chaired a review meeting on Friday. On Sunday, Meera Nair attended a wedding in Kolkata.',
      [],
    ],
  ])('no extra participants: %s', (_name, text, expected) => {
    expect(whoOf(text)).toEqual(expected);
  });

  it('dates and places the council from its first sentence', () => {
    const [e] = run(
      'EU interior ministers met in Luxembourg on Thursday for the Justice and Home Affairs Council. The meeting was chaired by Piotr Zalewski. Helga Marten also took part.',
    );
    expect(e).toMatchObject({ kind: 'meeting', place: 'Luxembourg', date: '2025-06-12' });
  });
});

describe('talks on the sidelines', () => {
  it('pairs the two officials and takes the venue city', () => {
    const [e] = run(
      'On the sidelines of the Interpol General Assembly in Marrakech on Wednesday, Karim Benali held bilateral talks with Interpol Secretary General Lucia Ferreira.',
    );
    expect(e.participants.map((p) => surname(p.name))).toEqual(['Benali', 'Ferreira']);
    expect(e).toMatchObject({ kind: 'meeting', place: 'Marrakech', date: '2025-06-11' });
  });

  it('splits bilateral meetings with several counterparts', () => {
    expect(
      whoOf(
        'On the sidelines of the assembly in Marrakech, Karim Benali held bilateral meetings with Lucia Ferreira and Spain’s police chief Pablo Ortega.',
      ),
    ).toEqual(['Benali+Ferreira', 'Benali+Ortega']);
  });
});

describe('signings: signatories and principal hosts', () => {
  it.each([
    [
      'officials sign in the presence of their ministers',
      'Sri Lanka and Oman signed a memorandum of understanding on labour cooperation in Muscat on Monday. The MoU was signed by Nimal Fernando, Secretary to the Ministry of Foreign Employment, Labour and Skills Development, and Salim Al Harthy, Undersecretary of the Ministry of Labour, in the presence of Foreign Minister Ruwan Dissanayake and Minister of Labour Hamad Al Rawahi.',
      ['Al Harthy+Al Rawahi+Dissanayake+Fernando'],
    ],
    [
      'signed during the ministers’ meeting',
      'Minister of Labour Hamad Al Rawahi received Foreign Minister Ruwan Dissanayake in Muscat on Monday. During the meeting, a memorandum of understanding on migrant workers was signed by Nimal Fernando and Salim Al Harthy.',
      ['Al Harthy+Al Rawahi+Dissanayake+Fernando'],
    ],
    [
      'ministers witnessed the signing',
      'A memorandum of understanding on labour mobility was signed by Nimal Fernando and Salim Al Harthy in Muscat. Ruwan Dissanayake and Hamad Al Rawahi witnessed the signing.',
      ['Al Harthy+Al Rawahi+Dissanayake+Fernando'],
    ],
    [
      'ministers sign before heads of state: the witnesses stay out',
      'Interior ministers Anton Weber and Aziz Karimov signed a migration agreement in Tashkent on Monday, in the presence of Chancellor Eva Lang and President Timur Rasulov, who held talks earlier in the day.',
      ['Karimov+Weber', 'Lang+Rasulov'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(whoOf(text).sort()).toEqual(expected);
  });

  it('calls the merged signing an agreement', () => {
    const [e] = run(
      'Hamad Al Rawahi received Ruwan Dissanayake in Muscat on Monday. During the meeting, an MoU was signed by Nimal Fernando and Salim Al Harthy.',
    );
    expect(e.kind).toBe('agreement');
  });
});

describe('agency and government-release styles', () => {
  it.each([
    [
      'Gulf agency: received in his office … and the accompanying delegation',
      'ABU DHABI, 13th June, 2025 (WAM) -- His Highness Sheikh Mansour bin Rashid Al Falasi, Deputy Prime Minister and Minister of Interior, received in his office in Abu Dhabi today Sayyid Faris bin Hamad Al Said, Minister of Interior of the Sultanate of Oman, and the accompanying delegation.',
      { kind: 'meeting', place: 'Abu Dhabi', date: '2025-06-13' },
      'Al Falasi+Al Said',
    ],
    [
      'HE X met with HE Y',
      'HE Sheikh Mansour met with HE Sayyid Faris on Wednesday to discuss border security.',
      { kind: 'meeting', date: '2025-06-11' },
      'Al Falasi+Al Said',
    ],
    [
      'State Department readout: met with … on Tuesday',
      'Secretary Harlow met with Mexican Foreign Secretary Elena Ruiz on Tuesday in Washington to discuss fentanyl trafficking.',
      { kind: 'meeting', place: 'Washington', date: '2025-06-10' },
      'Harlow+Ruiz',
    ],
    [
      'State Department readout: spoke today with',
      'Secretary of State Daniel Harlow spoke today with Mexican Foreign Secretary Elena Ruiz about security cooperation.',
      { kind: 'call', date: '2025-06-13' },
      'Harlow+Ruiz',
    ],
    [
      'a call with',
      'Secretary Harlow held a productive call with Foreign Secretary Elena Ruiz on Wednesday.',
      { kind: 'call', date: '2025-06-11' },
      'Harlow+Ruiz',
    ],
    [
      'government release: welcomed … to Ottawa',
      'Minister of Public Safety Claire Dubois welcomed Sweden’s Minister for Migration Jonas Berg to Ottawa today.',
      { kind: 'meeting', place: 'Ottawa', date: '2025-06-13' },
      'Berg+Dubois',
    ],
    [
      'government release: announced following talks with',
      'Minister Claire Dubois today announced new funding for border security following talks with Jonas Berg.',
      { kind: 'meeting', date: '2025-06-13' },
      'Berg+Dubois',
    ],
    [
      'wire: said after talks with',
      'TUNIS, June 13 (Reuters) - Italy’s Interior Minister Marco Bellini said after talks with his Tunisian counterpart Kais Jaziri on Thursday that departures had fallen.',
      { kind: 'meeting', date: '2025-06-12' },
      'Bellini+Jaziri',
    ],
  ])('%s', (_name, text, expected, who) => {
    const [e] = run(text);
    expect(e).toMatchObject(expected);
    expect(
      e.participants
        .map((p) => /(?:Al\s+)?\S+$/.exec(p.name)?.[0])
        .sort()
        .join('+'),
    ).toBe(who);
  });
});

describe('precision: speech is not a meeting', () => {
  it.each([
    ['a statement', 'Mohsin Naqvi said in a statement that smuggling networks would be dismantled.'],
    ['reporters', 'Secretary Harlow spoke to reporters after the cabinet meeting about Elena Ruiz’s proposal.'],
    ['parliament', 'Yvette Cooper told parliament that she had read Mohsin Naqvi’s letter on returns.'],
    ['an interview', 'In an interview with a broadcaster, Marco Bellini said Kais Jaziri had been helpful.'],
    ['spoke with the press', 'Claire Dubois spoke with the media on Tuesday about the Jonas Berg report.'],
  ])('%s', (_name, text) => {
    expect(whoOf(text)).toEqual([]);
  });
});

describe('a trip with several engagements', () => {
  it('keeps each meeting and call with its own day', () => {
    const text =
      'Mohsin Naqvi met Bernard Quintin in Brussels on Monday. On Tuesday, he held talks with Magnus Brunner on returns. He also spoke by phone with Yvette Cooper on Wednesday.';
    expect(run(text).map((e) => [e.kind, e.participants.map((p) => surname(p.name)).join('+'), e.date])).toEqual([
      ['meeting', 'Naqvi+Quintin', '2025-06-09'],
      ['meeting', 'Naqvi+Brunner', '2025-06-10'],
      ['call', 'Naqvi+Cooper', '2025-06-11'],
    ]);
  });
});

describe('dates relative to the engagement before', () => {
  it.each([
    ['A day earlier, he had held talks with Bernard Quintin.', '2025-06-08'],
    ['The previous day, he held talks with Bernard Quintin.', '2025-06-08'],
    ['The following day, he held talks with Bernard Quintin.', '2025-06-10'],
    ['Two days later, he met Bernard Quintin.', '2025-06-11'],
  ])('%s', (second, date) => {
    const text = `Mohsin Naqvi met Magnus Brunner in Brussels on Monday. ${second}`;
    const e = run(text).find((x) => x.participants.some((p) => p.name === 'Bernard Quintin'));
    expect(e).toMatchObject({ date, datePrecision: 'day' });
  });

  it.each([
    ['last week', '2025-06-06', 'approximate'],
    ['earlier today', '2025-06-13', 'day'],
    ['on Tuesday', '2025-06-10', 'day'],
  ])('%s', (when, date, precision) => {
    const [e] = run(`Mohsin Naqvi met Bernard Quintin in Brussels ${when}.`);
    expect(e).toMatchObject({ date, datePrecision: precision });
  });

  it('resolves weekdays against a yearless dateline dated by the publication year', () => {
    const text = 'July 14 (Reuters) - Mohsin Naqvi met Bernard Quintin in Brussels on Monday.';
    // Published (modified) two days after the wire's dateline.
    const [e] = run(text, { published: '2025-07-16' });
    expect(e.date).toBe('2025-07-14');
  });
});

describe('a trip: later engagements of the same traveller happen where the trip is', () => {
  const placesOf = (text: string, meta: Partial<ArticleMeta> = {}) =>
    run(text, meta)
      .filter((e) => e.participants.length >= 2)
      .map((e) => e.place);

  it.each([
    [
      'a later meeting on the same trip',
      'WARSAW: Piotr Zalewski met Luc Vermeulen in Brussels on Tuesday. Later, Zalewski met Helga Marten.',
      ['Brussels', 'Brussels'],
    ],
    [
      'an earlier occasion is not the same trip',
      'WARSAW: Piotr Zalewski met Luc Vermeulen in Brussels on Tuesday. Earlier this week Zalewski met Helga Marten.',
      ['Brussels', 'Warsaw'],
    ],
  ])('%s', (_name, text, places) => {
    expect(placesOf(text, { dateline: 'WARSAW' })).toEqual(places);
  });
});

describe('meetings reported in other words', () => {
  it('reads "a meeting on Tuesday in Rabat between X and Y"', () => {
    const [e] = run(
      'Border cooperation was at the heart of a meeting on Tuesday in Rabat between Karim Benali and Pablo Ortega.',
    );
    expect(e.participants.map((p) => surname(p.name))).toEqual(['Benali', 'Ortega']);
    expect(e).toMatchObject({ kind: 'meeting', place: 'Rabat' });
  });

  it('"spoke with" during a visit is a meeting, not a call', () => {
    const es = run(
      'Marco Bellini arrived in Tunis on Monday. During his visit, the Interior Minister also spoke with Kais Jaziri.',
    );
    const talks = es.find((e) => e.participants.length >= 2);
    expect(talks?.kind).toBe('meeting');
    expect(talks?.participants.map((p) => surname(p.name))).toEqual(['Bellini', 'Jaziri']);
  });

  it('"spoke with" in a readout stays a call', () => {
    const [e] = run('Marco Bellini spoke with Kais Jaziri on Thursday about returns.');
    expect(e.kind).toBe('call');
  });

  it('resolves "the Director General" to the official whose office it names', () => {
    const es = run(
      'Karim Benali met Marco Bellini in Rome on Monday. During his stay, the Director General also spoke with Anton Weber.',
    );
    expect(es.map((e) => e.participants.map((p) => surname(p.name)).join('+'))).toContain('Benali+Weber');
  });
});

describe('where and when, from the trip and the dateline', () => {
  it('a known title-case dateline is the place of a meeting in its country', () => {
    const [e] = run('Tunis: Kais Jaziri received Marco Bellini at the ministry on Monday to talk about returns.');
    expect(e.place).toBe('Tunis');
  });

  it('a country named like its capital is a dateline city', () => {
    expect(CITY_COUNTRY.get('kuwait')).toBe('KW');
    expect(CITY_COUNTRY.get('guatemala')).toBe('GT');
    expect(CITY_COUNTRY.get('france')).toBeUndefined();
  });

  it('"here" is the dateline city even during a visit to the country', () => {
    const es = run(
      'MILAN, June 12: Marco Bellini held talks here on Thursday with Kais Jaziri, who is on a three-day visit to Italy.',
    );
    expect(es.find((e) => e.participants.length === 2)?.place).toBe('Milan');
  });

  it('the official who sent the invitation is no participant', () => {
    const es = run('Marco Bellini hosted Kais Jaziri in Rome on Monday in response to the invitation of Anton Weber.');
    expect(es.map((e) => e.participants.map((p) => surname(p.name)).join('+'))).toEqual(['Bellini+Jaziri']);
  });

  it('a city the sentence states beats "here"', () => {
    const [e] = run(
      'TUNIS, June 12: Kais Jaziri held talks with Marco Bellini in Rome on Wednesday, a statement issued here said.',
    );
    expect(e.place).toBe('Rome');
  });

  it('a meeting still to come takes the place of the trip still to come', () => {
    const es = run('Marco Bellini will travel to Tunis on Sunday. He will meet Kais Jaziri to discuss returns.');
    const talks = es.find((e) => e.participants.length === 2);
    expect(talks?.place).toBe('Tunis');
  });

  it('"went to Madrid yesterday" dates the meetings of the trip', () => {
    const es = run('Kais Jaziri went to Madrid yesterday to discuss returns. Jaziri was received by Pablo Ortega.');
    expect(es.find((e) => e.participants.length === 2)?.date).toBe('2025-06-12');
  });
});
