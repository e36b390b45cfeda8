import { describe, expect, it } from 'vitest';
import { findTitles } from '../../../../lib/detect/stages/find-titles';
import { findPeople } from '../../../../lib/detect/stages/people';
import { scanText } from '../../../../lib/detect/stages/scan';
import { DATE, g, spanText } from './pipeline';

const peopleIn = (text: string) => {
  const { sc, roleStarts } = scanText(g, text, false);
  const titles = findTitles(sc, roleStarts);
  const { persons, pms } = findPeople(sc, titles, DATE);
  return {
    persons: persons.map((p) => ({ name: p.name, known: p.known >= 0, variants: p.variants })),
    pms: pms.map((pm) => [spanText(text, sc.t, pm.s, pm.e), pm.person.name, pm.title?.role ?? null]),
  };
};

describe('people stage', () => {
  it('finds a known official by an alias and keeps the spelling as a variant', () => {
    expect(peopleIn('Tom Verhoeven opened the meeting.').persons).toEqual([
      { name: 'Tomas Verhoeven', known: true, variants: ['Tom Verhoeven'] },
    ]);
  });

  it('joins a titled name to the known official and adds a new person for an unknown one', () => {
    const { persons, pms } = peopleIn('Interior Minister Tomas Verhoeven welcomed Deputy Minister Ines Walravens.');
    expect(persons.map((p) => [p.name, p.known])).toEqual([
      ['Tomas Verhoeven', true],
      ['Ines Walravens', false],
    ]);
    expect(pms).toEqual([
      ['Tomas Verhoeven', 'Tomas Verhoeven', 'Interior Minister'],
      ['Ines Walravens', 'Ines Walravens', 'Deputy Minister'],
    ]);
  });

  it('resolves an office named without a person to its only holder', () => {
    expect(peopleIn("Officials met Pakistan's interior minister on Tuesday.").pms).toEqual([
      ['interior minister', 'Halima Sadiq', 'interior minister'],
    ]);
  });

  it('reads a later bare surname after a title as the person named in full before', () => {
    const { persons } = peopleIn('Deputy Minister Ines Walravens arrived. Deputy Minister Walravens then spoke.');
    expect(persons.map((p) => p.name)).toEqual(['Ines Walravens']);
  });
});
