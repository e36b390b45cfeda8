import { useEffect, useState } from 'preact/hooks';
import { deletePassage, recentPassages, restorePassage, searchPassages, updatePassage } from '../../lib/db/timeline';
import type { Passage } from '../../lib/types';
import { plural } from '../../lib/ui/format';
import { type ActiveTab, useServices } from '../../lib/ui/services';
import { useDebounced } from '../../lib/ui/use-debounced';
import { useLiveQuery } from '../../lib/ui/use-live-query';
import { Notice } from '../common/Notice';
import { OrphanList } from './OrphanList';
import { PassageItem } from './PassageItem';

export interface PassagesTabProps {
  tab: ActiveTab | null | undefined;
  debounceMs?: number;
  /** How long "Undo" stays offered after a delete. */
  undoMs?: number;
}

const LIMIT = 50;

/** Saved passages, newest first: search, edit note and tags, delete with undo, and this page's orphans. */
export function PassagesTab({ tab, debounceMs = 200, undoMs = 10_000 }: PassagesTabProps) {
  const { database, sendToTab } = useServices();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(LIMIT);
  const [deleted, setDeleted] = useState<Passage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = useDebounced(query, debounceMs);
  const list = useLiveQuery(
    (db) => (text.trim() ? searchPassages(db, text, limit + 1) : recentPassages(db, limit + 1)),
    [text, limit],
  );

  useEffect(() => {
    if (!deleted) return;
    const t = setTimeout(() => setDeleted(null), undoMs);
    return () => clearTimeout(t);
  }, [deleted, undoMs]);

  // The page re-reads its passages so highlights follow edits; a page without our script simply does not answer.
  const refreshPage = () => {
    if (tab) void sendToTab(tab.id, 'refreshPassages', {});
  };

  const onSave = async (id: string, note: string, tags: string[]) => {
    const r = await updatePassage(await database(), id, { note, tags });
    return r.ok ? null : r.error;
  };
  const onDelete = async (p: Passage) => {
    const r = await deletePassage(await database(), p.id);
    if (!r.ok) return setError(r.error);
    setError(null);
    setDeleted(r.value);
    refreshPage();
  };
  const onUndo = async () => {
    if (!deleted) return;
    const r = await restorePassage(await database(), deleted);
    if (!r.ok) return setError(r.error);
    setDeleted(null);
    refreshPage();
  };

  return (
    <section class="passages" aria-label="Saved passages">
      <div class="toolbar">
        <label for="p-search" class="visually-hidden">
          Search saved passages
        </label>
        <input
          id="p-search"
          type="search"
          placeholder="Search quotes, notes, tags"
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setLimit(LIMIT);
          }}
        />
      </div>
      {deleted && (
        <div class="undo-bar" role="status">
          <span>Passage deleted.</span>
          <button type="button" class="link" onClick={onUndo}>
            Undo
          </button>
        </div>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {list.status === 'loading' ? (
        <Notice kind="loading">Loading saved passages…</Notice>
      ) : list.status === 'error' ? (
        <Notice kind="error">{list.error}</Notice>
      ) : list.value.length === 0 ? (
        <Notice kind="empty">
          {text.trim()
            ? 'No saved passage matches this search.'
            : 'No passages saved yet. Select text in an article, then right-click "Save to Counterpart timeline" or press Alt+Shift+S.'}
        </Notice>
      ) : (
        <>
          <p class="muted count">
            {list.value.length > limit ? `Newest ${limit} shown` : plural(list.value.length, 'passage')}
          </p>
          <ol class="passage-list">
            {list.value.slice(0, limit).map((p) => (
              <li key={`${p.id}-${p.updatedAt}`}>
                <PassageItem passage={p} onSave={onSave} onDelete={onDelete} />
              </li>
            ))}
          </ol>
          {list.value.length > limit && (
            <button type="button" class="more" onClick={() => setLimit(limit + LIMIT)}>
              Show more
            </button>
          )}
        </>
      )}
      <OrphanList tabId={tab?.id ?? null} />
    </section>
  );
}
