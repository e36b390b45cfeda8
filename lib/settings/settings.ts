/**
 * Reader settings, kept in extension storage (not IndexedDB) so the content script can read them directly.
 */
import { storage } from 'wxt/utils/storage';
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

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

/** True when `host` or one of its parent domains is in `list`. */
export function hostMatches(host: string, list: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  return list.some((entry) => {
    const e = entry
      .trim()
      .toLowerCase()
      .replace(/^www\./, '');
    return e !== '' && (h === e || h.endsWith(`.${e}`));
  });
}
