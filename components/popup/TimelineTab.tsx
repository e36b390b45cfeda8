import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  editEngagement,
  type MergeDate,
  mergeEngagements,
  removeEngagement,
  splitSource,
  type Undo,
  undoCorrection,
} from '../../lib/db/corrections';
import { getEngagement, sourcesFor } from '../../lib/db/timeline';
import { FIRST_PAINT_ROWS } from '../../lib/messaging/first-screen';
import type { EngagementView } from '../../lib/messaging/protocol';
import type { Engagement, EngagementDraft, Source } from '../../lib/types';
import { engagementLine } from '../../lib/ui/capture-text';
import { plural } from '../../lib/ui/format';
import { useServices } from '../../lib/ui/services';
import { entityName, loadFilterOptions, PAGE_SIZE } from '../../lib/ui/timeline-data';
import {
  activeFilterCount,
  EMPTY_FILTER,
  filterProblem,
  formForEntity,
  type TimelineFilterForm,
  toEngagementFilter,
} from '../../lib/ui/timeline-filter';
import { useDebounced } from '../../lib/ui/use-debounced';
import { useLiveQuery, useLiveQueryNow } from '../../lib/ui/use-live-query';
import { Notice } from '../common/Notice';
import { EngagementActions } from './EngagementActions';
import { EngagementEditor } from './EngagementEditor';
import { EngagementItem } from './EngagementItem';
import { MergePicker } from './MergePicker';
import { TimelineFilters } from './TimelineFilters';
import { firstRowsFromBackground, loadTimelineRows } from './timeline-rows';

export interface TimelineTabProps {
  /** Open filtered to this entity (from a hover card or "On this page"). */
  entityId: string | null;
  /** Open on this engagement, shown first with its editor open (the page notice's "Edit"). */
  engagementId?: string | null;
  /** Milliseconds to wait after typing before searching; 0 in tests. */
  debounceMs?: number;
  /** How long "Undo" stays offered after a correction. */
  undoMs?: number;
}

type Mode = { kind: 'edit' | 'merge'; id: string } | null;

const labelOf = (e: Engagement) =>
  engagementLine({ names: e.participants.map((p) => p.name), place: e.place, date: null, datePrecision: null });

/** Engagements newest first, a page at a time, read live from the database. */
export function TimelineTab({ entityId, engagementId = null, debounceMs = 200, undoMs = 15_000 }: TimelineTabProps) {
  const { send, database } = useServices();
  const [mode, setMode] = useState<Mode>(engagementId ? { kind: 'edit', id: engagementId } : null);
  const [undo, setUndo] = useState<{ text: string; undo: Undo } | null>(null);
  const [correctionError, setCorrectionError] = useState<string | null>(null);
  const [form, setForm] = useState<TimelineFilterForm>(() => (entityId ? formForEntity(entityId) : EMPTY_FILTER));
  const [showFilters, setShowFilters] = useState(entityId !== null);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const text = useDebounced(form.text, debounceMs);

  const problem = filterProblem(form);
  const filter = useMemo(() => toEngagementFilter({ ...form, text }), [form, text]);
  const key = JSON.stringify(filter);
  const page = useLiveQueryNow((db) => loadTimelineRows(db, filter, limit, FIRST_PAINT_ROWS), [key, limit], {
    // Only for a first page: after "Show more" the rows on screen stay until the longer page arrives.
    first: limit === PAGE_SIZE ? () => firstRowsFromBackground(send, filter) : undefined,
  });
  const restIds = page.status === 'ok' ? page.value.items.slice(FIRST_PAINT_ROWS).map((e) => e.id) : [];
  // Runs in an effect, after the first rows have painted.
  const rest = useLiveQuery((db) => sourcesFor(db, restIds), [restIds.join(' ')]);
  // Rows appear in order once their sources are known: the first ones at once, the rest with their sources. A
  // previous page's sources stay in `rest` until the new ones arrive, so after "Show more" the rows already on
  // screen stay while the new ones load.
  const restSources = rest.status === 'ok' ? rest.value : {};
  const shown = (items: Engagement[], sources: Record<string, Source[]>) => {
    const n = items.findIndex((e) => !sources[e.id] && !restSources[e.id]);
    return n === -1 ? items : items.slice(0, n);
  };
  // Index keys only, and only once the reader opens the filters.
  const options = useLiveQuery(
    (db) => (showFilters ? loadFilterOptions(db) : Promise.resolve({ people: [], countries: [] })),
    [showFilters],
  );
  const personLabel = useLiveQuery(
    (db) => (form.person ? entityName(db, form.person) : Promise.resolve('')),
    [form.person],
  );

  // The engagement the page notice's "Edit" asked for, shown first whatever the order of the list.
  const pinned = useLiveQuery(
    async (db) => {
      if (!engagementId) return null;
      const e = await getEngagement(db, engagementId);
      return e ? { ...e, sources: (await sourcesFor(db, [e.id]))[e.id] ?? [] } : null;
    },
    [engagementId],
  );
  const pinnedView = pinned.status === 'ok' ? pinned.value : null;

  useEffect(() => {
    if (!undo) return;
    const t = setTimeout(() => setUndo(null), undoMs);
    return () => clearTimeout(t);
  }, [undo, undoMs]);

  /** Runs one correction; its undo is offered, its failure said. Resolves to the error, or null. */
  const correct = async <T,>(
    run: () => Promise<{ ok: true; value: { value: T; undo: Undo } } | { ok: false; error: string }>,
    text: (value: T) => string,
  ): Promise<string | null> => {
    const r = await run();
    if (!r.ok) {
      setCorrectionError(r.error);
      return r.error;
    }
    setCorrectionError(null);
    setMode(null);
    setUndo({ text: text(r.value.value), undo: r.value.undo });
    return null;
  };
  const onEdit = async (e: Engagement, edit: EngagementDraft) =>
    correct(
      async () => editEngagement(await database(), e.id, edit),
      (v) =>
        v.officials.length > 0
          ? `Changes saved; ${v.officials.map((o) => o.name).join(', ')} corrected in every engagement and for detection.`
          : 'Changes saved.',
    );
  const onDelete = async (e: Engagement) =>
    correct(
      async () => removeEngagement(await database(), e.id),
      () => `Deleted ${labelOf(e)}.`,
    );
  const onMerge = async (target: Engagement, otherId: string, date: MergeDate) =>
    correct(
      async () => mergeEngagements(await database(), target.id, otherId, date),
      (v) => `Merged into ${labelOf(v)}.`,
    );
  const onSplit = async (sourceId: string) =>
    correct(
      async () => splitSource(await database(), sourceId),
      () => 'Split out into an engagement of its own; edit it to say what that article reports.',
    );
  const onUndo = async () => {
    if (!undo) return;
    const r = await undoCorrection(await database(), undo.undo);
    setUndo(null);
    setCorrectionError(r.ok ? null : r.error);
  };

  /** One entry, with its corrections; `others` are what "Merge…" offers. */
  const entry = (e: EngagementView, others: Engagement[]) => (
    <EngagementItem engagement={e}>
      {mode?.id === e.id && mode.kind === 'edit' ? (
        <EngagementEditor
          key={`${e.id}-${e.updatedAt}`}
          engagement={e}
          onSave={(edit) => onEdit(e, edit)}
          onSplit={onSplit}
          onCancel={() => setMode(null)}
        />
      ) : mode?.id === e.id && mode.kind === 'merge' ? (
        <MergePicker
          target={e}
          candidates={others.filter((x) => x.id !== e.id)}
          onMerge={(otherId, date) => void onMerge(e, otherId, date)}
          onCancel={() => setMode(null)}
        />
      ) : (
        <EngagementActions
          label={labelOf(e)}
          onEdit={() => setMode({ kind: 'edit', id: e.id })}
          onMerge={() => setMode({ kind: 'merge', id: e.id })}
          onDelete={() => void onDelete(e)}
        />
      )}
    </EngagementItem>
  );

  const change = (next: TimelineFilterForm) => {
    setForm(next);
    setLimit(PAGE_SIZE);
  };
  const active = activeFilterCount(form);

  return (
    <section class="timeline" aria-label="Timeline">
      <div class="toolbar">
        <label for="f-text" class="visually-hidden">
          Search the timeline
        </label>
        <input
          id="f-text"
          type="search"
          placeholder="Search names, countries, topics, figures"
          value={form.text}
          onInput={(e) => change({ ...form, text: e.currentTarget.value })}
        />
        <button
          type="button"
          aria-expanded={showFilters}
          aria-controls="timeline-filters"
          onClick={() => setShowFilters(!showFilters)}
        >
          Filters{active > 0 ? ` (${active})` : ''}
        </button>
        {(active > 0 || form.text) && (
          <button type="button" class="link" onClick={() => change(EMPTY_FILTER)}>
            Clear
          </button>
        )}
      </div>
      <div id="timeline-filters" hidden={!showFilters}>
        {showFilters && (
          <TimelineFilters
            form={form}
            onChange={change}
            options={options}
            personLabel={personLabel.status === 'ok' ? personLabel.value : null}
          />
        )}
      </div>
      {undo && (
        <div class="undo-bar" role="status">
          <span>{undo.text}</span>
          <button type="button" class="link" onClick={onUndo}>
            Undo
          </button>
        </div>
      )}
      {correctionError && <Notice kind="error">{correctionError}</Notice>}
      {pinnedView && (
        <section class="pinned" aria-label="Opened from the page">
          {entry(pinnedView, page.status === 'ok' ? page.value.items : [])}
        </section>
      )}
      {problem ? null : page.status === 'loading' ? (
        <Notice kind="loading">Loading the timeline…</Notice>
      ) : page.status === 'error' ? (
        <Notice kind="error">{page.error}</Notice>
      ) : page.value.items.length === 0 ? (
        <Notice kind="empty">
          {active > 0 || text
            ? 'No engagement matches these filters. Loosen a filter or clear them.'
            : 'Your timeline is empty. Open a news article about a meeting and use "Save this article".'}
        </Notice>
      ) : (
        <>
          <p class="muted count" aria-live="polite">
            {!page.value.complete
              ? '\u00a0' // the line keeps its place until the whole page is counted
              : page.value.more
                ? `Newest ${page.value.items.length} shown`
                : plural(page.value.items.length, 'engagement')}
          </p>
          <ol class="engagements">
            {shown(page.value.items, page.value.sources)
              .filter((e) => e.id !== pinnedView?.id)
              .map((e) => (
                <li key={e.id}>
                  {entry({ ...e, sources: page.value.sources[e.id] ?? restSources[e.id] ?? [] }, [
                    ...(pinnedView ? [pinnedView] : []),
                    ...page.value.items.filter((x) => x.id !== pinnedView?.id),
                  ])}
                </li>
              ))}
          </ol>
          {page.value.complete && page.value.more && (
            <button type="button" class="more" onClick={() => setLimit(limit + PAGE_SIZE)}>
              Show more
            </button>
          )}
        </>
      )}
    </section>
  );
}
