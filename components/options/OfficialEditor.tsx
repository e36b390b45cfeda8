import { useState } from 'preact/hooks';
import type { OfficialEntity } from '../../lib/types';
import {
  emptyOfficialForm,
  formToOfficial,
  type OfficialFields,
  type OfficialForm,
  officialToForm,
} from '../../lib/ui/official-form';
import { CountryPicker } from './CountryPicker';
import { OfficeRowsEditor } from './OfficeRowsEditor';

export interface OfficialEditorProps {
  /** The official being edited, or null to add one. */
  official: OfficialEntity | null;
  /** Stores the fields; resolves to an error message, or null when stored. */
  onSave: (fields: OfficialFields) => Promise<string | null>;
  onCancel: () => void;
}

/** Add or edit one official: name, aliases, country, offices with dates. */
export function OfficialEditor({ official, onSave, onCancel }: OfficialEditorProps) {
  const [form, setForm] = useState<OfficialForm>(() => (official ? officialToForm(official) : emptyOfficialForm()));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const id = official ? `edit-${official.id.replace(/[^\w-]/g, '_')}` : 'new-official';
  const set = (patch: Partial<OfficialForm>) => setForm({ ...form, ...patch });

  const submit = async (e: Event) => {
    e.preventDefault();
    const r = formToOfficial(form);
    if (!r.ok) return setErrors(r.errors);
    setBusy(true);
    const problem = await onSave(r.value);
    setBusy(false);
    setErrors(problem ? [problem] : []);
  };

  return (
    <form
      class="official-editor"
      onSubmit={submit}
      aria-label={official ? `Edit ${official.name}` : 'Add an official'}
      noValidate
    >
      <div class="field-row">
        <div class="field wide">
          <label for={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} />
        </div>
        <CountryPicker
          id={`${id}-country`}
          label="Country"
          value={form.country}
          placeholder="Pakistan, PK, EU…"
          onInput={(country) => set({ country })}
        />
      </div>
      <div class="field">
        <label for={`${id}-aliases`}>Aliases and other spellings (one per line)</label>
        <textarea
          id={`${id}-aliases`}
          rows={2}
          value={form.aliases}
          onInput={(e) => set({ aliases: e.currentTarget.value })}
        />
      </div>
      <OfficeRowsEditor idPrefix={id} rows={form.offices} onChange={(offices) => set({ offices })} />
      {errors.length > 0 && (
        <ul class="notice notice-error" role="alert">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {official ? 'Save changes' : 'Add official'}
        </button>
      </div>
    </form>
  );
}
