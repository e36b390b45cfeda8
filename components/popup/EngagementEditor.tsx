import { useState } from 'preact/hooks';
import type { EngagementView } from '../../lib/messaging/protocol';
import type { EngagementDraft } from '../../lib/types';
import { hostOf } from '../../lib/ui/format';
import { cleanLabel } from '../../lib/ui/label';
import { Notice } from '../common/Notice';
import { DraftEditor } from './DraftEditor';

export interface EngagementEditorProps {
  engagement: EngagementView;
  /** Stores the edit; resolves to an error to show, or null when it was saved. */
  onSave: (edit: EngagementDraft) => Promise<string | null>;
  /** Moves one source into an engagement of its own. */
  onSplit: (sourceId: string) => Promise<string | null>;
  onCancel: () => void;
}

/** The timeline's editor for one engagement: the draft form, and its sources with "Split out". */
export function EngagementEditor({ engagement: e, onSave, onSplit, onCancel }: EngagementEditorProps) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (edit: EngagementDraft) => {
    setSaving(true);
    const problem = await onSave(edit);
    setSaving(false);
    setError(problem);
  };
  const split = async (sourceId: string) => setError(await onSplit(sourceId));
  return (
    <div class="engagement-editor">
      {error && <Notice kind="error">{error}</Notice>}
      <DraftEditor draft={e} saving={saving} onSave={save} submitLabel="Save changes" onCancel={onCancel} />
      {e.sources.length > 1 && (
        <div class="split">
          <p class="muted">An article about another meeting? Split it out into its own engagement:</p>
          <ul>
            {e.sources.map((s) => {
              const label = cleanLabel(s.outlet) || hostOf(s.url);
              return (
                <li key={s.id}>
                  {label}{' '}
                  <button type="button" class="small" aria-label={`Split out ${label}`} onClick={() => split(s.id)}>
                    Split out
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
