import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/settings';
import { splitList } from '../../lib/ui/format';
import { Notice } from '../common/Notice';

export interface SiteListsProps {
  settings: Settings;
  onSave: (patch: Partial<Settings>) => Promise<string | null>;
}

/** "example.com" from whatever the reader pasted: a url, a host, with or without www. */
export function normaliseSite(entry: string): string {
  const s = entry.trim().toLowerCase();
  try {
    return new URL(s.includes('://') ? s : `https://${s}`).hostname.replace(/^www\./, '');
  } catch {
    return s;
  }
}

const toList = (text: string) => [
  ...new Set(
    splitList(text, /[\n,\s]+/)
      .map(normaliseSite)
      .filter(Boolean),
  ),
];

/** Sites where Counterpart stays quiet, and sites whose articles are never captured. */
export function SiteLists({ settings, onSave }: SiteListsProps) {
  const [quiet, setQuiet] = useState(settings.quietSites.join('\n'));
  const [never, setNever] = useState(settings.neverCaptureSites.join('\n'));
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const quietSites = toList(quiet);
    const neverCaptureSites = toList(never);
    const problem = await onSave({ quietSites, neverCaptureSites });
    if (problem) return setMessage({ kind: 'error', text: problem });
    setQuiet(quietSites.join('\n'));
    setNever(neverCaptureSites.join('\n'));
    setMessage({ kind: 'success', text: 'Site lists saved. They apply from the next page load.' });
  };

  return (
    <section aria-labelledby="sites-title" id="sites">
      <h2 id="sites-title">Sites</h2>
      <form onSubmit={submit}>
        <div class="field">
          <label for="quiet-sites">Quiet sites: no marks, no capture (one per line; subdomains included)</label>
          <textarea id="quiet-sites" rows={4} value={quiet} onInput={(e) => setQuiet(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="never-sites">Never capture from these sites (marks still show)</label>
          <textarea id="never-sites" rows={4} value={never} onInput={(e) => setNever(e.currentTarget.value)} />
        </div>
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
        <div class="actions">
          <button type="submit" class="primary">
            Save site lists
          </button>
        </div>
      </form>
    </section>
  );
}
