import type { CaptureMode, Settings } from '../../lib/settings/settings';

export interface CaptureSettingsProps {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

const MODES: { value: CaptureMode; label: string; hint: string }[] = [
  { value: 'on', label: 'On', hint: 'Engagements in articles you read are added to the timeline automatically.' },
  {
    value: 'ask',
    label: 'Ask',
    hint: 'The page offers what it found; nothing is stored until you accept it there or under "Save this article".',
  },
  { value: 'off', label: 'Off', hint: 'Only what you save yourself is stored.' },
];

/** Automatic capture (on / ask / off) and whether marks show on pages at all. */
export function CaptureSettings({ settings, onChange }: CaptureSettingsProps) {
  return (
    <section aria-labelledby="capture-title" id="capture">
      <h2 id="capture-title">Capture and marks</h2>
      <fieldset>
        <legend>Automatic capture</legend>
        {MODES.map((m) => (
          <label key={m.value} class="radio">
            <input
              type="radio"
              name="capture"
              value={m.value}
              checked={settings.capture === m.value}
              onChange={() => onChange({ capture: m.value })}
            />
            <span>
              <strong>{m.label}</strong> — <span class="muted">{m.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={settings.marks}
          onChange={(e) => onChange({ marks: e.currentTarget.checked })}
        />
        Mark officials, countries and topics on pages (Alt+Shift+M toggles them on a page)
      </label>
    </section>
  );
}
