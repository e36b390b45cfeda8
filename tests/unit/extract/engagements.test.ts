import { describe, expect, it } from 'vitest';
import { extractEngagements } from '../../../lib/extract';
import type { ArticleMeta } from '../../../lib/types';
import { fakeDetect, GAZETTEER } from './fake-detection';

// 2025-12-12 is a Friday.
const META: ArticleMeta = {
  title: null,
  outlet: null,
  author: null,
  published: '2025-12-12',
  url: null,
  dateline: null,
  isArticle: true,
};

function run(text: string, meta: Partial<ArticleMeta> = {}) {
  return extractEngagements(text, fakeDetect(text, GAZETTEER), { ...META, ...meta });
}

const short = (text: string, meta: Partial<ArticleMeta> = {}) =>
  run(text, meta).map((e) => ({
    kind: e.kind,
    who: e.participants.map((p) => p.name.split(' ').pop()).join('+'),
    place: e.place,
    date: e.date,
  }));

describe('extractEngagements: who engaged whom', () => {
  it.each([
    [
      'X met Y',
      'Interior Minister Mohsin Naqvi met Belgian Interior Minister Bernard Quintin in Brussels on Friday.',
      'meeting',
      'Naqvi+Quintin',
    ],
    [
      'held a meeting with',
      'Naqvi held a meeting with EU Commissioner Magnus Brunner in Brussels.',
      'meeting',
      'Naqvi+Brunner',
    ],
    [
      'received',
      'Belgian Interior Minister Bernard Quintin received Mohsin Naqvi at his ministry.',
      'meeting',
      'Quintin+Naqvi',
    ],
    ['called on', 'Mohsin Naqvi called on Magnus Brunner at the Berlaymont.', 'meeting', 'Naqvi+Brunner'],
    [
      'talks between',
      'Talks between Mohsin Naqvi and his Belgian counterpart Bernard Quintin focused on returns.',
      'meeting',
      'Naqvi+Quintin',
    ],
    [
      'unnamed counterpart',
      'Bernard Quintin said on Friday that returns were a priority. Mohsin Naqvi held talks with his Belgian counterpart in Brussels.',
      'meeting',
      'Naqvi+Quintin',
    ],
    [
      'signed',
      'Mohsin Naqvi and Matteo Piantedosi signed a memorandum of understanding on readmission in Rome.',
      'agreement',
      'Naqvi+Piantedosi',
    ],
    [
      'telephone call',
      'Yvette Cooper received a telephone call from Mohsin Naqvi on Thursday.',
      'call',
      'Cooper+Naqvi',
    ],
    ['spoke by phone', 'Mohsin Naqvi spoke by phone with Yvette Cooper about returns.', 'call', 'Naqvi+Cooper'],
    [
      'joint meeting of three',
      'Mohsin Naqvi, Matteo Piantedosi and Bernard Quintin held a trilateral meeting in Rome.',
      'meeting',
      'Naqvi+Piantedosi+Quintin',
    ],
    [
      'phone call with words between',
      'Yvette Cooper spoke by telephone on Thursday with Mohsin Naqvi.',
      'call',
      'Cooper+Naqvi',
    ],
    [
      'a trip framing talks',
      'Matteo Piantedosi was in Rome on Friday for talks with Mohsin Naqvi.',
      'meeting',
      'Piantedosi+Naqvi',
    ],
    [
      'a joint presentation',
      'A plan was presented in Brussels by Magnus Brunner and Bernard Quintin.',
      'statement',
      'Brunner+Quintin',
    ],
    ['passive reception', 'Later, Naqvi was received by Piantedosi at the Viminale.', 'meeting', 'Naqvi+Piantedosi'],
  ])('%s', (_name, text, kind, who) => {
    const [first] = short(text);
    expect(first).toMatchObject({ kind, who });
  });

  it.each([
    ['a mention is not a meeting', 'Mohsin Naqvi said Prime Minister Shehbaz Sharif had approved a new border policy.'],
    [
      'a reference is not a participant',
      'On the directions of Prime Minister Shehbaz Sharif, officials reviewed the plan.',
    ],
    ['one official with a cue', 'Mohsin Naqvi held a meeting on law and order in Lahore.'],
    ['a figure sentence', 'Naqvi said 1,770 smugglers had been arrested this year.'],
  ])('no engagement: %s', (_name, text) => {
    expect(run(text)).toEqual([]);
  });

  it('keeps officials who are merely named out of the participants', () => {
    const text =
      'Mohsin Naqvi met Bernard Quintin in Brussels on Friday. Naqvi conveyed the greetings of Prime Minister Shehbaz Sharif to Quintin.';
    expect(short(text)).toEqual([{ kind: 'meeting', who: 'Naqvi+Quintin', place: 'Brussels', date: '2025-12-12' }]);
  });

  it('reports two meetings with two counterparts on one day', () => {
    const text =
      'Mohsin Naqvi met Belgian Interior Minister Bernard Quintin in Brussels on Friday.\n\nEarlier in the day, he held talks with EU Commissioner Magnus Brunner on illegal migration.';
    expect(short(text).map((e) => e.who)).toEqual(['Naqvi+Quintin', 'Naqvi+Brunner']);
  });

  it('splits "separate meetings"', () => {
    const text = 'Mohsin Naqvi held separate meetings with Bernard Quintin and Magnus Brunner in Brussels.';
    expect(short(text).map((e) => e.who)).toEqual(['Naqvi+Quintin', 'Naqvi+Brunner']);
  });

  it('adds the officials who attended a reported meeting to it', () => {
    const text =
      'Mohsin Naqvi met Matteo Piantedosi in Rome on Friday. The meeting was attended by Talal Chaudhry and Shehbaz Sharif.';
    expect(short(text).map((e) => e.who)).toEqual(['Naqvi+Piantedosi+Chaudhry+Sharif']);
  });

  it('lists the members of a chaired meeting', () => {
    const text = 'The meeting, chaired by Shehbaz Sharif, was attended by Mohsin Naqvi and Ishaq Dar.';
    expect(short(text).map((e) => e.who)).toEqual(['Sharif+Naqvi+Dar']);
  });

  it('resolves "the two ministers" to the two sides of the article', () => {
    const text =
      'Mohsin Naqvi said he had agreed with Yvette Cooper on returns. In a phone call, the two ministers discussed smuggling.';
    expect(short(text)).toMatchObject([{ kind: 'call', who: 'Naqvi+Cooper' }]);
  });
});

describe('extractEngagements: planned visits', () => {
  it.each([
    [
      'will visit',
      'Mohsin Naqvi met Magnus Brunner in Brussels. Brunner said he would visit Pakistan soon.',
      'Brunner',
      'Pakistan',
    ],
    [
      'invited to visit',
      'Mohsin Naqvi met Bernard Quintin in Brussels. Naqvi invited Quintin to visit Islamabad.',
      'Quintin+Naqvi',
      'Islamabad',
    ],
    ['looked forward to visiting', 'Ishaq Dar said he looked forward to visiting Rome.', 'Dar', 'Rome'],
  ])('%s', (_name, text, who, place) => {
    const planned = short(text).find((e) => e.kind === 'planned_visit');
    expect(planned).toMatchObject({ who, place, date: null });
  });

  it('folds talks on a planned trip into the planned visit', () => {
    const text =
      'Mohsin Naqvi met Bernard Quintin in Brussels on Friday. The minister will travel on to Rome for talks with Matteo Piantedosi.';
    expect(short(text)).toEqual([
      { kind: 'meeting', who: 'Naqvi+Quintin', place: 'Brussels', date: '2025-12-12' },
      { kind: 'planned_visit', who: 'Naqvi+Piantedosi', place: 'Rome', date: null },
    ]);
  });
});

describe('extractEngagements: place, date, topics, summary', () => {
  it('does not take the dateline city as the place of a meeting held abroad', () => {
    const text = 'ISLAMABAD: Mohsin Naqvi met Bernard Quintin during his official visit to Belgium on Friday.';
    const [e] = run(text, { dateline: 'ISLAMABAD' });
    expect(e.place).toBe('Belgium');
    expect(e.date).toBe('2025-12-12');
  });

  it('uses the dateline for a meeting held "here"', () => {
    const [e] = run('ISLAMABAD: Mohsin Naqvi met Yvette Cooper here on Thursday.', { dateline: 'ISLAMABAD' });
    expect(e).toMatchObject({ place: 'Islamabad', date: '2025-12-11', datePrecision: 'day' });
  });

  it.each([
    ['yesterday', '2025-12-11', 'day'],
    ['on 10 December 2025', '2025-12-10', 'day'],
    ['earlier this month', '2025-12-01', 'month'],
    ['', '2025-12-12', 'approximate'],
  ])('date from %j', (when, date, precision) => {
    const [e] = run(`Mohsin Naqvi met Bernard Quintin in Brussels ${when}.`.replace(' .', '.'));
    expect(e).toMatchObject({ date, datePrecision: precision });
  });

  it('takes topics from the sentences about the engagement, including "the two sides"', () => {
    const text =
      'Mohsin Naqvi met Bernard Quintin in Brussels on Friday.\n\nThe two sides discussed human trafficking and counterterrorism.\n\nSeparately, Ishaq Dar met Matteo Piantedosi in Rome to discuss readmission.';
    const [a, b] = run(text);
    expect(a.topics).toEqual(['human-trafficking', 'counterterrorism']);
    expect(b.topics).toEqual(['returns-readmission']);
  });

  it('falls back to the article topics', () => {
    const [e] = run(
      'Mohsin Naqvi met Bernard Quintin in Brussels.\n\nIllegal migration remains high.'.replace('Illegal', 'illegal'),
    );
    expect(e.topics).toEqual(['illegal-migration']);
  });

  it('generates a summary rather than copying a sentence', () => {
    const text =
      'Interior Minister Mohsin Naqvi met Bernard Quintin in Brussels on Friday. They discussed illegal migration.';
    const [e] = run(text);
    expect(e.summary).toBe(
      'Pakistani Interior Minister Mohsin Naqvi met Belgian Interior Minister Bernard Quintin in Brussels on 12 December 2025 to discuss illegal migration.',
    );
    expect(text).not.toContain(e.summary);
    expect(e.countries).toEqual(['PK', 'BE']);
  });

  it('attaches figures from the engagement sentences', () => {
    const text = 'Mohsin Naqvi met Magnus Brunner in Brussels. Brunner noted a 47% reduction in crossings.';
    expect(run(text)[0].figures.map((f) => f.text)).toEqual(['47% reduction in crossings']);
  });
});
