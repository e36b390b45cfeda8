/**
 * Proximity topic rules: a first word and a second word a few tokens apart inside one sentence ("return of
 * Pakistani nationals", "cross into Iran illegally"). Only tokens collected by the matcher are visited, so the
 * cost is a handful of hash look-ups per candidate, not a scan per position.
 */
import type { TopicId } from '../types';
import type { TopicNeed } from './data/topics';
import type { Gazetteer } from './gazetteer';
import type { Match } from './titles';
import { GAP_HARD, type Tokens } from './tokenize';

export interface ProximityHit {
  /** First and last token (exclusive end) of the pattern. */
  s: number;
  e: number;
  topic: TopicId;
  need: TopicNeed;
}

export function proximityHits(
  text: string,
  g: Gazetteer,
  t: Tokens,
  matches: Match[],
  cover: Int32Array,
  starts: number[],
): ProximityHit[] {
  const out: ProximityHit[] = [];
  for (const k of starts) {
    if (cover[k] >= 0) continue;
    const entries = g.proximity.get(t.hash[k]);
    if (!entries) continue;
    for (const { rule, second } of entries) {
      let hit = -1;
      for (let j = k + 1; j < t.n && j <= k + 1 + rule.within; j++) {
        if (t.gap[j - 1] === GAP_HARD) break;
        if (second.has(t.hash[j])) {
          hit = j;
          break;
        }
        const ci = cover[j];
        if (rule.demonyms && ci >= 0) {
          const m = matches[ci];
          // A plural demonym names people ("the return of Iraqis"); an adjective ("Iraqi oil") does not.
          if (m.payload.kind === 'country' && m.payload.form === 'demonym' && m.e - 1 === j) {
            const last = text.charCodeAt(t.end[j] - 1);
            if (last === 0x73 && t.end[j] - t.start[j] > 4) {
              hit = j;
              break;
            }
          }
        }
      }
      if (hit >= 0) {
        out.push({ s: k, e: hit + 1, topic: rule.topic, need: rule.need });
        break;
      }
    }
  }
  return out;
}
