/**
 * Detection: text → mentions of officials, countries, blocs and topics, with exact UTF-16 spans.
 * Pure TypeScript, no DOM and no NLP library: it runs in the content script on every page.
 */
export type { AmbiguityRule } from './data/countries';
export type { RoleHeadDef } from './data/roles';
export type { DetectOptions, Detector, DetectorOptions } from './detector';
export { createDetector } from './detector';
export type { Gazetteer, GazetteerOptions } from './gazetteer';
export { buildGazetteer } from './gazetteer';

import type { Detector } from './detector';
import { createDetector } from './detector';
import { buildGazetteer, type Gazetteer } from './gazetteer';

/** The fast path for the content script: gazetteer matching and known-official follow-ups, no title discovery. */
export function createFastDetector(g: Gazetteer = buildGazetteer()): Detector {
  return createDetector(g, { fast: true });
}
