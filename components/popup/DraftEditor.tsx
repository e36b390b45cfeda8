import { useState } from 'preact/hooks';
import type { DatePrecision, EngagementDraft, EngagementKind, TopicId } from '../../lib/types';
import { type DraftForm, draftToForm, emptyDraftForm, formToDraft } from '../../lib/ui/draft-form';
import { ENGAGEMENT_KINDS, KIND_LABELS } from '../../lib/ui/format';
import { TOPIC_IDS, TOPIC_LABELS } from '../../lib/ui/topics';
import { FiguresEditor } from './FiguresEditor';
import { ParticipantsEditor } from './ParticipantsEditor';

export interface DraftEditorProps {
  /** The extracted draft, or null to start from an empty form. */
  draft: EngagementDraft | null;
  saving: boolean;
  onSave: (draft: EngagementDraft) => void;
  /** The save button's text ("Save to timeline" in Save this article). */
  submitLabel?: string;
  /** Shows a Cancel button (the timeline's editor). */
  onCancel?: () => void;
}

const PRECISIONS: { value: DatePrecision; label: string }[] = [
  { value: 'day', label: 'Exact day' },
  { value: 'month', label: 'Month' },
  { value: 'year', label: 'Year' },
  { value: 'approximate', label: 'Approximate' },
];

/** The engagement as an editable form; nothing is stored until the reader presses Save. */
export function DraftEditor({ draft, saving, onSave, submitLabel = 'Save to timeline', onCancel }: DraftEditorProps) {
  const [form, setForm] = useState<DraftForm>(() => (draft ? draftToForm(draft) : emptyDraftForm()));
  const [errors, setErrors] = useState<string[]>([]);
  const set = (patch: Partial<DraftForm>) => setForm({ ...form, ...patch });

  const submit = (e: Event) => {
    e.preventDefault();
    const r = formToDraft(form, draft);
    if (!r.ok) return setErrors(r.errors);
    setErrors([]);
    onSave(r.draft);
  };

  const toggleTopic = (t: TopicId, on: boolean) =>
    set({ topics: on ? [...form.topics, t] : form.topics.filter((x) => x !== t) });

  return (
    <form class="draft" onSubmit={submit} aria-label="Engagement draft" noValidate>
      <div class="field">
        <label for="d-kind">Kind</label>
        <select id="d-kind" value={form.kind} onChange={(e) => set({ kind: e.currentTarget.value as EngagementKind })}>
          {ENGAGEMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <ParticipantsEditor rows={form.participants} onChange={(participants) => set({ participants })} />
      <div class="field">
        <label for="d-countries">Other countries (codes, comma-separated)</label>
        <input
          id="d-countries"
          value={form.countries}
          placeholder="e.g. BE"
          onInput={(e) => set({ countries: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="d-place">Place</label>
        <input id="d-place" value={form.place} onInput={(e) => set({ place: e.currentTarget.value })} />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="d-date">Date</label>
          <input
            id="d-date"
            value={form.date}
            placeholder="YYYY-MM-DD"
            inputMode="numeric"
            onInput={(e) => set({ date: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="d-precision">Precision</label>
          <select
            id="d-precision"
            value={form.datePrecision}
            onChange={(e) => set({ datePrecision: e.currentTarget.value as DatePrecision })}
          >
            {PRECISIONS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset class="topics-editor">
        <legend>Topics</legend>
        <div class="checkbox-grid">
          {TOPIC_IDS.map((t) => (
            <label key={t} class="checkbox">
              <input
                type="checkbox"
                value={t}
                checked={form.topics.includes(t)}
                onChange={(e) => toggleTopic(t, e.currentTarget.checked)}
              />
              {TOPIC_LABELS[t]}
            </label>
          ))}
        </div>
      </fieldset>
      <FiguresEditor rows={form.figures} onChange={(figures) => set({ figures })} />
      <div class="field">
        <label for="d-summary">Summary</label>
        <textarea
          id="d-summary"
          rows={3}
          value={form.summary}
          onInput={(e) => set({ summary: e.currentTarget.value })}
        />
      </div>
      {errors.length > 0 && (
        <ul class="notice notice-error" role="alert">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <button type="submit" class="primary" disabled={saving}>
        {saving ? 'Saving…' : submitLabel}
      </button>
      {onCancel && (
        <button type="button" class="cancel" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}
