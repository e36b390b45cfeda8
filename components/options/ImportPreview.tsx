import { useState } from 'preact/hooks';
import {
  type BackupTable,
  entryKey,
  type ImportChoice,
  type ImportChoices,
  type ImportConflict,
  type ImportPlan,
  TABLES,
} from '../../lib/db/backup';
import type { Settings } from '../../lib/settings/settings';
import { formatDate, kindLabel, plural } from '../../lib/ui/format';

export interface ImportPreviewProps {
  plan: ImportPlan;
  /** Parts of a multi-file backup that were not picked. */
  missingParts: number;
  busy: boolean;
  onConfirm: (choices: ImportChoices) => void;
  onCancel: () => void;
}

/** What the reader calls the rows of each table: one, many. */
const NOUNS: Record<BackupTable, [string, string]> = {
  entities: ['gazetteer entry', 'gazetteer entries'],
  engagements: ['engagement', 'engagements'],
  sources: ['source', 'sources'],
  passages: ['saved passage', 'saved passages'],
};

const SETTING_LABELS: Record<keyof Settings, string> = {
  capture: 'capture mode',
  marks: 'marks on pages',
  quietSites: 'quiet sites',
  neverCaptureSites: 'never-capture sites',
  topicKeywords: 'topic keywords',
};

/** "Meeting: Mohsin Naqvi, Bernard Quintin (12 Dec 2025)": an entry as the reader knows it. */
export function conflictLabel(c: ImportConflict): string {
  switch (c.table) {
    case 'engagements': {
      const e = c.local;
      const who = e.participants.map((p) => p.name).join(', ') || 'no participants';
      return `${kindLabel(e.kind)}: ${who} (${formatDate(e.date, e.datePrecision)})`;
    }
    case 'entities':
      return `Gazetteer: ${c.local.name}`;
    case 'passages': {
      const q = c.local.selectors.quote.exact;
      return `Passage: “${q.length > 80 ? `${q.slice(0, 80)}…` : q}”`;
    }
    case 'sources':
      return `Source: ${c.local.title ?? c.local.url}`;
  }
}

function list(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * The import, before it writes: what it adds, what is already here, each entry that differs from the stored one
 * with a choice (keep mine / take theirs, one by one or for all), and how the settings compare. Nothing is written
 * until the reader confirms.
 */
export function ImportPreview({ plan, missingParts, busy, onConfirm, onCancel }: ImportPreviewProps) {
  const [entries, setEntries] = useState<Map<string, ImportChoice>>(() => new Map());
  const [settings, setSettings] = useState<ImportChoice>('mine');
  const choose = (key: string, choice: ImportChoice) => setEntries(new Map(entries).set(key, choice));
  const chooseAll = (choice: ImportChoice) =>
    setEntries(new Map(plan.conflicts.map((c) => [entryKey(c.table, c.id), choice])));

  const added = TABLES.filter((t) => plan.tables[t].added > 0).map((t) =>
    plural(plan.tables[t].added, NOUNS[t][0], NOUNS[t][1]),
  );
  const unchanged = TABLES.reduce((n, t) => n + plan.tables[t].unchanged, 0);
  const s = plan.settings;
  const nothing = added.length === 0 && plan.conflicts.length === 0 && (!s || s.status === 'same');

  return (
    <section class="import-preview" aria-label="Import preview">
      <h3>Before importing</h3>
      <ul class="import-counts">
        <li>{added.length > 0 ? `To add: ${list(added)}.` : 'Nothing new to add.'}</li>
        {unchanged > 0 && (
          <li>{plural(unchanged, 'entry', 'entries')} already here as in the backup (left as they are).</li>
        )}
        {plan.conflicts.length > 0 && (
          <li>
            {plural(plan.conflicts.length, 'entry differs', 'entries differ')} from yours: choose which version to keep
            below.
          </li>
        )}
        {s?.status === 'new' && <li>Settings: the backup’s will be used (you have not changed yours).</li>}
        {s?.status === 'same' && <li>Settings: the same as yours.</li>}
        {missingParts > 0 && (
          <li>
            The backup has {plural(missingParts, 'more part', 'more parts')}: import{' '}
            {missingParts === 1 ? 'it' : 'them'} too.
          </li>
        )}
      </ul>
      {s?.status === 'changed' && (
        <fieldset class="conflict">
          <legend>Settings differ: {list(s.fields.map((f) => SETTING_LABELS[f]))}</legend>
          <label class="radio">
            <input
              type="radio"
              name="conflict-settings"
              checked={settings === 'mine'}
              onChange={() => setSettings('mine')}
            />
            Keep my settings
          </label>
          <label class="radio">
            <input
              type="radio"
              name="conflict-settings"
              checked={settings === 'theirs'}
              onChange={() => setSettings('theirs')}
            />
            Take the backup’s settings
          </label>
        </fieldset>
      )}
      {plan.conflicts.length > 0 && (
        <>
          <div class="actions">
            <button type="button" onClick={() => chooseAll('mine')}>
              Keep mine for all
            </button>
            <button type="button" onClick={() => chooseAll('theirs')}>
              Take theirs for all
            </button>
          </div>
          <ul class="conflict-list">
            {plan.conflicts.map((c) => {
              const key = entryKey(c.table, c.id);
              const choice = entries.get(key) ?? 'mine';
              const name = `conflict-${c.table}-${c.id}`;
              return (
                <li key={key}>
                  <fieldset class="conflict">
                    <legend>{conflictLabel(c)}</legend>
                    <p class="muted">Differs in: {c.fields.join(', ')}</p>
                    <label class="radio">
                      <input
                        type="radio"
                        name={name}
                        checked={choice === 'mine'}
                        onChange={() => choose(key, 'mine')}
                      />
                      Keep mine
                    </label>
                    <label class="radio">
                      <input
                        type="radio"
                        name={name}
                        checked={choice === 'theirs'}
                        onChange={() => choose(key, 'theirs')}
                      />
                      Take theirs
                    </label>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div class="actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          class="primary"
          disabled={busy || nothing}
          onClick={() => onConfirm({ entries, settings })}
        >
          Import
        </button>
      </div>
    </section>
  );
}
