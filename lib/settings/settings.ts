/**
 * Reader settings, kept in extension storage (not IndexedDB) so the content script can read them directly.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './defaults';

export { type CaptureMode, DEFAULT_SETTINGS, type Settings } from './defaults';

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
