import { useState } from 'preact/hooks';
import type { MergeDate } from '../../lib/db/corrections';
import type { Engagement } from '../../lib/types';
import { engagementLine } from '../../lib/ui/capture-text';
import { formatDate } from '../../lib/ui/format';

export interface MergePickerProps {
  target: Engagement;
  /** The other engagements on screen, any of which can be merged into the target. */
  candidates: Engagement[];
  onMerge: (otherId: string, date: MergeDate) => void;
  onCancel: () => void;
}

const DATE_CHOICES: { value: MergeDate; label: string }[] = [
  { value: 'earlier', label: 'The earlier date' },
  { value: 'target', label: 'This one’s date' },
  { value: 'other', label: 'The other one’s date' },
];

/** Merge into this engagement: which other one, and which date the merged engagement keeps. */
export function MergePicker({ target, candidates, onMerge, onCancel }: MergePickerProps) {
  const [other, setOther] = useState(candidates[0]?.id ?? '');
  const [date, setDate] = useState<MergeDate>('earlier');
  const id = `merge-${target.id.replace(/[^\w-]/g, '_')}`;
  if (candidates.length === 0)
    return (
      <div class="merge-picker">
        <p class="muted">No other engagement is shown to merge with. Search or filter so it is in the list.</p>
        <button type="button" class="small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  return (
    <form
      class="merge-picker"
      aria-label="Merge engagements"
      onSubmit={(e) => {
        e.preventDefault();
        if (other) onMerge(other, date);
      }}
    >
      <div class="field">
        <label for={`${id}-other`}>Merge into this one</label>
        <select id={`${id}-other`} value={other} onChange={(e) => setOther(e.currentTarget.value)}>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {formatDate(c.date, c.datePrecision)} ·{' '}
              {engagementLine({ ...c, names: c.participants.map((p) => p.name), date: null })}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="merge-date">
        <legend>Keep</legend>
        {DATE_CHOICES.map((c) => (
          <label key={c.value} class="checkbox">
            <input
              type="radio"
              name={`${id}-date`}
              value={c.value}
              checked={date === c.value}
              onChange={() => setDate(c.value)}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <p class="muted">Sources, participants and topics of both are kept; the other entry is removed.</p>
      <button type="submit" class="primary small">
        Merge
      </button>{' '}
      <button type="button" class="small" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
