/** Finds engagement cues in a sentence; which cue wins where two overlap is decided by the order in `cues.ts`. */
import type { EngagementKind } from '../types';
import { CUES, type Cue, type CueShape, type CueTraits } from './cues';

export interface CueHit {
  kind: EngagementKind;
  shape: CueShape;
  /** Absolute offsets in the article text. */
  start: number;
  end: number;
  text: string;
  /** What the cue says beyond its kind and shape (`CueTraits`), so the engine never re-reads `text`. */
  traits: Readonly<CueTraits>;
}

const NO_TRAITS: CueTraits = {};

/** The traits of one match of `cue` (its words trimmed, as in `CueHit.text`). */
export function traitsOf(cue: Cue, match: string): Readonly<CueTraits> {
  return cue.read ? { ...cue.traits, ...cue.read(match) } : (cue.traits ?? NO_TRAITS);
}

/** Cues in `text` (which starts at offset `base` in the article), in text order, none overlapping. */
export function findCues(text: string, base = 0): CueHit[] {
  const hits: CueHit[] = [];
  // Characters taken by a cue of higher priority (offsets within `text`): an overlap check costs the match's
  // length, not the number of cues found so far.
  const taken = new Uint8Array(text.length);
  for (const cue of CUES) {
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(text); m; m = cue.re.exec(text)) {
      if (m[0].length === 0) {
        cue.re.lastIndex++;
        continue;
      }
      const from = m.index;
      const to = from + m[0].trimEnd().length;
      if (taken.subarray(from, to).includes(1)) continue;
      taken.fill(1, from, to);
      const words = m[0].trim();
      hits.push({
        kind: cue.kind,
        shape: cue.shape,
        start: base + from,
        end: base + to,
        text: words,
        traits: traitsOf(cue, words),
      });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Kinds that record two or more officials engaging each other. */
export const MUTUAL_KINDS: ReadonlySet<EngagementKind> = new Set(['meeting', 'call', 'agreement', 'other']);

/** When two cues in one sentence describe the same officials, the more specific kind names the engagement. */
export const KIND_PRIORITY: Readonly<Record<EngagementKind, number>> = {
  call: 5,
  agreement: 4,
  meeting: 3,
  other: 2,
  visit: 1,
  planned_visit: 1,
  statement: 0,
};

/** The kind a cue signals, for callers that only need the label ("held talks with" → meeting). */
export function kindOf(text: string): EngagementKind | null {
  return findCues(text)[0]?.kind ?? null;
}
