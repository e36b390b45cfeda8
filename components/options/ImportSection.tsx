import { useState } from 'preact/hooks';
import { type ImportSummary, importFiles } from '../../lib/ui/import-file';
import { useServices } from '../../lib/ui/services';
import { Notice } from '../common/Notice';

type State =
  | { status: 'idle' }
  | { status: 'busy'; what: string }
  | { status: 'error'; error: string }
  | { status: 'done'; summary: ImportSummary };

/**
 * Import a JSON backup, or all the parts of one picked together: validated in full first; what is wrong is shown
 * as is, nothing half-imported.
 */
export function ImportSection() {
  const { database } = useServices();
  const [state, setState] = useState<State>({ status: 'idle' });

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setState({ status: 'busy', what: files.length === 1 ? files[0].name : `${files.length} files` });
    const r = await importFiles(await database(), files);
    setState(r.ok ? { status: 'done', summary: r.value } : { status: 'error', error: r.error });
    // The same file can be picked again after fixing it.
    input.value = '';
  };

  return (
    <section aria-labelledby="import-title" id="import">
      <h2 id="import-title">Import</h2>
      <p class="muted">
        A Counterpart JSON backup. Entries you already have are kept as they are; only missing ones are added. A large
        backup comes as several files (part 1 of 2, …): pick them all at once.
      </p>
      <div class="field">
        <label for="import-file">Backup file (.json)</label>
        <input id="import-file" type="file" accept=".json,application/json" multiple onChange={onFile} />
      </div>
      {state.status === 'busy' && <Notice kind="loading">Checking {state.what}…</Notice>}
      {state.status === 'error' && <Notice kind="error">{state.error}</Notice>}
      {state.status === 'done' && (
        <Notice kind="success">
          Imported: {state.summary.added} added, {state.summary.skipped} already present. The{' '}
          {state.summary.files === 1 ? 'file' : 'files'} held {state.summary.contents.engagements} engagements,{' '}
          {state.summary.contents.sources} sources, {state.summary.contents.passages} passages and{' '}
          {state.summary.contents.entities} gazetteer entries.
          {state.summary.missingParts > 0 &&
            ` The backup has ${state.summary.missingParts} more ${state.summary.missingParts === 1 ? 'part' : 'parts'}: import ${state.summary.missingParts === 1 ? 'it' : 'them'} too.`}
        </Notice>
      )}
    </section>
  );
}
