import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../lib/detect';

const detector = createDetector();
const officials = (text: string) => detector.detect(text, { date: '2025-06-01' }).officials;

describe('open-ended portfolios', () => {
  it.each([
    ["Indonesia's Minister of Migrant Workers Protection Adi Wirawan signed the deal.", 'Adi Wirawan'],
    ["Indonesia's Minister of Immigration and Corrections Budi Hartono attended.", 'Budi Hartono'],
    ["Ethiopia's State Minister for Peace, Meron Tadesse, said the talks went well.", 'Meron Tadesse'],
    ['Chief Commissioner for Afghan Refugees Imran Wali briefed the committee.', 'Imran Wali'],
  ])('%j → %s', (text, name) => {
    expect(officials(text).map((o) => o.name)).toContain(name);
  });

  it.each([
    ['Minister for Health Chris Peters, said nothing.', 'Health Chris Peters'],
    ['The Minister of Finance Sara Malik spoke.', 'Finance Sara Malik'],
  ])('does not swallow the name in %j', (text, wrong) => {
    const names = officials(text).map((o) => o.name);
    expect(names).not.toContain(wrong);
    expect(names.length).toBe(1);
  });
});

describe('opposition roles are not offices', () => {
  it.each([
    ['Tom Reid, the shadow home secretary, criticised the plan.'],
    ['Opposition Leader Maria Soto attacked the deal.'],
  ])('%j has no official', (text) => {
    expect(officials(text)).toEqual([]);
  });

  it('keeps the serving holder', () => {
    expect(officials('Jane Hale, the Home Secretary, defended the plan.').map((o) => o.name)).toEqual(['Jane Hale']);
  });
});

const found = (text: string) => officials(text).map((o) => [o.name, o.country]);

describe('ranks and "(Retd.)" between a title and its name', () => {
  it.each([
    ['Deputy Minister of Defence Major General (Retd.) Ravi Perera met them.', 'Ravi Perera'],
    ['Defence Secretary Air Vice Marshal (Retd) Kamal Silva chaired it.', 'Kamal Silva'],
    ["Sri Lanka's Secretary to the Ministry of Defence, Air Vice Marshal (Retd.) Nimal Dias, attended.", 'Nimal Dias'],
    ['The Chief of General Staff Gen Fahd Al Otaibi said so.', 'Fahd Al Otaibi'],
    ['The Chairman of the National Drug Law Enforcement Agency, Brig.-Gen. Musa Bello (retd.), spoke.', 'Musa Bello'],
    [
      'The Chairman and Chief Executive Officer of the National Drug Law Enforcement Agency, Musa Bello, spoke.',
      'Musa Bello',
    ],
  ])('%j → %s', (text, name) => {
    expect(officials(text).map((o) => o.name)).toEqual([name]);
  });

  it('keeps the agency title rather than the rank', () => {
    const text = 'The Chairman of the National Drug Law Enforcement Agency, Brig.-Gen. Musa Bello (retd.), spoke.';
    expect(officials(text).map((o) => o.role)).toEqual(['Chairman of the National Drug Law Enforcement Agency']);
  });

  it.each([['Deputy Minister of Defence Major General (Retd.) Ravi Perera met them.', 'Retd']])(
    'never reads %j as a name',
    (text, wrong) => {
      expect(officials(text).map((o) => o.name)).not.toContain(wrong);
    },
  );
});

describe('Gulf titles and honorifics', () => {
  it.each([
    [
      'DOHA: His Highness the Amir Sheikh Hamid bin Khalid Al Thani received him.',
      'Sheikh Hamid bin Khalid Al Thani',
      'QA',
    ],
    [
      'The Amir of the State of Kuwait Sheikh Nasser Al Ahmad Al Sabah sent greetings.',
      'Sheikh Nasser Al Ahmad Al Sabah',
      'KW',
    ],
    ['Qatari Amir Sheikh Hamid bin Khalid Al Thani spoke.', 'Sheikh Hamid bin Khalid Al Thani', 'QA'],
  ])('%j → %s (%s)', (text, name, code) => {
    expect(found(text)).toContainEqual([name, code]);
  });

  it.each([
    ['Federal Minister for States and Frontier Regions Amir Muqam said the deadline stands.', 'Amir Muqam'],
    ["Cooper met Iraq's interior minister, Abdul Amir al-Shammari, in Baghdad.", 'Abdul Amir al-Shammari'],
  ])('"Amir" as a given name stays in %j', (text, name) => {
    expect(officials(text).map((o) => o.name)).toContain(name);
  });
});

describe('long titles with "of the …" and particle chains', () => {
  it.each([
    [
      'Mr. Ali Hassan, Minister of Homeland Security and Technology of the Republic of Maldives, spoke.',
      'Ali Hassan',
      'MV',
    ],
    ['The Minister of Foreign Affairs of the Republic of Korea, Cho Hyun, met him.', 'Cho Hyun', 'KR'],
    ['Mexican Foreign Secretary Juan Ramón de la Fuente spoke.', 'Juan Ramón de la Fuente', 'MX'],
    ['The Ecuadorian Foreign Minister Ana Vera spoke.', 'Ana Vera', 'EC'],
  ])('%j → %s (%s)', (text, name, code) => {
    expect(found(text)).toContainEqual([name, code]);
  });
});

describe('company and business-lobby heads are not offices', () => {
  it.each([
    ['Reliance Industries Chairman Mukesh Ambani announced a plant.'],
    ['Chandra Bose, Director General of the Confederation of Indian Industry, said it was good.'],
    ['Ravi Kumar, Director General of the Chamber of Commerce and Industry, welcomed the budget.'],
  ])('%j has no official', (text) => {
    expect(officials(text)).toEqual([]);
  });

  it.each([
    ['Punjab Police Chief Usman Anwar briefed the meeting.', 'Usman Anwar'],
    ['Federal Minister for Industries and Production Rana Tanveer spoke.', 'Rana Tanveer'],
  ])('keeps the official in %j', (text, name) => {
    expect(officials(text).map((o) => o.name)).toContain(name);
  });
});

describe('honorifics of other outlets are skipped', () => {
  it.each([
    ['The National Security Adviser, Mallam Nuhu Ribadu, met them.', 'Nuhu Ribadu'],
    ['The Minister of Interior, Alhaji Sani Bello, spoke.', 'Sani Bello'],
    ["Nigeria's Minister of Foreign Affairs, Amb. Yusuf Tuggar, met the envoy.", 'Yusuf Tuggar'],
    ['Union Finance Minister Smt. Nirmala Sitharaman spoke.', 'Nirmala Sitharaman'],
    ['Border Security Minister Dame Angela Eagle spoke.', 'Angela Eagle'],
  ])('%j → %s', (text, name) => {
    expect(officials(text).map((o) => o.name)).toEqual([name]);
  });
});

describe('premodifiers of other governments', () => {
  it.each([
    [
      'Coordinating Minister for Political and Security Affairs Djamari Chaniago spoke.',
      'Coordinating Minister for Political and Security Affairs',
    ],
    ['Prime Cabinet Secretary Musalia Mudavadi said so.', 'Prime Cabinet Secretary'],
    ['Alternate Foreign Minister Alexandra Papadopoulou said so.', 'Alternate Foreign Minister'],
  ])('%j → %s', (text, role) => {
    expect(officials(text).map((o) => o.role)).toEqual([role]);
  });
});

describe('"Secretary of State" is American only when bare', () => {
  it.each([
    ['Secretary of State Marco Rubio spoke.', 'US'],
    ['MADRID: The Secretary of State for Security Aina Calvo attended. Spain agreed.', 'ES'],
  ])('%j → %s', (text, code) => {
    expect(officials(text).map((o) => o.country)).toEqual([code]);
  });
});

describe('portfolio lists with commas, "and" and demonym-like portfolios', () => {
  it.each([
    [
      "Niger's Minister of Interior, Public Security and Territorial Administration, General Amadou Issa, spoke.",
      'Amadou Issa',
      'Minister of Interior, Public Security and Territorial Administration',
    ],
    [
      'The Minister of Interior and Decentralisation, Mohamed Ahmed Ould Sidi, received him.',
      'Mohamed Ahmed Ould Sidi',
      'Minister of Interior and Decentralisation',
    ],
    [
      'Federal Minister for Overseas Pakistanis and Human Resource Development Salik Hussain met the envoy.',
      'Salik Hussain',
      'Federal Minister for Overseas Pakistanis and Human Resource Development',
    ],
    [
      'Minister of Foreign Affairs, International Cooperation and Moroccan Expatriates Nasser Bourita said so.',
      'Nasser Bourita',
      'Minister of Foreign Affairs, International Cooperation and Moroccan Expatriates',
    ],
  ])('%j → %s', (text, name, role) => {
    expect(officials(text).map((o) => [o.name, o.role])).toContainEqual([name, role]);
  });

  it.each([
    ['Minister for Interior, Ahmed Khan, and Bilal Shah attended.', 'Ahmed Khan'],
    ['The Minister of Health, Sara Malik, and the Minister of Finance, Omar Latif, spoke.', 'Sara Malik'],
  ])('names after the comma stay names in %j', (text, name) => {
    expect(officials(text).map((o) => o.name)).toContain(name);
  });
});

describe('a bare title repeats the office of someone already named', () => {
  it.each([
    ['Chinese Ambassador Jiang Zaidong met Dar. Ambassador Jiang said China was grateful.', 'Jiang Zaidong', 1],
    [
      'Belgian Interior Minister Bernard Quintin met Naqvi. Minister Quinten said Belgium was ready.',
      'Bernard Quintin',
      1,
    ],
  ])('%j → only %s', (text, name, n) => {
    const names = officials(text).map((o) => o.name);
    expect(names).toContain(name);
    expect(names.filter((x) => x !== name && x !== 'Mohsin Naqvi' && x !== 'Ishaq Dar').length).toBe(n - 1);
  });
});

describe('an acronym in brackets between a title and its name', () => {
  it.each([
    ['The National Security Adviser (NSA), Mallam Yusuf Bello, met them.', 'Yusuf Bello'],
    ['The Comptroller-General of the Nigeria Immigration Service (NIS), Kemi Adeola, spoke.', 'Kemi Adeola'],
    ['Director General (DG) Musa Sani spoke.', 'Musa Sani'],
    [
      'HE Minister of Interior and Commander of Internal Security Force (Lekhwiya) Sheikh Khalid Al Thani held talks.',
      'Sheikh Khalid Al Thani',
    ],
  ])('%j → %s', (text, name) => {
    expect(officials(text).map((o) => o.name)).toEqual([name]);
  });

  it.each([
    ['The Nigeria Immigration Service (NIS), Lagos Command, said so.'],
    ['The Interior Ministry (Pakistan) said nothing.'],
  ])('%j has no official', (text) => {
    expect(officials(text)).toEqual([]);
  });
});

describe('a rank and a given name repeat someone already named', () => {
  it('"General Listyo" after "General Listyo Sigit Prabowo" is one person', () => {
    const text = 'JAKARTA: National Police Chief General Listyo Sigit Prabowo met them. General Listyo said more.';
    expect(officials(text).map((o) => o.name)).toEqual(['Listyo Sigit Prabowo']);
  });
});

describe('more heads and portfolio nouns', () => {
  it.each([
    [
      'PARIS: The Minister Delegate for Europe, Benoit Haddad, agreed.',
      'Benoit Haddad',
      'Minister Delegate for Europe',
    ],
    [
      'Minister of Maritime Affairs and Insular Policy Vassilis Kikilias added.',
      'Vassilis Kikilias',
      'Minister of Maritime Affairs and Insular Policy',
    ],
    ['Minister-Counsellor Ahmed Raza of the embassy attended.', 'Ahmed Raza', 'Minister-Counsellor'],
  ])('%j → %s (%s)', (text, name, role) => {
    expect(officials(text).map((o) => [o.name, o.role])).toContainEqual([name, role]);
  });

  it.each([['PARIS: The Minister Delegate for Europe, Benoit Haddad, agreed.', 'Delegate']])(
    '%j never yields %s',
    (text, wrong) => {
      expect(officials(text).map((o) => o.name)).not.toContain(wrong);
    },
  );
});

describe('presidents and chairs of bodies that are no government', () => {
  it.each([
    ['Festival president Iris Knobloch praised the film.'],
    ['La Liga president Javier Tebas disagreed with the club.'],
    ['Samsung Electronics President Roh Tae-moon agreed.'],
    ["The company's president, Kenji Sato, spoke at the launch."],
    ["The club's chairman, Khaldoon Al Mubarak, was delighted."],
    ['FA chairman Debbie Hewitt agreed.'],
  ])('%j has no official', (text) => {
    expect(officials(text)).toEqual([]);
  });

  it.each([
    ['Afghan President Ashraf Ghani spoke.', 'Ashraf Ghani'],
    ['Commission President Ursula von der Leyen spoke.', 'Ursula von der Leyen'],
    ['Palestinian Authority President Mahmoud Abbas spoke.', 'Mahmoud Abbas'],
    ['President Kais Saied received him.', 'Kais Saied'],
  ])('keeps %j', (text, name) => {
    expect(officials(text).map((o) => o.name)).toContain(name);
  });
});

describe("a country's institution after a possessive", () => {
  it.each([
    [
      "TRIPOLI: the Foreign Minister of Libya's Government of National Unity, Taher Saleh, received the envoy.",
      'Taher Saleh',
      'LY',
    ],
    ["The Minister of Interior of Somalia's Federal Government, Ali Omar, spoke.", 'Ali Omar', 'SO'],
  ])('%j → %s (%s)', (text, name, code) => {
    expect(found(text)).toContainEqual([name, code]);
  });

  it.each([["The Minister of Pakistan's ally said nothing."]])('%j has no official', (text) => {
    expect(officials(text)).toEqual([]);
  });
});

describe('Gulf agency styles HE / HH / HRH before a name', () => {
  it.each([
    ['Minister of Interior HE Sheikh Salem bin Ali Al Thani met them.', 'Sheikh Salem bin Ali Al Thani'],
    ['The Ambassador of Oman to Qatar HE Mr. Najib Al Balushi attended.', 'Najib Al Balushi'],
    ['Crown Prince HRH Prince Salman bin Hamad Al Khalifa spoke.', 'Prince Salman bin Hamad Al Khalifa'],
  ])('%j → %s', (text, name) => {
    expect(officials(text).map((o) => o.name)).toEqual([name]);
  });

  it.each([['The Minister said he would go.'], ['Minister of Interior he said nothing.']])(
    'lowercase "he" is no honorific in %j',
    (text) => {
      expect(officials(text)).toEqual([]);
    },
  );
});

describe('names the title does not introduce directly', () => {
  it.each([
    // An owner between the apposition's comma and the title.
    [
      "The talks were attended by Nasser bin Saif al Amri, Foreign Ministry's Under-Secretary for Consular Affairs, and others.",
      'Nasser bin Saif al Amri',
      null,
    ],
    [
      "Later the minister met Karl Brenner, the Austrian Interior Ministry's Director for asylum.",
      'Karl Brenner',
      'AT',
    ],
    // "his counterpart from X", "Minister from X".
    ['Nabil Haddad met Samir Khoury, his counterpart from Lebanon, on Sunday.', 'Samir Khoury', 'LB'],
    ['He held talks with his counterpart Minister from Portugal Mr. Rui Tavares in Lisbon.', 'Rui Tavares', 'PT'],
    ["Omar Zayed, Jordan's top diplomat, flew to Cairo.", 'Omar Zayed', 'JO'],
    // A comma list of portfolios ending in "and", with "National" inside it, then the name.
    [
      'Talks opened between the Minister of the Interior, Local Authorities and National Planning Yacine Amrani and his guest.',
      'Yacine Amrani',
      null,
    ],
    // Offices of public bodies and the heads that name them.
    ['Marta Gil, Head of the Unit for Central America, took notes.', 'Marta Gil', null],
    ['USAID Deputy Administrator Helen Carr opened the session.', 'Helen Carr', null],
    ['State Councillor of China Liu Wenhai received the delegation.', 'Liu Wenhai', 'CN'],
    // Title, comma, name, then "and his counterpart".
    [
      'Kenyan Police Inspector-General, Daniel Kiprop and his Ugandan counterpart signed the accord.',
      'Daniel Kiprop',
      'KE',
    ],
  ])('%j → %s', (text, name, country) => {
    const o = officials(text).find((x) => x.name === name);
    expect(o?.name).toBe(name);
    if (country) expect(o?.country).toBe(country);
  });

  it.each([
    ['Deputy Attorney General Nadia Jordan met the delegation in Ottawa.', 'Nadia Jordan'],
    ['Lucas Medina, Undersecretary of Migration, also took part.', 'Lucas Medina'],
  ])('a place word after a given name is a family name: %j', (text, name) => {
    const d = detector.detect(text, { date: '2025-06-01' });
    expect(d.officials.map((o) => o.name)).toEqual([name]);
    expect(d.countries.map((c) => c.code)).not.toContain(name.endsWith('Jordan') ? 'JO' : 'SA');
  });

  it('a company board is no public office', () => {
    expect(officials('Ravi Kapoor, Head of the Board, resigned.').map((o) => o.name)).toEqual([]);
  });

  it('does not read a name out of "and the minister" lists without a title', () => {
    const names = officials('The Interior Minister, Ali Raza and the police chief met.').map((o) => o.name);
    expect(names).toEqual(['Ali Raza']);
  });
});

describe('fiction stays quiet', () => {
  it('drops the officials of a drama review', () => {
    const text =
      'In the second episode, Home Secretary Clara Vane survives an attack. The thriller, starring two newcomers, gives every character a secret.';
    expect(officials(text)).toEqual([]);
  });

  it('keeps officials on news that borrows the words', () => {
    const text =
      'Home Secretary Clara Vane said the terror plot was foiled after a series of raids, and the novel approach cast doubt on the old plan.';
    expect(officials(text).map((o) => o.name)).toEqual(['Clara Vane']);
  });
});

describe('portfolio words are not names', () => {
  it('reads "Undersecretary of Foreign Relations" as a title without a name', () => {
    expect(officials('The Undersecretary of Foreign Relations spoke to the press.').map((o) => o.name)).toEqual([]);
  });
});

describe('general pages stay quiet', () => {
  const detect = (text: string) => detector.detect(text, { date: '2025-06-01' });
  it.each([
    ['Leeds climbed the Premier League table on Sunday.', [], []],
    ['The English side won the toss and batted first.', [], []],
    ['They ate at the French Laundry and flew home.', [], []],
    ['Manchester United beat Bolton Wanderers at home.', [], []],
    ['The French Interior Minister Laure Dumas flew to Rome.', ['Laure Dumas'], ['FR', 'IT']],
  ])('%j', (text, people, countries) => {
    const d = detect(text);
    expect(d.officials.map((o) => o.name)).toEqual(people);
    expect(d.countries.map((c) => c.code)).toEqual(countries);
  });
});

describe('long and interrupted titles', () => {
  it.each([
    // An institution's own name, with a word that also names offices ("Executive") and a second "of".
    [
      'Also present was the Director of the Executive Committee of the Regional Counter-Terrorism Centre Marta Quispe.',
      'Marta Quispe',
      null,
    ],
    ['The Commissioner for the National Refugee Institute Tomás Ibarra joined them.', 'Tomás Ibarra', null],
    // The office served, then the country and the remit: three segments after the head.
    ['The Adviser to the President of Kenya on Maritime Security Joseph Wekesa spoke.', 'Joseph Wekesa', 'KE'],
    // A lower-case remit before an honorific.
    ['She called the Dutch State Secretary responsible for asylum affairs Mr. Pieter de Wit.', 'Pieter de Wit', 'NL'],
    // A body between commas, then the name.
    ['He received the Director of Operations, EUROPOL, Mr Karl Brenner, at the ministry.', 'Karl Brenner', null],
    // An acting marker in brackets.
    ['Foreign Minister (s) Paula Rivas also took part.', 'Paula Rivas', null],
    // A public body's name before a generic head.
    ['Later, Maritime Border Force Director Maj Gen Sami Haddad met the delegation.', 'Sami Haddad', null],
  ])('%j → %s', (text, name, country) => {
    const o = officials(text).find((x) => x.name === name);
    expect(o?.name).toBe(name);
    if (country) expect(o?.country).toBe(country);
  });

  it('an EU commissioner only without an institution', () => {
    expect(officials('Commissioner for Home Affairs Lena Berg met them.')[0]?.country).toBe('EU');
    expect(
      officials('The Commissioner for the National Refugee Institute Tomás Ibarra joined them.')[0]?.country,
    ).not.toBe('EU');
  });
});

describe('names as the world writes them', () => {
  it.each([
    ["Pakistan's envoy, Saif-ur-Rahman Qureshi, attended.", 'Saif-ur-Rahman Qureshi'],
    // "H" and "E" are also the letters of "H.E.": as a middle initial they are part of the name.
    ['Ambassador of India to Nepal Ravi H Menon met the minister.', 'Ravi H Menon'],
    ['Ambassador of Ghana to Togo Kofi E Mensah met the minister.', 'Kofi E Mensah'],
  ])('%j → %s', (text, name) => {
    expect(officials(text).map((o) => o.name)).toContain(name);
  });

  it('a free remit without an honorific does not reach a name', () => {
    expect(officials('The Secretary responsible for the border met Ali Hassan later.').map((o) => o.name)).toEqual([]);
  });
});

describe('sports bodies', () => {
  it('a generic head on a sports page is no official', () => {
    const text =
      'Board president Karim Uddin praised the players after the series. Selection Unit Head Farid Alam said the batsmen and the bowler did well, and the selectors will meet the cricket squad.';
    expect(officials(text).map((o) => o.name)).not.toContain('Farid Alam');
  });
});

describe('plural titles over a list of names', () => {
  it.each([
    [
      'The accord was signed by the Justice Ministers of both countries, Ana Ortiz of Chile and Raúl Peña of Peru.',
      [
        ['Ana Ortiz', 'CL', 'Justice Minister'],
        ['Raúl Peña', 'PE', 'Justice Minister'],
      ],
    ],
    [
      'Foreign Ministers Sara Lind (Norway) and Jonas Berg (Sweden) spoke by phone.',
      [
        ['Sara Lind', 'NO', 'Foreign Minister'],
        ['Jonas Berg', 'SE', 'Foreign Minister'],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(officials(text).map((o) => [o.name, o.country, o.role])).toEqual(expected);
  });

  it('is no title without two names', () => {
    expect(officials('EU interior ministers met in Brussels on Monday.')).toEqual([]);
    expect(officials('The ministers Karl Weber said little.').map((o) => o.name)).toEqual([]);
  });
});
