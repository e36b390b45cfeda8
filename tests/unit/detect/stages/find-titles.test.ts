import { describe, expect, it } from 'vitest';
import { findTitles } from '../../../../lib/detect/stages/find-titles';
import { scanText } from '../../../../lib/detect/stages/scan';
import { g, spanText } from './pipeline';

const titlesIn = (text: string) => {
  const { sc, roleStarts } = scanText(g, text, false);
  return findTitles(sc, roleStarts).map((x) => ({
    role: x.role,
    country: x.country,
    name: x.name ? spanText(text, sc.t, x.name[0], x.name[1]) : null,
  }));
};

describe('title stage', () => {
  it('parses each title once, with the name it introduces', () => {
    expect(titlesIn("Kenya's Interior Minister Amos Kiprono met Foreign Minister Lina Haddad.")).toEqual([
      { role: 'Interior Minister', country: 'KE', name: 'Amos Kiprono' },
      { role: 'Foreign Minister', country: null, name: 'Lina Haddad' },
    ]);
  });

  it('keeps an office named without a person', () => {
    expect(titlesIn("The talks included Ghana's interior minister.")).toEqual([
      { role: 'interior minister', country: 'GH', name: null },
    ]);
  });

  it('gives a plural title one title per name, each with its stated country', () => {
    expect(titlesIn('Foreign Ministers Rosa Fuentes (Chile) and Hugo Vaca (Bolivia) signed the pact.')).toEqual([
      { role: 'Foreign Minister', country: 'CL', name: 'Rosa Fuentes' },
      { role: 'Foreign Minister', country: 'BO', name: 'Hugo Vaca' },
    ]);
  });

  it('finds no titles on the fast path', () => {
    const { sc } = scanText(g, 'Interior Minister Amos Kiprono spoke.', true);
    expect(findTitles(sc, null)).toEqual([]);
  });
});
