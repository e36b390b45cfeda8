import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../lib/extract/figures';

describe('extractFigures', () => {
  it.each([
    [
      'Police said 1,770 human smugglers plus a number of middlemen had been arrested this year.',
      '1,770 human smugglers arrested',
      1770,
    ],
    ['Officials noted a 47% reduction in crossings.', '47% reduction in crossings', 47],
    ['Crossings fell by 30 per cent over the year.', 'fell by 30%', 30],
    ['The bank pledged $21 billion in new lending.', '$21 billion', 21e9],
    ['A package of Rs5 billion was approved.', 'Rs5 billion', 5e9],
    ['Trade reached 3.5 billion euros last year.', '3.5 billion euros', 3.5e9],
    ['Some 45 Afghan migrants were deported on Monday.', '45 Afghan migrants deported', 45],
    ['Customs seized 1.2 tonnes of heroin at the port.', '1.2 tonnes of heroin', 1.2],
    ['Over 300 people were rescued.', '300 people rescued', 300],
  ])('%s', (text, figure, value) => {
    const found = extractFigures(text);
    expect(found[0]).toMatchObject({ text: figure, value });
  });

  it.each([
    ['The ministers met on 12 December 2025 in Brussels.'],
    ['Talks lasted 3 hours and ended at 10:30.'],
    ['The accord of 2019 was renewed for 5 years.'],
    ['Article 9 of the treaty applies.'],
    ['Both sides met in Rome.'],
  ])('no figures in %j', (text) => {
    expect(extractFigures(text)).toEqual([]);
  });

  it('does not repeat a figure restated in the headline bullets', () => {
    const text =
      '- Minister says 1,770 smugglers arrested\nISLAMABAD: The minister said 1,770 smugglers had been arrested.';
    expect(extractFigures(text)).toHaveLength(1);
  });
});
