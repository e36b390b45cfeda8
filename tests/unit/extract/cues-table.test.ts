import { describe, expect, it } from 'vitest';
import { CUES, type Cue, type CueShape, type CueTraits } from '../../../lib/extract/cues';
import { type CueHit, findCues, traitsOf } from '../../../lib/extract/kinds';

/** The first match of `cue` alone in `text`, as `findCues` would report it. */
function firstMatch(cue: Cue, text: string): CueHit | null {
  const re = new RegExp(cue.re.source, cue.re.flags);
  const m = re.exec(text);
  if (!m) return null;
  const words = m[0].trim();
  return {
    kind: cue.kind,
    shape: cue.shape,
    start: m.index,
    end: m.index + m[0].trimEnd().length,
    text: words,
    traits: traitsOf(cue, words),
  };
}

/** Traits every cue of a shape has, because the engine reads that shape as them. */
const SHAPE_TRAITS: Partial<Record<CueShape, CueTraits>> = {
  convene: { chairs: true, namesGathering: true, multilateral: true },
  attend: { attends: true, multilateral: true },
  lead: { attends: true },
};

const named = CUES.map((cue, i) => ({ name: `#${i} ${cue.kind}/${cue.shape} ${cue.re.source.slice(0, 40)}`, cue }));

const yes = named.flatMap(({ name, cue }) => cue.examples.yes.map((ex) => ({ name, cue, ...ex })));
const no = named.flatMap(({ name, cue }) => cue.examples.no.map((text) => ({ name, cue, text })));

describe('the cue table', () => {
  it.each(named)('$name has examples of both kinds', ({ cue }) => {
    expect(cue.examples.yes.length).toBeGreaterThan(0);
    expect(cue.examples.no.length).toBeGreaterThan(0);
  });

  it.each(yes)('$name matches $text with its traits', ({ cue, text, traits }) => {
    const hit = firstMatch(cue, text);
    expect(hit).not.toBeNull();
    expect(hit?.traits).toEqual(traits);
    // No cue of higher priority takes the words away.
    expect(findCues(text)).toContainEqual(hit);
  });

  it.each(no)('$name does not match $text', ({ cue, text }) => {
    expect(firstMatch(cue, text)).toBeNull();
  });

  it.each(named)('$name has the traits its shape implies', ({ cue }) => {
    const implied = SHAPE_TRAITS[cue.shape];
    if (implied) expect(cue.traits).toMatchObject(implied);
  });
});
