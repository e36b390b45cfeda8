import { emptyParticipant, type ParticipantRow } from '../../lib/ui/draft-form';

export interface ParticipantsEditorProps {
  rows: ParticipantRow[];
  onChange: (rows: ParticipantRow[]) => void;
}

/** Name, role and country per participant, with rows added and removed. */
export function ParticipantsEditor({ rows, onChange }: ParticipantsEditorProps) {
  const update = (key: string, patch: Partial<ParticipantRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset class="participants-editor">
      <legend>Participants</legend>
      {rows.length === 0 && <p class="muted">No participants yet.</p>}
      {rows.map((r, i) => (
        <div class="participant-row" key={r.key} data-testid="participant-row">
          <div class="field">
            <label for={`${r.key}-name`}>Name {i + 1}</label>
            <input
              id={`${r.key}-name`}
              value={r.name}
              onInput={(e) => update(r.key, { name: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for={`${r.key}-role`}>Role</label>
            <input
              id={`${r.key}-role`}
              value={r.role}
              onInput={(e) => update(r.key, { role: e.currentTarget.value })}
            />
          </div>
          <div class="field narrow">
            <label for={`${r.key}-country`}>Country</label>
            <input
              id={`${r.key}-country`}
              value={r.country}
              maxLength={2}
              placeholder="PK"
              autoComplete="off"
              onInput={(e) => update(r.key, { country: e.currentTarget.value.toUpperCase() })}
            />
          </div>
          <button
            type="button"
            class="icon danger"
            aria-label={`Remove participant ${i + 1}${r.name ? ` (${r.name})` : ''}`}
            onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, emptyParticipant()])}>
        Add participant
      </button>
    </fieldset>
  );
}
