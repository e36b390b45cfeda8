import { describe, expect, it } from 'vitest';
import { findTitles } from '../../../../lib/detect/stages/find-titles';
import { findFollowUps } from '../../../../lib/detect/stages/follow-ups';
import { findPeople } from '../../../../lib/detect/stages/people';
import { scanText } from '../../../../lib/detect/stages/scan';
import { DATE, g, spanText } from './pipeline';

const followUpsIn = (text: string, fast = false) => {
  const { sc, roleStarts } = scanText(g, text, fast);
  const titles = findTitles(sc, roleStarts);
  const people = findPeople(sc, titles, DATE);
  const found = findFollowUps(sc, titles, people, fast);
  return {
    spans: found.map((pm) => [spanText(text, sc.t, pm.s, pm.e), pm.person.name]),
    variants: people.persons.map((p) => p.variants),
  };
};

describe('follow-up stage', () => {
  it('finds later surnames of a person named in full', () => {
    expect(followUpsIn('Tomas Verhoeven arrived late. Verhoeven apologised.').spans).toEqual([
      ['Verhoeven', 'Tomas Verhoeven'],
    ]);
  });

  it('finds a Gulf official by honorific and given name', () => {
    expect(followUpsIn('Saif bin Rashid Al Falasi chaired the session. Later, Sheikh Saif closed it.').spans).toEqual([
      ['Sheikh Saif', 'Saif bin Rashid Al Falasi'],
    ]);
  });

  it('takes a near spelling of a surname on the full path only, and keeps it as a variant', () => {
    const text = 'Tomas Verhoeven arrived. Verhoevan left early.';
    expect(followUpsIn(text)).toEqual({ spans: [['Verhoevan', 'Tomas Verhoeven']], variants: [['Verhoevan']] });
    expect(followUpsIn(text, true).spans).toEqual([]);
  });

  it('finds nothing for a name no one was found under', () => {
    expect(followUpsIn('Verhoeven spoke to the press.').spans).toEqual([]);
  });
});
