import { describe, expect, it } from 'vitest';
import type { Person } from '../../../../lib/detect/resolve';
import { layOut } from '../../../../lib/detect/stages/layout';
import type { PersonMention } from '../../../../lib/detect/stages/people';
import { tokenize } from '../../../../lib/detect/tokenize';
import { g, stagesOf } from './pipeline';

describe('layout stage', () => {
  it('marks name tokens, title tokens from the lead, and which mention covers a token', () => {
    // Tokens: His(0) Belgian(1) counterpart(2) ,  Karel(3) Smet(4) spoke(5)
    const { sc, titles, people } = stagesOf('His Belgian counterpart, Karel Smet, spoke.');
    const layout = layOut(sc.t, titles, people.pms);
    expect([...layout.inTitle]).toEqual([0, 1, 1, 0, 0, 0]);
    expect([...layout.inName]).toEqual([0, 0, 0, 1, 1, 0]);
    expect([...layout.personAt]).toEqual([0, 0, 0, 1, 1, 0]);
  });

  it('numbers person mentions from one, in the order given', () => {
    const person: Person = {
      known: -1,
      name: 'Ada Obi',
      words: ['ada', 'obi'],
      titles: [],
      variants: [],
      country: null,
    };
    const pm = (s: number, e: number): PersonMention => ({ s, e, person, title: null });
    const t = tokenize('one two three four five', g.abbreviations);
    const layout = layOut(t, [], [pm(3, 5), pm(0, 1)]);
    expect([...layout.personAt]).toEqual([2, 0, 0, 1, 1]);
    expect([...layout.inTitle]).toEqual([0, 0, 0, 0, 0]);
  });
});
