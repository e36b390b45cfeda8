import { describe, expect, it } from 'vitest';
import { pageKind, sportsHashesOf } from '../../../../lib/detect/stages/page-kind';
import { tokenize } from '../../../../lib/detect/tokenize';
import { g } from './pipeline';

const kindOf = (text: string) => {
  const page = pageKind(tokenize(text, g.abbreviations), sportsHashesOf(g));
  return { fiction: page.isFiction(), sports: page.isSports() };
};

describe('page kind stage', () => {
  it.each([
    ['The new episode, starring a young actress, gives the minister character a twist.', true, false],
    ['The episode was long and the episode after it longer, said one actor.', false, false],
    ['The captain led his squad onto the stadium pitch for the league opener.', false, true],
    ['The minister and the captain of the coast guard met at the port.', false, false],
  ])('%j: fiction %s, sports %s', (text, fiction, sports) => {
    expect(kindOf(text)).toEqual({ fiction, sports });
  });
});
