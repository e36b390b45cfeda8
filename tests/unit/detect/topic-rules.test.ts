import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../lib/detect';

const detector = createDetector();
const topics = (text: string): string[] => detector.detect(text, { date: '2025-06-01' }).topics.map((t) => t.id);

describe('topic keyword variants', () => {
  it.each([
    ['Officials said boat departures from the coast had fallen.', 'illegal-migration'],
    ['Agents were arrested for facilitating illegal travel abroad.', 'illegal-migration'],
    ['Networks that smuggle migrants across the sea were targeted.', 'migrant-smuggling'],
    ['The accord covers readmissions of rejected applicants.', 'returns-readmission'],
    ['Police liaison officers will be posted to the embassy.', 'information-sharing'],
    ['A circular migration scheme for farm workers was agreed.', 'legal-migration'],
    ['Thousands were found to overstay their visas last year.', 'visas-consular'],
    ['Interpol published a list of wanted persons.', 'extradition'],
    ['Both navies will run joint patrols in the strait.', 'border-security'],
    ['The pact targets illicit trafficking in narcotic drugs.', 'narcotics'],
    ['Officials vowed to break up criminal mafias in the port.', 'organised-crime'],
    ['Illegal arrivals on the southern islands doubled in March.', 'illegal-migration'],
    ['Coast guard crews will join training exercises next year.', 'law-enforcement-training'],
    ['A visa waiver for diplomatic passport holders was signed.', 'visas-consular'],
    ['The plan widens lawful pathways for seasonal workers.', 'legal-migration'],
    ['Both sides praised their return cooperation.', 'returns-readmission'],
    ['Police raided two call centre scams near the border.', 'cybercrime'],
    ['The agencies renewed their drug control memorandum.', 'narcotics'],
  ])('%j → %s', (text, topic) => {
    expect(topics(text)).toContain(topic);
  });

  it.each([
    ['Fentanyl trafficking across the frontier rose sharply.', 'human-trafficking'],
    ['The pact targets illicit trafficking in narcotic drugs.', 'human-trafficking'],
    ['Overstaying a visa was treated as a consular matter.', 'illegal-migration'],
    ['Paramilitary Frontier Corps troops guarded the site after the terrorist attack.', 'border-security'],
  ])('%j is not %s', (text, topic) => {
    expect(topics(text)).not.toContain(topic);
  });
});

describe('conditional keywords need a page already on the subject', () => {
  it.each([
    ['Terrorism was discussed, and both sides pledged to secure the border.', 'border-security'],
    ['Illegal migration rose, and the smugglers charged each person 8,000 dollars.', 'migrant-smuggling'],
    ['Human smuggling was discussed, as were returns of those with no right to stay.', 'returns-readmission'],
    ['Counter-terrorism was on the agenda, along with traffickers who exploit women.', 'human-trafficking'],
    ['Terrorism was raised, and migrants heading north were stopped.', 'illegal-migration'],
  ])('%j → %s', (text, topic) => {
    expect(topics(text)).toContain(topic);
  });

  it.each([
    ['The road trip follows the border between the two states through wine country.'],
    ['Tobacco smugglers used the old canal, the museum guide said.'],
    ['Investors chased higher returns as oil prices climbed.'],
    ['Our travel desk explains which visas you need for a beach holiday.'],
    ['The border collie won the sheepdog trial in the rain.'],
    ['Tax returns are due on Friday, the revenue office said.'],
  ])('stays quiet on %j', (text) => {
    expect(topics(text)).toEqual([]);
  });

  it('reads ambiguous smuggling phrases as migrant smuggling only next to migration', () => {
    expect(topics('Illegal migration and smuggling networks were discussed.')).toContain('migrant-smuggling');
    expect(topics('Drug trafficking and smuggling networks were discussed.')).not.toContain('migrant-smuggling');
  });

  it('ignores conditional words inside non-topic phrases', () => {
    expect(topics('Terrorism was discussed, and Doctors Without Borders sent a team.')).not.toContain(
      'border-security',
    );
    expect(topics('Terrorism was discussed; wildlife trafficking was not.')).not.toContain('human-trafficking');
  });
});

describe('proximity patterns inside one sentence', () => {
  it.each([
    ['Terrorism aside, they discussed the return of Pakistani nationals.', 'returns-readmission'],
    ['Human smuggling aside, they discussed the return of Iraqis with no right to remain.', 'returns-readmission'],
    ['Pakistan will take back its citizens, the minister said after talks on terrorism.', 'returns-readmission'],
    ['Drug trafficking rose as migrants tried to cross into the country illegally.', 'illegal-migration'],
    ['On terrorism, both agencies will share the required information quickly.', 'information-sharing'],
    ['On terrorism, Britain will fund training for Iraqi border officers.', 'law-enforcement-training'],
    ['On terrorism, they sought the handing over of persons accused of attacks.', 'extradition'],
  ])('%j → %s', (text, topic) => {
    expect(topics(text)).toContain(topic);
  });

  it.each([
    ['On terrorism, they noted the return of Iraqi oil exports.', 'returns-readmission'],
    ['On terrorism, he wants to return. Nationals of both countries welcomed it.', 'returns-readmission'],
    ['The team will return to training camp, the coach told officers at the gate.', 'law-enforcement-training'],
    ['Fans share the latest ticket details on the club forum.', 'information-sharing'],
  ])('%j is not %s', (text, topic) => {
    expect(topics(text)).not.toContain(topic);
  });
});
