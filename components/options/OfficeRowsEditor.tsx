import { emptyOfficeRow, type OfficeRow } from '../../lib/ui/official-form';
import { CountryPicker } from './CountryPicker';

export interface OfficeRowsEditorProps {
  idPrefix: string;
  rows: OfficeRow[];
  onChange: (rows: OfficeRow[]) => void;
}

/** Offices held, each with the country it belongs to (the official's when empty) and from/to dates (open ends allowed). */
export function OfficeRowsEditor({ idPrefix, rows, onChange }: OfficeRowsEditorProps) {
  const update = (key: string, patch: Partial<OfficeRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset class="offices">
      <legend>Offices</legend>
      {rows.map((r, i) => {
        const id = `${idPrefix}-${r.key}`;
        return (
          <div class="office-row" key={r.key}>
            <div class="field wide">
              <label for={`${id}-office`}>Office {i + 1}</label>
              <input
                id={`${id}-office`}
                value={r.office}
                placeholder="Minister of the Interior"
                onInput={(e) => update(r.key, { office: e.currentTarget.value })}
              />
            </div>
            <CountryPicker
              id={`${id}-country`}
              label="Office country"
              value={r.country}
              placeholder="as above"
              onInput={(country) => update(r.key, { country })}
            />
            <div class="field">
              <label for={`${id}-from`}>From</label>
              <input
                id={`${id}-from`}
                value={r.from}
                placeholder="YYYY-MM-DD"
                onInput={(e) => update(r.key, { from: e.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label for={`${id}-to`}>To</label>
              <input
                id={`${id}-to`}
                value={r.to}
                placeholder="in office"
                onInput={(e) => update(r.key, { to: e.currentTarget.value })}
              />
            </div>
            <button
              type="button"
              class="icon danger"
              aria-label={`Remove office ${i + 1}`}
              onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
            >
              ×
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, emptyOfficeRow()])}>
        Add office
      </button>
    </fieldset>
  );
}
