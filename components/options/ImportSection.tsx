import { useState } from 'preact/hooks';
import { type ImportSummary, importFile } from '../../lib/ui/import-file';
import { useServices } from '../../lib/ui/services';
import { Notice } from '../common/Notice';

type State =
  | { status: 'idle' }
  | { status: 'busy'; name: string }
  | { status: 'error'; error: string }
  | { status: 'done'; summary: ImportSummary };

/** Import a JSON backup: validated in full first; what is wrong is shown as is, nothing half-imported. */
export function ImportSection() {
  const { database } = useServices();
  const [state, setState] = useState<State>({ status: 'idle' });

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setState({ status: 'busy', name: file.name });
    const r = await importFile(await database(), file);
    setState(r.ok ? { status: 'done', summary: r.value } : { status: 'error', error: r.error });
    // The same file can be picked again after fixing it.
    input.value = '';
  };

  return (
    <section aria-labelledby="import-title" id="import">
      <h2 id="import-title">Import</h2>
      <p class="muted">
        A Counterpart JSON backup. Entries you already have are kept as they are; only missing ones are added.
      </p>
      <div class="field">
        <label for="import-file">Backup file (.json)</label>
        <input id="import-file" type="file" accept=".json,application/json" onChange={onFile} />
      </div>
      {state.status === 'busy' && <Notice kind="loading">Checking {state.name}…</Notice>}
      {state.status === 'error' && <Notice kind="error">{state.error}</Notice>}
      {state.status === 'done' && (
        <Notice kind="success">
          Imported: {state.summary.added} added, {state.summary.skipped} already present. The file held{' '}
          {state.summary.contents.engagements} engagements, {state.summary.contents.sources} sources,{' '}
          {state.summary.contents.passages} passages and {state.summary.contents.entities} gazetteer entries.
        </Notice>
      )}
    </section>
  );
}
