import { describe, expect, it } from 'vitest';
import { buildMentions } from '../../../../lib/detect/stages/mentions';
import { summarize } from '../../../../lib/detect/stages/summaries';
import { g, stagesOf } from './pipeline';

const summaryOf = (text: string) => {
  const s = stagesOf(text);
  const mentions = buildMentions(s.sc, s.titles, s.people.pms, s.decided, s.offices, s.proxStarts);
  return summarize(g, s.sc.t, mentions, s.people.pms, s.decided);
};

describe('summary stage', () => {
  it('lists each country once in order of first mention, the EU among the countries', () => {
    const { countries, blocs } = summaryOf('Chile, the European Union and Chile again met NATO and Peru.');
    expect(countries.map((c) => c.code)).toEqual(['CL', 'EU', 'PE']);
    expect(blocs.map((b) => b.code)).toEqual(['NATO']);
  });

  it('lists officials once with their decided role, country, variants and whether they were discovered', () => {
    const { officials } = summaryOf(
      'Tom Verhoeven met Deputy Minister Ines Walravens of Belgium. Verhoeven and Walravens then spoke.',
    );
    expect(officials).toEqual([
      {
        entityId: 'official:tomas-verhoeven',
        name: 'Tomas Verhoeven',
        role: 'Minister of the Interior',
        country: 'BE',
        discovered: false,
        variants: ['Tom Verhoeven'],
      },
      {
        entityId: 'official:ines-walravens',
        name: 'Ines Walravens',
        role: 'Deputy Minister',
        country: 'BE',
        discovered: true,
        variants: [],
      },
    ]);
  });

  it('lists topics once with their labels', () => {
    const { topics } = summaryOf('Human trafficking and human trafficking networks were discussed.');
    expect(topics).toEqual([{ id: 'human-trafficking', label: 'Human trafficking' }]);
  });
});
