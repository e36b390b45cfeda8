import { describe, expect, it } from 'vitest';
import { hostMatches } from '../../../lib/settings/settings';

describe('site lists', () => {
  it.each([
    ['example.com', ['example.com'], true],
    ['www.example.com', ['example.com'], true],
    ['news.example.com', ['example.com'], true],
    ['example.com', ['www.example.com'], true],
    ['badexample.com', ['example.com'], false],
    ['example.com', [''], false],
    ['example.org', ['example.com'], false],
  ])('%s in %j → %s', (host, list, expected) => {
    expect(hostMatches(host, list)).toBe(expected);
  });
});
