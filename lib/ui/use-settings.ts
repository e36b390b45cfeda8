import { useEffect, useRef, useState } from 'preact/hooks';
import { getSettings, type Settings, settingsItem, updateSettings } from '../settings/settings';

export type SettingsState =
  | { status: 'loading' }
  | { status: 'ok'; value: Settings }
  | { status: 'error'; error: string };

/** The settings, kept in step with storage (another options tab or the popup may change them). */
export function useSettings(): [SettingsState, (patch: Partial<Settings>) => Promise<string | null>] {
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    let live = true;
    getSettings().then(
      (value) => live && setState({ status: 'ok', value }),
      (e: unknown) => live && setState({ status: 'error', error: `Settings could not be read: ${String(e)}` }),
    );
    const unwatch = settingsItem.watch(() => {
      void getSettings().then((value) => live && setState({ status: 'ok', value }));
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const update = (patch: Partial<Settings>): Promise<string | null> => {
    // updateSettings reads then writes; two quick clicks must not both read the old value.
    const run = queue.current.then(async () => {
      try {
        setState({ status: 'ok', value: await updateSettings(patch) });
        return null;
      } catch (e) {
        return `The setting was not saved: ${e instanceof Error ? e.message : String(e)}`;
      }
    });
    queue.current = run;
    return run;
  };
  return [state, update];
}
