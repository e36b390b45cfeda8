import { rowKey } from '../../lib/ui/draft-form';

export interface FiguresEditorProps {
  rows: { key: string; text: string }[];
  onChange: (rows: { key: string; text: string }[]) => void;
}

/** The figures an article reports ("1,770 smugglers arrested"), one per row. */
export function FiguresEditor({ rows, onChange }: FiguresEditorProps) {
  return (
    <fieldset class="figures-editor">
      <legend>Figures</legend>
      {rows.map((r, i) => (
        <div class="figure-row" key={r.key}>
          <label for={`${r.key}-fig`} class="visually-hidden">
            Figure {i + 1}
          </label>
          <input
            id={`${r.key}-fig`}
            class="figure-input"
            value={r.text}
            onInput={(e) => {
              const text = e.currentTarget.value;
              onChange(rows.map((x) => (x.key === r.key ? { ...x, text } : x)));
            }}
          />
          <button
            type="button"
            class="icon danger"
            aria-label={`Remove figure ${i + 1}`}
            onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { key: rowKey(), text: '' }])}>
        Add figure
      </button>
    </fieldset>
  );
}
