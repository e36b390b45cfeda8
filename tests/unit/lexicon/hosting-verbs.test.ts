import { describe, expect, it } from 'vitest';
import { HOST_VERBS } from '../../../lib/detect/data/context';
import { hashWord } from '../../../lib/detect/tokenize';
import { HOSTING_VERBS } from '../../../lib/lexicon/hosting-verbs';

describe('hosting verbs', () => {
  it.each(['received', 'hosts', 'welcoming'])('%s is a hosting verb, for the detector too', (verb) => {
    expect(HOSTING_VERBS).toContain(verb);
    expect(HOST_VERBS.has(hashWord(verb))).toBe(true);
  });

  it.each(['met', 'visited', 'receive'])('%s is not', (verb) => {
    expect(HOSTING_VERBS).not.toContain(verb);
    expect(HOST_VERBS.has(hashWord(verb))).toBe(false);
  });
});
