/**
 * What the reader can set, and the defaults. No storage here, so the database layer (backups) and tests can use
 * the shape without touching extension storage; `settings.ts` reads and writes it.
 */
import type { TopicId } from '../types';

export type CaptureMode = 'on' | 'ask' | 'off';

export interface Settings {
  /** What happens when a page reports an engagement. */
  capture: CaptureMode;
  /** Marks on pages at all. */
  marks: boolean;
  /** Hostnames where Counterpart stays quiet (no marks, no capture). */
  quietSites: string[];
  /** Hostnames where articles are never captured, though marks still show. */
  neverCaptureSites: string[];
  /** The reader's extra keywords per topic, added to the built-in ones by detection. */
  topicKeywords: Partial<Record<TopicId, string[]>>;
}

export const DEFAULT_SETTINGS: Settings = {
  capture: 'on',
  marks: true,
  quietSites: [],
  neverCaptureSites: [],
  topicKeywords: {},
};
