import { describe, expect, it } from 'vitest';
import { scanText } from '../../../../lib/detect/stages/scan';
import { g, spanText } from './pipeline';

describe('scan stage', () => {
  const text = 'Tomas Verhoeven flew from Belgium to Chile to talk about human trafficking.';

  it('matches gazetteer phrases and maps each covered token to its match', () => {
    const { sc } = scanText(g, text, false);
    const kinds = sc.matches.map((m) => [spanText(text, sc.t, m.s, m.e), m.payload.kind]);
    expect(kinds).toEqual([
      ['Tomas Verhoeven', 'official'],
      ['Belgium', 'country'],
      ['Chile', 'country'],
      ['human trafficking', 'topic'],
    ]);
    const covered = [...sc.cover].map((c, k) => (c >= 0 ? spanText(text, sc.t, k, k + 1) : null)).filter(Boolean);
    expect(covered).toEqual(['Tomas', 'Verhoeven', 'Belgium', 'Chile', 'human', 'trafficking']);
  });

  it('collects title starts on the full path only', () => {
    const withTitle = 'Interior Minister Tomas Verhoeven spoke.';
    expect(scanText(g, withTitle, false).roleStarts).toEqual([1]);
    expect(scanText(g, withTitle, true).roleStarts).toBeNull();
  });
});
