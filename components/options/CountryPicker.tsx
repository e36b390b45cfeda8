import { useMemo } from 'preact/hooks';
import { COUNTRY_CHOICES, choiceLabel, resolveCountry } from '../../lib/db/country-names';

export interface CountryPickerProps {
  id: string;
  label: string;
  /** The text as typed or picked; the form resolves it on save. */
  value: string;
  onInput: (text: string) => void;
  placeholder?: string;
}

/**
 * A country, the EU or a bloc such as NATO or INTERPOL: the browser's suggestion list over every name, and under
 * the field what the text resolves to, or why it resolves to nothing. The text is never cut or completed into a
 * code; a value that is not exactly one country is refused when the official is saved.
 */
export function CountryPicker({ id, label, value, onInput, placeholder }: CountryPickerProps) {
  const resolved = useMemo(() => (value.trim() ? resolveCountry(value) : null), [value]);
  const hint = `${id}-resolved`;
  return (
    <div class="field country-picker">
      <label for={id}>{label}</label>
      <input
        id={id}
        list={`${id}-choices`}
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        aria-describedby={resolved ? hint : undefined}
        aria-invalid={resolved && !resolved.ok ? 'true' : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <datalist id={`${id}-choices`}>
        {COUNTRY_CHOICES.map((c) => (
          <option key={c.code} value={choiceLabel(c)} />
        ))}
      </datalist>
      {resolved && (
        <p id={hint} class={resolved.ok ? 'muted resolved' : 'field-error'} aria-live="polite">
          {resolved.ok ? `${resolved.name} (${resolved.code})` : resolved.error}
        </p>
      )}
    </div>
  );
}
