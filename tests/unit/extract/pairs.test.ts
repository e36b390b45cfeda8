/**
 * Who engaged whom, for the sentence shapes real reports use beyond "X met Y": courtesy calls, meetings that
 * "brought together" their members, joint subjects, headline pairs, and officials named by their office.
 * Each rule has positives and negatives side by side.
 */
import { describe, expect, it } from 'vitest';
import { extractEngagements } from '../../../lib/extract';
import type { ArticleMeta } from '../../../lib/types';
import { type FakeGazetteer, fakeDetect, GAZETTEER } from './fake-detection';

const G: FakeGazetteer = {
  ...GAZETTEER,
  officials: [
    ...(GAZETTEER.officials ?? []),
    {
      id: 'official:mahamadou-sana',
      name: 'Mahamadou Sana',
      aliases: ['Sana'],
      role: 'Minister of Security',
      country: 'BF',
    },
    {
      id: 'official:muntaka-mubarak',
      name: 'Muntaka Mubarak',
      aliases: ['Mubarak'],
      role: 'Minister for the Interior',
      country: 'GH',
    },
    { id: 'official:john-mahama', name: 'John Dramani Mahama', aliases: ['Mahama'], role: 'President', country: 'GH' },
    {
      id: 'official:theo-francken',
      name: 'Theo Francken',
      aliases: ['Francken'],
      role: 'Defence Minister',
      country: 'BE',
    },
    {
      id: 'official:govind-mohan',
      name: 'Govind Mohan',
      aliases: ['Mohan'],
      role: 'Union Home Secretary',
      country: 'IN',
    },
    {
      id: 'official:daljit-chawdhary',
      name: 'Daljit Singh Chawdhary',
      aliases: ['Chawdhary'],
      role: 'BSF Director General',
      country: 'IN',
    },
    {
      id: 'official:ashrafuzzaman-siddiqui',
      name: 'Ashrafuzzaman Siddiqui',
      aliases: ['Siddiqui'],
      role: 'BGB Director General',
      country: 'BD',
    },
    {
      id: 'official:jahangir-chowdhury',
      name: 'Jahangir Alam Chowdhury',
      aliases: ['Chowdhury'],
      role: 'Home Adviser',
      country: 'BD',
    },
  ],
};

const META: ArticleMeta = {
  title: null,
  outlet: null,
  author: null,
  published: '2025-12-12',
  url: null,
  dateline: null,
  isArticle: true,
};

/** Each engagement with two or more participants as "kind:A+B" (surnames, in order). */
function pairs(text: string, meta: Partial<ArticleMeta> = {}): string[] {
  return extractEngagements(text, fakeDetect(text, G), { ...META, ...meta })
    .filter((e) => e.participants.length >= 2)
    .map((e) => `${e.kind}:${e.participants.map((p) => p.name.split(' ').pop()).join('+')}`);
}

describe('courtesy calls', () => {
  it.each([
    [
      'paid a courtesy call on',
      'Mahamadou Sana paid a courtesy call on Muntaka Mubarak in Accra.',
      ['meeting:Sana+Mubarak'],
    ],
    ['made a call on', 'Naqvi made a brief call on Brunner at the Berlaymont.', ['meeting:Naqvi+Brunner']],
    ['courtesy visit to', 'Naqvi, in a courtesy visit to Quintin, discussed returns.', ['meeting:Naqvi+Quintin']],
    ['a visit to a place is not a meeting', 'Naqvi paid a visit to the border post near Brussels.', []],
    ['a call on a government is not a meeting', 'Naqvi made a call on the EU to act against smugglers.', []],
  ])('%s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});

describe('"brought together": the members follow the cue', () => {
  it.each([
    [
      'joint meeting, members in the next sentence',
      'The interior ministers held a joint meeting in Rome on Friday. The meeting brought together Mohsin Naqvi, Matteo Piantedosi and Bernard Quintin.',
      ['meeting:Naqvi+Piantedosi+Quintin'],
    ],
    ['one official among other guests', 'The festival brought together Matteo Piantedosi and hundreds of artists.', []],
  ])('%s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});

describe('joint subject: "A and B agreed/discussed …"', () => {
  it.each([
    [
      'two sides, day in between',
      'Mohsin Naqvi and Magnus Brunner on Monday agreed to speed up returns.',
      ['meeting:Naqvi+Brunner'],
    ],
    [
      'with a title in between',
      'Naqvi and EU Commissioner Magnus Brunner discussed smuggling networks.',
      ['meeting:Naqvi+Brunner'],
    ],
    ['reported speech is not a joint subject', 'Naqvi said that Brunner agreed to speed up returns.', []],
    ['one country is not a pair of sides', 'Mohsin Naqvi and Ishaq Dar discussed the visa backlog.', []],
    ['a list ending in an object', 'Naqvi thanked Quintin and the Commission, which agreed to help.', []],
  ])('%s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});

describe('headline pairs', () => {
  const body =
    'BRUSSELS: Interior Minister Mohsin Naqvi praised the cooperation with the EU. Commissioner Magnus Brunner thanked Pakistan for its work against smuggling networks.';
  it.each([
    ['"A, B discuss"', 'Naqvi, Brunner discuss migration', ['meeting:Naqvi+Brunner']],
    ['"A meets B"', 'Naqvi meets Brunner in Brussels', ['meeting:Naqvi+Brunner']],
    ['"A and B sign"', 'Mohsin Naqvi and Magnus Brunner sign returns plan', ['meeting:Naqvi+Brunner']],
    ['no verb of talks', 'Naqvi, Brunner: two careers in security', []],
    ['the verb before both names has another subject', 'Minister in Brussels; meets Naqvi, Brunner', []],
    ['no headline', null, []],
  ])('%s', (_, title, expected) => {
    expect(pairs(body, { title })).toEqual(expected);
  });
  it('does not add a headline pair the body already reports', () => {
    const text = 'Naqvi met Brunner in Brussels on Friday.';
    expect(pairs(text, { title: 'Naqvi, Brunner discuss migration' })).toEqual(['meeting:Naqvi+Brunner']);
  });
});

describe('officials named by their office', () => {
  it.each([
    [
      '"the UK Home Secretary" after an Indian home secretary was named',
      'Naqvi received Yvette Cooper in Islamabad. Govind Mohan was present. Later, the British Home Secretary called on Ishaq Dar.',
      ['meeting:Naqvi+Cooper', 'meeting:Cooper+Dar'],
    ],
    [
      '"the visiting minister" is the one from outside the dateline country',
      'ACCRA: Mahamadou Sana paid a courtesy call on Muntaka Mubarak. The visiting minister later called on President John Dramani Mahama.',
      ['meeting:Sana+Mubarak', 'meeting:Sana+Mahama'],
    ],
    [
      '"the BSF chief" by the office words in the role',
      'Daljit Singh Chawdhary and Ashrafuzzaman Siddiqui held talks in Dhaka. The BSF chief paid a courtesy call on Jahangir Alam Chowdhury.',
      ['meeting:Chawdhary+Siddiqui', 'meeting:Chawdhary+Chowdhury'],
    ],
    [
      '"HE" is His Excellency, not a pronoun for the protagonist',
      'Naqvi met Brunner on Friday. Separately, HE Minister of State Ali Khan met with Quintin.',
      ['meeting:Naqvi+Brunner'],
    ],
  ])('%s', (_, text, expected) => {
    expect(pairs(text, { dateline: /^ACCRA/.test(text) ? 'Accra' : null })).toEqual(expected);
  });
});

describe('a counterpart named in apposition', () => {
  it.each([
    [
      'named after a comma: not another official of that country',
      'Naqvi met his Belgian counterpart, Bernard Quintin, in Brussels. Theo Francken spoke later about defence.',
      ['meeting:Naqvi+Quintin'],
    ],
    [
      'unnamed: the one official of that country',
      'Theo Francken said returns were a priority. Naqvi met his Belgian counterpart in Brussels.',
      ['meeting:Naqvi+Francken'],
    ],
  ])('%s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});

describe('an object named by office', () => {
  it.each([
    [
      '"received the Belgian minister"',
      'Bernard Quintin said returns were a priority. Later, Naqvi received the Belgian minister at his office.',
      ['meeting:Naqvi+Quintin'],
    ],
    [
      '"received the visiting commissioner"',
      'ISLAMABAD: Magnus Brunner arrived on Friday. Shehbaz Sharif received the visiting commissioner at his office.',
      ['meeting:Sharif+Brunner'],
    ],
    ['no official holds that office', 'Naqvi received the Italian ambassador at his office.', []],
    ['the subject is not its own object', 'Naqvi welcomed the Pakistani minister for states.', []],
  ])('%s', (_, text, expected) => {
    expect(pairs(text, { dateline: /^ISLAMABAD/.test(text) ? 'Islamabad' : null })).toEqual(expected);
  });
});

describe('heads of delegations', () => {
  it.each([
    [
      'led by A, while B headed the other side',
      'The Bangladeshi delegation was led by Ashrafuzzaman Siddiqui, while Daljit Singh Chawdhary headed the Indian team.',
      ['meeting:Siddiqui+Chawdhary'],
    ],
    ['one side only', 'The Pakistani delegation was led by Mohsin Naqvi and included Ishaq Dar.', []],
  ])('%s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});

describe('working meals', () => {
  it.each([
    ['had a working lunch with', 'Naqvi also had a working lunch with Quintin in Brussels.', ['meeting:Naqvi+Quintin']],
    ['hosted a dinner for', 'Quintin hosted a dinner with Naqvi and Brunner.', ['meeting:Quintin+Naqvi+Brunner']],
    ['lunch as food, no counterpart', 'Naqvi had lunch with reporters in Brussels.', []],
  ])('%s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});

describe('the owner of the talks', () => {
  it.each([
    [
      "X's meeting with Y",
      "During Naqvi's meeting with Brunner on Friday, returns were discussed.",
      ['meeting:Naqvi+Brunner'],
    ],
    [
      "X's telephone conversation with Y",
      "Sharif's telephone conversation with Piantedosi lasted an hour.",
      ['call:Sharif+Piantedosi'],
    ],
    ['an aide of X is not X', "Naqvi's adviser met Brunner in Brussels.", []],
  ])('%s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});

describe('"held meetings with A and B" is one engagement per counterpart', () => {
  it.each([
    [
      'plural meetings',
      'Naqvi held meetings with Brunner and Piantedosi in Brussels.',
      ['meeting:Naqvi+Brunner', 'meeting:Naqvi+Piantedosi'],
    ],
    [
      'one meeting of three',
      'Naqvi held a meeting with Brunner and Piantedosi in Brussels.',
      ['meeting:Naqvi+Brunner+Piantedosi'],
    ],
  ])('%s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});

describe('more cue shapes', () => {
  it.each([
    [
      '"after meeting X"',
      'Naqvi said after meeting his Belgian counterpart Bernard Quintin that returns would be faster.',
      ['meeting:Naqvi+Quintin'],
    ],
    ['"meeting" as a noun is not a gerund cue', 'Naqvi said the meeting room in Brussels was full.', []],
    [
      'co-chaired a working group',
      'Piantedosi and Naqvi co-chaired the second Joint Working Group on migration in Rome.',
      ['meeting:Piantedosi+Naqvi'],
    ],
    [
      'joint statement, signatories after the cue',
      'In a joint statement, Naqvi and Brunner said smuggling had fallen.',
      ['statement:Naqvi+Brunner'],
    ],
    [
      'unrecognised subject: the objects did not meet each other',
      'On the sidelines, Ahmadi also met Brunner and Piantedosi.',
      [],
    ],
  ])('%s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});

describe('delegation heads and attendance at a multi-party meeting', () => {
  it.each([
    [
      'heads named one by one join the chaired meeting',
      'Matteo Piantedosi chaired the ministerial conference in Rome. The Pakistani delegation was led by Mohsin Naqvi. Belgium was represented by Bernard Quintin.',
      ['meeting:Piantedosi+Naqvi+Quintin'],
    ],
    [
      'ambassadors present "on the occasion" of a reported signing are not a new meeting',
      'Naqvi and Piantedosi signed a memorandum of understanding in Rome. Naqvi praised the Italian police. Piantedosi thanked Pakistan. The talks covered returns. Yvette Cooper and Bernard Quintin were present on the occasion.',
      ['agreement:Naqvi+Piantedosi'],
    ],
  ])('%s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});

describe('"H.E." does not end a sentence', () => {
  it('keeps the second signatory in the signing sentence', () => {
    expect(
      pairs(
        'The MoU was signed by Mohsin Naqvi on behalf of Pakistan and by H.E. Matteo Piantedosi on behalf of Italy.',
      ),
    ).toEqual(['agreement:Naqvi+Piantedosi']);
  });
});

describe('"invited him to visit"', () => {
  it.each([
    [
      'the pronoun is the counterpart just met',
      'Naqvi met Quintin on Friday and invited him to visit Pakistan.',
      ['meeting:Naqvi+Quintin', 'planned_visit:Quintin+Naqvi'],
    ],
    ['no counterpart in view', 'Naqvi invited him to visit Pakistan.', []],
  ])('%s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});

describe("the owner's day or visit ending in talks", () => {
  it.each([
    ["Naqvi's day in Brussels concluded with a meeting with Quintin.", ['meeting:Naqvi+Quintin']],
    ["Naqvi's visit ended with talks with Brunner on returns.", ['meeting:Naqvi+Brunner']],
    ["Naqvi's day ended with a dinner for journalists.", []],
  ])('%j', (text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});
