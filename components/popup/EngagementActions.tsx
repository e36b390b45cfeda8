export interface EngagementActionsProps {
  /** Names the engagement in the buttons' accessible names ("Edit Naqvi – Brunner"). */
  label: string;
  onEdit: () => void;
  onMerge: () => void;
  onDelete: () => void;
}

/** The corrections offered on every timeline entry. */
export function EngagementActions({ label, onEdit, onMerge, onDelete }: EngagementActionsProps) {
  return (
    <div class="engagement-actions">
      <button type="button" class="small" aria-label={`Edit ${label}`} onClick={onEdit}>
        Edit
      </button>
      <button type="button" class="small" aria-label={`Merge ${label} with another engagement`} onClick={onMerge}>
        Merge…
      </button>
      <button type="button" class="small danger" aria-label={`Delete ${label}`} onClick={onDelete}>
        Delete
      </button>
    </div>
  );
}
