import { describe, expect, it } from 'vitest';
import { SEED_OFFICIALS } from '../../../lib/data/seed';
import { buildGazetteer, createDetector } from '../../../lib/detect';
import type { Detection, OfficialEntity } from '../../../lib/types';

const detector = createDetector();
const run = (text: string, date = '2025-12-12'): Detection => detector.detect(text, { date });
const codes = (d: Detection): string[] => d.countries.map((c) => c.code);
const topicIds = (d: Detection): string[] => d.topics.map((t) => t.id);
const person = (d: Detection, name: string) => d.officials.find((o) => o.name === name);

describe('countries and blocs', () => {
  it.each([
    ['Pakistan and Belgium signed the accord.', ['PK', 'BE']],
    ['Officials in Islamabad welcomed the Pakistani delegation.', ['PK']],
    ["Pakistan's envoy and Belgium’s minister met.", ['PK', 'BE']],
    ['The EU and the European Union agencies agreed.', ['EU']],
    ['The U.S. and the UK issued a statement.', ['US', 'GB']],
    ['Jordan and Egypt signed a border deal.', ['JO', 'EG']],
    ['Turkey hosted the talks in Ankara.', ['TR']],
    ['Talks between Georgia and Armenia resumed in Tbilisi.', ['GE', 'AM']],
    ['Guinea-Bissau, Equatorial Guinea and Papua New Guinea attended.', ['GW', 'GQ', 'PG']],
    ['Niger and Nigeria share a long border.', ['NE', 'NG']],
    ['Dominica and the Dominican Republic sent envoys.', ['DM', 'DO']],
    ['Fighters from the Democratic Republic of the Congo crossed.', ['CD']],
  ])('finds countries in %j', (text, expected) => {
    expect(codes(run(text))).toEqual(expected);
  });

  it.each([
    ['Michael Jordan played basketball for the Bulls.'],
    ['We roasted a turkey for the family.'],
    ['She set the table with fine china.'],
    ['Atlanta, Georgia is hot in summer.'],
    ['Militants attacked oil pipes in the Niger Delta.'],
    ['The guinea pigs were fed twice a day.'],
    ['Chad Smith played the drums all night.'],
    ['He shopped at Iceland Foods for frozen peas.'],
    ['Send it to us in the post.'],
    ['It was in Latin America and New Mexico.'],
  ])('does not match ambiguous words in %j', (text) => {
    expect(codes(run(text))).toEqual([]);
  });

  it('records capitals as places', () => {
    const d = run('The ministers met in Brussels on Friday.');
    const m = d.mentions.find((x) => x.kind === 'country');
    expect(m).toMatchObject({ entityId: 'country:BE', place: 'Brussels', text: 'Brussels' });
  });

  it.each([
    ['Europol and Frontex briefed the ministers.', ['bloc:europol', 'bloc:frontex']],
    ['The UNHCR and IOM appealed for funds.', ['bloc:unhcr', 'bloc:iom']],
    ['NATO and the African Union met.', ['bloc:nato', 'bloc:au']],
    ['Leaders of SAARC, ASEAN and the GCC met.', ['bloc:saarc', 'bloc:asean', 'bloc:gcc']],
  ])('finds blocs in %j', (text, expected) => {
    expect(run(text).blocs.map((b) => b.id)).toEqual(expected);
  });

  it.each([['the iom of the un said'], ['I owe you one, un ami']])('needs exact case for acronyms in %j', (text) => {
    expect(run(text).blocs).toEqual([]);
  });
});

describe('topics', () => {
  it.each([
    ['They discussed illegal immigration and irregular migration.', 'illegal-migration'],
    ['Fewer people took illegal routes to Europe this year.', 'illegal-migration'],
    ['They vowed to dismantle migrant-smuggling networks.', 'migrant-smuggling'],
    ['Human smuggling remains a concern.', 'migrant-smuggling'],
    ['The nexus of drug mafias and terrorists was discussed.', 'narcotics'],
    ['Anti-narcotics cooperation was expanded.', 'narcotics'],
    ['Both sides stressed counter-terrorism cooperation.', 'counterterrorism'],
    ['They focused on countering terrorism in the region.', 'counterterrorism'],
    ['Intelligence sharing will be expanded.', 'information-sharing'],
    ['Joint training for police units was agreed.', 'law-enforcement-training'],
    ['A readmission agreement is under discussion.', 'returns-readmission'],
    ['The FATF reviewed efforts against terror financing.', 'money-laundering'],
    ['Human trafficking victims were rescued.', 'human-trafficking'],
    ['The extradition of the suspect was requested.', 'extradition'],
    ['Hajj pilgrims will travel in May.', 'pilgrim-facilitation'],
  ])('%j → %s', (text, topic) => {
    expect(topicIds(run(text))).toContain(topic);
  });

  it.each([
    ['The pharmacy sells drug supplies and allergy tablets.'],
    ['Border collies are loyal dogs.'],
    ['Pay with your Visa card and earn points.'],
    ['The team crossed the border of the penalty area.'],
  ])('stays quiet on off-topic %j', (text) => {
    expect(topicIds(run(text))).toEqual([]);
  });

  it('gives one topic per mention', () => {
    const d = run('They targeted drug smuggling networks.');
    expect(d.mentions.filter((m) => m.kind === 'topic')).toHaveLength(1);
    expect(topicIds(d)).toEqual(['narcotics']);
  });

  it('does not read a title as a topic', () => {
    const d = run('Federal Minister for Interior and Narcotics Control Mohsin Naqvi arrived.');
    expect(topicIds(d)).toEqual([]);
  });
});

describe('officials from titles', () => {
  it.each([
    ['Italian Interior Minister Matteo Piantedosi met reporters.', 'Matteo Piantedosi', 'Interior Minister', 'IT'],
    ['Yvette Cooper, the Home Secretary, said the gangs would be stopped.', 'Yvette Cooper', 'Home Secretary', 'GB'],
    ['British High Commissioner Jane Marriott called on officials.', 'Jane Marriott', 'High Commissioner', 'GB'],
    ['US Secretary of State Marco Rubio spoke by phone.', 'Marco Rubio', 'Secretary of State', 'US'],
    ['Pakistani Prime Minister Shehbaz Sharif chaired the meeting.', 'Shehbaz Sharif', 'Prime Minister', 'PK'],
    [
      'UAE Deputy Prime Minister and Minister of Interior Lt General Sheikh Saif bin Zayed Al Nahyan received him.',
      'Sheikh Saif bin Zayed Al Nahyan',
      'Deputy Prime Minister and Minister of Interior',
      'AE',
    ],
    ['Pakistan Chief of Army Staff General Asim Munir visited.', 'Asim Munir', 'Chief of Army Staff', 'PK'],
    ['Frontex chief Hans Leijtens briefed ministers.', 'Hans Leijtens', 'Frontex chief', 'EU'],
    [
      'Ghanaian Minister for the Interior, Mr Muntaka Mubarak, arrived.',
      'Muntaka Mubarak',
      'Minister for the Interior',
      'GH',
    ],
    ['Mubarak Ali, who is Ghana’s interior minister, spoke.', 'Mubarak Ali', 'interior minister', 'GH'],
    [
      'Home Affairs Adviser Lt Gen (retd) Jahangir Alam Chowdhury of Bangladesh spoke.',
      'Jahangir Alam Chowdhury',
      'Home Affairs Adviser',
      'BD',
    ],
    ['The Italian minister met his Tunisian counterpart Khaled Nouri.', 'Khaled Nouri', 'minister', 'TN'],
  ])('%j', (text, name, role, country) => {
    const o = person(run(text), name);
    expect(o).toMatchObject({ role, country, discovered: true });
  });

  it('keeps portfolio words out of names', () => {
    const d = run('Commissioner for Home Affairs and Migration Magnus Brunner spoke.');
    expect(d.officials.map((o) => o.name)).toEqual(['Magnus Brunner']);
    expect(d.officials[0]).toMatchObject({ role: 'Commissioner for Home Affairs and Migration', country: 'EU' });
  });

  it.each([
    ['The Interior Minister Visits EU Commissioner For Home Affairs At Brussels Talks'],
    ['Travellers crossed the King Fahd Causeway to Bahrain.'],
    ['The General Assembly adopted the resolution.'],
    ['The minister said the talks went well.'],
  ])('finds no person in %j', (text) => {
    expect(run(text).officials).toEqual([]);
  });
});

describe('known officials and resolution', () => {
  it('resolves surname follow-ups to the full person', () => {
    const d = run('Interior Minister Mohsin Naqvi met officials. Naqvi said the crackdown would go on.');
    expect(d.officials).toHaveLength(1);
    const spans = d.mentions.filter((m) => m.entityId === 'official:mohsin-naqvi').map((m) => m.text);
    expect(spans).toEqual(['Mohsin Naqvi', 'Naqvi']);
  });

  it.each([
    ['Federal Interior Minister Mohsin Naqvi met his Belgian counterpart Bernard Quintin.', 'Interior Minister'],
    ['Union Home Minister Amit Shah met his Nepali counterpart Ramesh Lekhak.', 'Home Minister'],
  ])('gives a counterpart the office without the other state’s form of government: %j', (text, role) => {
    const d = run(text);
    expect(d.officials[1]?.role).toBe(role);
  });

  it('follows up a hyphenated surname of an official the reader added', () => {
    const added: OfficialEntity = {
      kind: 'official',
      id: 'official:zol',
      name: 'Zarina Okonkwo-Lindqvist',
      aliases: [],
      country: 'AT',
      offices: [],
    };
    const d = createDetector(buildGazetteer({ officials: [...SEED_OFFICIALS, added] })).detect(
      'Zarina Okonkwo-Lindqvist arrived on Monday. Okonkwo-Lindqvist later spoke, and Lindqvist left.',
    );
    const spans = d.mentions.filter((m) => m.entityId === 'official:zol').map((m) => m.text);
    expect(spans).toEqual(['Zarina Okonkwo-Lindqvist', 'Okonkwo-Lindqvist', 'Lindqvist']);
  });

  it('resolves "Mr X" and a title with a surname', () => {
    const d = run('Belgian Interior Minister Bernard Quintin met him. Mr Quintin and Commissioner Brunner spoke.');
    expect(d.officials.map((o) => o.entityId)).toEqual(['official:bernard-quintin', 'official:magnus-brunner']);
  });

  it.each([
    ['Belgian Interior Minister Bernard Quinten hosted the talks.', 'Bernard Quinten'],
    ['Belgian Interior Minister Bernard Quintin hosted the talks. Quintan said later.', 'Quintan'],
  ])('keeps spelling variants in %j', (text, variant) => {
    const o = person(run(text), 'Bernard Quintin');
    expect(o?.variants).toContain(variant);
    expect(o?.discovered).toBe(false);
  });

  it('merges a near spelling of a discovered person with the same first name', () => {
    const d = run('Greek Migration Minister Thanos Plevris met them. Later Thanos Plevriss said more.');
    expect(d.officials).toHaveLength(1);
    expect(d.officials[0].variants).toContain('Plevriss');
  });

  it.each([
    ["Pakistan's interior minister said the crackdown would continue.", '2025-12-12', 'official:mohsin-naqvi'],
    ["Belgium's Interior Minister said the border is safe.", '2025-12-12', 'official:bernard-quintin'],
    ["Belgium's Interior Minister said the border is safe.", '2024-06-01', null],
  ])('resolves an office without a name: %j on %s', (text, date, id) => {
    const d = run(text, date);
    expect(d.officials[0]?.entityId ?? null).toBe(id);
  });

  it.each([
    ['PCB chairman Mohsin Naqvi announced the squad for the T20 series.'],
    ['Mohsin Naqvi watched the cricket match as the bowler took two wickets in the tournament.'],
  ])('does not report a minister in a sports role: %j', (text) => {
    expect(run(text).officials).toEqual([]);
  });

  it('reports a known official with their government office when no title is given', () => {
    const d = run('Mohsin Naqvi said illegal migration had fallen.');
    expect(d.officials[0]).toMatchObject({
      name: 'Mohsin Naqvi',
      role: 'Federal Minister for Interior and Narcotics Control',
      country: 'PK',
    });
  });
});

describe('mentions', () => {
  it('are sorted, non-overlapping and have exact UTF-16 spans', () => {
    const text =
      'ISLAMABAD: Pakistan’s Interior Minister Mohsin Naqvi met Belgian officials in Brussels on illegal migration.';
    const d = run(text);
    let last = -1;
    for (const m of d.mentions) {
      expect(m.start).toBeGreaterThanOrEqual(last);
      expect(text.slice(m.start, m.end)).toBe(m.text);
      last = m.end;
    }
    expect(d.countries.map((c) => c.code)).toEqual(['PK', 'BE']);
  });
});
