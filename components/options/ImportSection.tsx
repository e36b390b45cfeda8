import { useState } from 'preact/hooks';
import { applyImport, type ImportChoices, type ImportOutcome, type ImportPlan, planImport } from '../../lib/db/backup';
import { getSettings, type Settings, updateSettings } from '../../lib/settings/settings';
import { readErrorMessage } from '../../lib/ui/errors';
import { type PickedBackup, readBackupFiles } from '../../lib/ui/import-file';
import { useServices } from '../../lib/ui/services';
import { Notice } from '../common/Notice';
import { ImportPreview } from './ImportPreview';

export interface ImportSectionProps {
  /** Writes imported settings; the options page passes its own settings update. Resolves to an error or null. */
  saveSettings?: (s: Settings) => Promise<string | null>;
  /** Reads the stored settings the backup's are compared with. */
  readSettings?: () => Promise<Settings>;
  /** Called after an import wrote something, so sections holding a copy of the settings read them again. */
  onImported?: () => void;
}

type State =
  | { status: 'idle' }
  | { status: 'busy'; what: string }
  | { status: 'error'; error: string }
  | { status: 'preview'; picked: PickedBackup; plan: ImportPlan; writing: boolean }
  | { status: 'done'; outcome: ImportOutcome; picked: PickedBackup };

const defaultSave = async (s: Settings): Promise<string | null> => {
  try {
    await updateSettings(s);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};

/**
 * Import a JSON backup, or all the parts of one picked together: validated in full first (what is wrong is shown
 * as is), then a preview of what it adds and changes, with a choice for every entry that differs from the stored
 * one; nothing is written until the reader confirms, and then all of it in one transaction.
 */
export function ImportSection({
  saveSettings = defaultSave,
  readSettings = getSettings,
  onImported,
}: ImportSectionProps) {
  const { database } = useServices();
  const [state, setState] = useState<State>({ status: 'idle' });

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setState({ status: 'busy', what: files.length === 1 ? files[0].name : `${files.length} files` });
    // The same file can be picked again after fixing it.
    input.value = '';
    const read = await readBackupFiles(files);
    if (!read.ok) return setState({ status: 'error', error: read.error });
    try {
      const plan = await planImport(await database(), read.value.backup, await readSettings());
      setState({ status: 'preview', picked: read.value, plan, writing: false });
    } catch (err) {
      setState({ status: 'error', error: readErrorMessage(err) });
    }
  };

  const confirm = async (choices: ImportChoices) => {
    if (state.status !== 'preview') return;
    setState({ ...state, writing: true });
    const r = await applyImport(await database(), state.plan, choices, saveSettings);
    if (!r.ok) return setState({ status: 'error', error: r.error });
    setState({ status: 'done', outcome: r.value, picked: state.picked });
    onImported?.();
  };

  return (
    <section aria-labelledby="import-title" id="import">
      <h2 id="import-title">Import</h2>
      <p class="muted">
        A Counterpart JSON backup: engagements, sources, passages, your gazetteer and your settings. You see what it
        adds and changes before anything is written; for an entry that differs from yours you choose which version to
        keep. A large backup comes as several files (part 1 of 2, …): pick them all at once.
      </p>
      <div class="field">
        <label for="import-file">Backup file (.json)</label>
        <input id="import-file" type="file" accept=".json,application/json" multiple onChange={onFile} />
      </div>
      {state.status === 'busy' && <Notice kind="loading">Checking {state.what}…</Notice>}
      {state.status === 'error' && <Notice kind="error">{state.error}</Notice>}
      {state.status === 'preview' && (
        <ImportPreview
          plan={state.plan}
          missingParts={state.picked.missingParts}
          busy={state.writing}
          onConfirm={confirm}
          onCancel={() => setState({ status: 'idle' })}
        />
      )}
      {state.status === 'done' && (
        <Notice kind="success">
          Imported: {state.outcome.added} added
          {state.outcome.replaced > 0 && `, ${state.outcome.replaced} replaced by the backup’s version`},{' '}
          {state.outcome.skipped} already present
          {state.outcome.settingsWritten ? '; settings taken from the backup' : ''}. The{' '}
          {state.picked.files === 1 ? 'file' : 'files'} held {state.picked.contents.engagements} engagements,{' '}
          {state.picked.contents.sources} sources, {state.picked.contents.passages} passages and{' '}
          {state.picked.contents.entities} gazetteer entries.
          {state.picked.missingParts > 0 &&
            ` The backup has ${state.picked.missingParts} more ${state.picked.missingParts === 1 ? 'part' : 'parts'}: import ${state.picked.missingParts === 1 ? 'it' : 'them'} too.`}
        </Notice>
      )}
    </section>
  );
}
