import { describe, expect, it } from 'vitest';
import { buildMentions, withoutOverlaps } from '../../../../lib/detect/stages/mentions';
import type { Mention } from '../../../../lib/types';
import { stagesOf } from './pipeline';

const mentionsIn = (text: string) => {
  const s = stagesOf(text);
  return buildMentions(s.sc, s.titles, s.people.pms, s.decided, s.offices, s.proxStarts).map((m) =>
    [m.text, m.kind, m.role ?? null, m.country ?? null].filter((x) => x !== null),
  );
};

describe('mention stage', () => {
  it('gives officials their role and country, and lists countries and topics in text order', () => {
    expect(mentionsIn("Kenya's Interior Minister Amos Kiprono spoke about human trafficking.")).toEqual([
      ['Kenya', 'country'],
      ['Amos Kiprono', 'official', 'Interior Minister', 'KE'],
      ['human trafficking', 'topic'],
    ]);
  });

  it('counts a conditional topic word only on a page already about a topic', () => {
    expect(mentionsIn('The border was quiet all week.')).toEqual([]);
    expect(mentionsIn('Talks on human trafficking covered the border.').map((m) => m[0])).toEqual([
      'human trafficking',
      'border',
    ]);
  });

  it('leaves out people the decisions dropped', () => {
    expect(mentionsIn('Tomas Verhoeven watched the league match from the stadium as the captain scored.')).toEqual([]);
  });
});

describe('withoutOverlaps', () => {
  const m = (start: number, end: number, text: string): Mention => ({
    start,
    end,
    text,
    kind: 'topic',
    entityId: `topic:${text}`,
  });

  it('sorts by start, prefers the longer of two at the same start and drops what overlaps a kept one', () => {
    const kept = withoutOverlaps([m(10, 14, 'd'), m(0, 4, 'a'), m(0, 8, 'b'), m(6, 12, 'c'), m(14, 16, 'e')]);
    expect(kept.map((x) => x.text)).toEqual(['b', 'd', 'e']);
  });
});
