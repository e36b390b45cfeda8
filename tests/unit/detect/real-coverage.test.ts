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
