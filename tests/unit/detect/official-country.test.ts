import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../lib/detect';

const detector = createDetector();
const countryOf = (text: string, name: string): string | null | undefined =>
  detector.detect(text, { date: '2025-06-01' }).officials.find((o) => o.name === name)?.country;

describe('country of an official whose title names none', () => {
  it.each([
    // The dateline's country for a domestic title, not the last foreign country mentioned.
    [
      'KARACHI: Greece and Italy were named as destinations. Prime Minister Anwar Baig ordered an inquiry.',
      'Anwar Baig',
      'PK',
    ],
    // A country in the same sentence, before the name.
    ['The minister flew on to India for talks with Home Minister Ravi Sood.', 'Ravi Sood', 'IN'],
    // Later in the same sentence, but not a destination.
    ['The envoy was received by President Omar Haddad, who said Tunisia wanted calm.', 'Omar Haddad', 'TN'],
    ['LONDON - Aled Price, the minister for border security, will travel to Paris next week.', 'Aled Price', 'GB'],
    // A title only some states use.
    ['Ravi Sood met Nepal officials; Union Home Secretary Anil Rao attended. India hosted.', 'Anil Rao', 'IN'],
    [
      'Berlin and Tashkent signed a pact in the presence of Chancellor Jens Albrecht. Germany was pleased.',
      'Jens Albrecht',
      'DE',
    ],
    // A country whose own official already holds this office is not the bare title's.
    [
      "Iraq's interior minister, Karim Saadi, met the Home Secretary. Later she met the region's interior minister, Dara Aziz.",
      'Dara Aziz',
      'IQ',
    ],
    // The side a member list puts them on: "Y was joined by A; B", "on behalf of X, …", "the Z delegation".
    [
      'WASHINGTON — Peruvian Foreign Minister Ana Quispe met Secretary of State Mark Doyle. Foreign Minister Quispe was joined by Defense Minister Luis Paredes; Secretary of the Interior Rosa Huaman; and Director of Migration Jorge Salas.',
      'Jorge Salas',
      'PE',
    ],
    [
      'The Chilean delegation was made up of the Minister of the Interior, Pablo Rojas; on behalf of Bolivia, the Minister of Government, Carlos Mamani; and the Vice Minister of Trade, Ana Quispe.',
      'Ana Quispe',
      'BO',
    ],
    [
      'The Chilean delegation was made up of the Minister of the Interior, Pablo Rojas; on behalf of Bolivia, the Minister of Government, Carlos Mamani.',
      'Pablo Rojas',
      'CL',
    ],
    // The dateline's official on a trip: whom they meet there is the host country's.
    [
      'WASHINGTON – Secretary of Homeland Security Dana Whitfield was in Honduras on Monday. Secretary Whitfield met with Foreign Minister Carlos Pineda and Security Minister Ana Lobo.',
      'Ana Lobo',
      'HN',
    ],
    [
      'WASHINGTON – Secretary of Homeland Security Dana Whitfield met with Deputy Secretary Tom Ruiz on Monday before her trip to Honduras.',
      'Tom Ruiz',
      'US',
    ],
    // Outlets qualify foreign officials and leave their own bare.
    [
      "JAKARTA: Home Minister Rahim Osman and Indonesia's Minister of Trade Budi Santoso met. Malaysian firms welcomed it. Indonesia agreed.",
      'Rahim Osman',
      'MY',
    ],
  ])('%j → %s is %s', (text, name, code) => {
    expect(countryOf(text, name)).toBe(code);
  });

  it('does not give a bare official the country of a counterpart with another office', () => {
    const text =
      'ISLAMABAD: Interior Minister Kamran Aziz met his Iranian counterpart Reza Karimi. Karimi later called on Prime Minister Nadeem Shah, who asked him to greet President Ali Rostami of Iran.';
    expect(countryOf(text, 'Nadeem Shah')).toBe('PK');
    expect(countryOf(text, 'Reza Karimi')).toBe('IR');
  });
});

describe('a counterpart rules out its own country, never decides the other side', () => {
  it.each([
    // "her Albanian counterpart": the bare premier is not Albanian, whatever else the text names.
    ['Premier Giorgia Bassi and her Albanian counterpart Edi Kola visited the centre.', 'Giorgia Bassi', undefined],
    ['Premier Giorgia Bassi and her Albanian counterpart Edi Kola visited the centre.', 'Edi Kola', 'AL'],
    // A counterpart's demonym does not make the dateline foreign for the host's president.
    [
      'SAMARKAND, Uzbekistan - German Interior Minister Nina Faber and her Uzbek counterpart Pulat Boboev signed it before President Shavkat Mirzo. Afghans and Afghanistan were discussed; Afghanistan again.',
      'Shavkat Mirzo',
      'UZ',
    ],
  ])('%j → %s is %s', (text, name, code) => {
    expect(countryOf(text, name) ?? undefined).toBe(code);
  });
});

describe('host and guest at the dateline', () => {
  it.each([
    // The subject of "received" hosts the meeting at the dateline, though the dateline's demonym qualifies a minister.
    [
      'CAIRO: Egyptian Foreign Minister Badr Samir received his Greek counterpart Nikos Petrou. President Adel Fahmy later received Petrou.',
      'Adel Fahmy',
      'EG',
    ],
    [
      'CAIRO: Egyptian Foreign Minister Badr Samir met Greek Foreign Minister Nikos Petrou. Petrou was later received by President Adel Fahmy.',
      'Adel Fahmy',
      'EG',
    ],
    // An envoy is seldom the dateline's: that is where they serve.
    ['BRUSSELS: Ambassador Rahim Qureshi briefed the Belgian side.', 'Rahim Qureshi', undefined],
  ])('%j → %s is %s', (text, name, code) => {
    expect(countryOf(text, name) ?? undefined).toBe(code);
  });
});

describe('"accompanied by": the companion is on the side of the one accompanied', () => {
  it.each([
    [
      'TOKYO: Japanese Justice Minister Ken Sato received Philippine Justice Secretary Jose Cruz, who was accompanied by Immigration Commissioner Joel Reyes. Japan was pleased with Japan.',
      'Joel Reyes',
      'PH',
    ],
    [
      'TOKYO: Japanese Justice Minister Ken Sato, joined by Immigration Commissioner Taro Abe, received Philippine Justice Secretary Jose Cruz.',
      'Taro Abe',
      'JP',
    ],
  ])('%j → %s is %s', (text, name, code) => {
    expect(countryOf(text, name)).toBe(code);
  });
});

describe('title-case agency datelines count as datelines', () => {
  it.each([
    [
      'Rabat, Oct 14 (EFE).- Interior Minister Karim Alaoui spoke. Spain and Spain agreed with Spain.',
      'Karim Alaoui',
      'MA',
    ],
    [
      'Jakarta (ANTARA) - Minister Budi Santoso spoke.\nAustralia, Australia and Australia agreed.',
      'Budi Santoso',
      'ID',
    ],
    ['Nouakchott, 12 May 2025 (AMI) – Minister Ahmed Salem spoke. Spain and Spain agreed.', 'Ahmed Salem', 'MR'],
  ])('%j → %s is %s', (text, name, code) => {
    expect(countryOf(text, name)).toBe(code);
  });

  it('a paragraph that opens with a country is no dateline', () => {
    const text = 'Pakistan, meanwhile, said little.\nMinister Ali Raza spoke. Iran and Iran agreed with Iran.';
    expect(countryOf(text, 'Ali Raza')).toBe('IR');
  });
});

describe('a country addressed by the official is the other side', () => {
  it.each([
    [
      'ABUJA: The Chairman of the National Drug Law Enforcement Agency, Musa Bello, has called on the UK to help.',
      'Musa Bello',
      'NG',
    ],
    ['ABUJA: Interior Minister Musa Bello urged Britain to share data.', 'Musa Bello', 'NG'],
  ])('%j → %s is %s', (text, name, code) => {
    expect(countryOf(text, name)).toBe(code);
  });
});

describe("a name-less mention of an official's own office", () => {
  it('is the official again, not a rival holder', () => {
    const text =
      'The US secretary of state called his Peruvian counterpart on Monday. "Secretary of State Daniel Reyes spoke with Foreign Minister Ana Soto of Peru," a spokesperson said. Migrants from Venezuela were discussed.';
    const o = createDetector().detect(text, { date: '2024-03-01' }).officials;
    expect(o.find((x) => x.name === 'Daniel Reyes')?.country).toBe('US');
  });
});

describe('Gulf agency copy', () => {
  const text =
    'MUSCAT: Minister of Interior Sayyid Harith bin Saif Al-Busaidi yesterday held talks with the British envoy for the Gulf, Major General Tom Reed. The ministry quoted minister Sayyid Harith as praising the cooperation between the Sultanate and the UK.\n\nSeparately, the Omani interior minister met with Lena Vogt, the German Foreign Office’s Director for the Middle East.';
  const d = createDetector().detect(text, { date: '2024-05-02' });
  it('reads a dateline that opens the text and keeps a shortened name as the same person', () => {
    expect(d.officials.filter((o) => o.name.includes('Harith')).map((o) => [o.name, o.country])).toEqual([
      ['Harith bin Saif Al-Busaidi', 'OM'],
    ]);
  });
});

describe('a name-less title in another sentence', () => {
  it('is the official named earlier, not a rival that rules their country out', () => {
    const text =
      'Interior Minister Omar Haddad received the Dutch envoy Anna de Boer on Sunday. Later, the Jordanian interior minister met with a German delegation. Jordan and the Netherlands agreed to meet again.';
    const o = createDetector().detect(text, { date: '2024-05-02', outlet: { url: 'https://news.example.jo/a' } });
    expect(o.officials.find((x) => x.name === 'Omar Haddad')?.country).toBe('JO');
  });
});

describe('titles only some states have', () => {
  it.each([
    ['Indonesia thanked King Faisal for the extra pilgrim quota, and Saudi officials agreed.', 'Faisal', 'SA'],
    ['Chile and the US agreed, State Department spokesperson Mark Ellis said.', 'Mark Ellis', 'US'],
  ])('%j', (text, name, country) => {
    const o = createDetector().detect(text, { date: '2024-05-02', outlet: { url: 'https://news.example.id/a' } });
    expect(o.officials.find((x) => x.name === name)?.country).toBe(country);
  });
});

describe('his counterpart, then the name without a closing comma', () => {
  it('takes the counterpart country', () => {
    const text =
      'Kenyan Police Inspector-General, Paul Otieno and his Ugandan counterpart, Major General Sam Okello signed the accord in Nairobi.';
    const o = createDetector().detect(text, { date: '2024-05-02', outlet: { url: 'https://news.example.ke/a' } });
    expect(o.officials.find((x) => x.name === 'Sam Okello')?.country).toBe('UG');
  });
});
