import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../lib/detect';

const detector = createDetector();
const detect = (text: string) => detector.detect(text, { date: '2025-06-01' });
const codes = (text: string) => detect(text).countries.map((c) => c.code);

describe('off-topic country words', () => {
  it.each([
    ['Michael Jordan scored 30 points. Jordan said he was tired.', 'JO'],
    ['The documentary follows Jordan himself through the finals.', 'JO'],
    ['Chad scored twice in the second half.', 'TD'],
    ['We drove on to Rome, Georgia, a river town with a clock tower.', 'GE'],
    ['Head east to Athens, the college town, then on to Savannah and Atlanta.', 'GR'],
    ['Serve with Brussels sprouts, Greek yogurt and a Spanish onion.', 'BE'],
    ['Serve with Brussels sprouts, Greek yogurt and a Spanish onion.', 'GR'],
    ['Serve with Brussels sprouts, Greek yogurt and a Spanish onion.', 'ES'],
    ['Turkish delight, French fries and Swiss cheese were on the menu.', 'TR'],
    ['Brent crude rose 2% on Tuesday.', 'GB'],
  ])('%j has no %s', (text, code) => {
    expect(codes(text)).not.toContain(code);
  });

  it.each([
    ['Jordan said it would host the talks in Amman next week.', 'JO'],
    ['The minister flew to Athens for talks with the Greek government.', 'GR'],
    ['Georgia and Armenia signed a border accord in Tbilisi.', 'GE'],
    ['Belgian officials met in Brussels on Monday.', 'BE'],
    ['Chad and Niger agreed to patrol the border.', 'TD'],
  ])('%j keeps %s', (text, code) => {
    expect(codes(text)).toContain(code);
  });
});

const officials = (text: string) =>
  detect(text).officials.map((o) => ({ name: o.name, role: o.role, country: o.country }));

describe('titles after names, honorific chains, postings, counterparts', () => {
  it.each([
    [
      'Faris bin Hamad Al Said, Minister of Interior of the Sultanate of Oman, received the delegation.',
      'Faris bin Hamad Al Said',
      'OM',
    ],
    ['Ambassador of Japan to Pakistan Akamatsu Shuichi met officials in Islamabad.', 'Akamatsu Shuichi', 'JP'],
    ["Pakistan's High Commissioner in London Ahmed Raza met British officials.", 'Ahmed Raza', 'PK'],
    ['Japanese Ambassador to the Philippines Kazuya Endo met officials in Manila.', 'Kazuya Endo', 'JP'],
    ['Dar received the Chinese Ambassador, H.E. Jiang Zaidong, at the ministry.', 'Jiang Zaidong', 'CN'],
    [
      "Dar received the Ambassador of the People's Republic of China to Pakistan, H.E. Mr. Li Wei, at the ministry.",
      'Li Wei',
      'CN',
    ],
    ['Lt Gen (retd) Asad Khan addressed the session in Pakistan.', 'Asad Khan', 'PK'],
    ['UNHCR Representative in Pakistan Hans Berg met the minister.', 'Hans Berg', null],
    ['Valdecy Urquiza, Secretary General of Interpol, visited Lyon.', 'Valdecy Urquiza', null],
  ])('%j → %s (%s)', (text, name, country) => {
    expect(officials(text)).toContainEqual(expect.objectContaining({ name, country }));
  });

  it('reads comma-separated portfolios', () => {
    const got = officials('Minister for Home Affairs, Security and Employment Byron Camilleri spoke in Valletta.');
    expect(got.map((o) => o.name)).toEqual(['Byron Camilleri']);
  });

  it('shows a counterpart with the office it answers to', () => {
    const got = officials('Italian Interior Minister Matteo Piantedosi met his Belgian counterpart Bernard Quintin.');
    expect(got).toContainEqual({ name: 'Bernard Quintin', role: 'Interior Minister', country: 'BE' });
    expect(got.map((o) => o.role)).not.toContain('counterpart');
  });

  it('prefers an office over a rank for the role', () => {
    const got = officials(
      'Lt. General His Highness Sheikh Saif bin Zayed Al Nahyan, Deputy Prime Minister and Minister of Interior, spoke.',
    );
    expect(got[0]?.role).toBe('Deputy Prime Minister and Minister of Interior');
  });
});

describe('follow-ups of multi-part names', () => {
  const followUps = (text: string) =>
    detect(text)
      .mentions.filter((m) => m.kind === 'official')
      .map((m) => m.text);
  it.each([
    ['Interior Minister Zarina Okonkwo-Lindqvist of Sweden spoke. Okonkwo-Lindqvist said more.', 'Okonkwo-Lindqvist'],
    [
      'Interior Minister Mohamed Ahmed Ould Mohamed Lemine spoke. Ould Mohamed Lemine said more.',
      'Ould Mohamed Lemine',
    ],
    [
      'Interior Minister Sheikh Saif bin Zayed Al Nahyan received the delegation. Sheikh Saif said the ties were strong.',
      'Sheikh Saif',
    ],
  ])('%j follows up as %s', (text, follow) => {
    expect(followUps(text)).toContain(follow);
  });

  it.each([
    ['Interior Minister Zarina Okonkwo-Lindqvist spoke. Erik Lindqvist, a fan, cheered.', 'Erik Lindqvist'],
    ['Interior Minister Sheikh Saif bin Zayed Al Nahyan spoke. Saif Ali Khan starred in the film.', 'Saif'],
  ])('%j does not follow up %s', (text, wrong) => {
    expect(followUps(text)).not.toContain(wrong);
  });
});

describe('honorific chains before names', () => {
  it.each([
    ["Malaysia's Home Minister Datuk Seri Saifuddin Nasution Ismail spoke.", 'Saifuddin Nasution Ismail'],
    ["Malaysia's Home Minister Dato' Seri Saifuddin Nasution Ismail spoke.", 'Saifuddin Nasution Ismail'],
    ["Sri Lanka's Interior Minister Hon. Dr. Kamal Perera spoke.", 'Kamal Perera'],
    ["Indonesia's Minister Pak Budi Gunawan spoke.", 'Budi Gunawan'],
    [
      'Interior Minister His Highness Sheikh Khalifa bin Hamad bin Khalifa Al Thani spoke.',
      'Sheikh Khalifa bin Hamad bin Khalifa Al Thani',
    ],
    ['Lt Gen (retd) Asad Khan spoke.', 'Asad Khan'],
  ])('%j → %s', (text, name) => {
    expect(officials(text).map((o) => o.name)).toEqual([name]);
  });
});
