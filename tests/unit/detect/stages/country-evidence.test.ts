import { describe, expect, it } from 'vitest';
import { stagesOf } from './pipeline';

const evidenceIn = (text: string) => {
  const { counts, ...rest } = stagesOf(text).evidence;
  return { counts: [...counts], ...rest };
};

describe('country evidence stage', () => {
  it('counts mentions per country and takes an upper-case dateline', () => {
    const e = evidenceIn('NAIROBI: Kenya and Uganda signed a pact. Uganda will host the next round.');
    expect(e.counts).toEqual([
      ['KE', 2],
      ['UG', 2],
    ]);
    expect(e.dateline).toBe('KE');
    expect(e.frequent).toBe('KE');
  });

  it('takes a title-case city dateline followed by an agency in brackets', () => {
    expect(evidenceIn('Lima (Andina) - The minister spoke on Friday.').dateline).toBe('PE');
    expect(evidenceIn('Lima is large. The minister spoke on Friday.').dateline).toBeNull();
  });

  it('finds the one country the text sends someone to, and where', () => {
    const e = evidenceIn('WASHINGTON - The secretary arrived in Guatemala on Monday for talks.');
    expect(e.dateline).toBe('US');
    expect(e.visited).toBe('GT');
    expect(e.visitedAt).toBe(5);
  });

  it('names no visited country when the text goes to two', () => {
    expect(evidenceIn('The envoy was in Peru, then the team flew to Chile.').visited).toBeNull();
  });

  it('does not count a country word inside a name', () => {
    expect(evidenceIn('Deputy Minister Ana Jordan met the press.').counts).toEqual([]);
  });
});
