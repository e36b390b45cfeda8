import { useMemo, useState } from 'preact/hooks';
import { sourcesFor } from '../../lib/db/timeline';
import { FIRST_PAINT_ROWS } from '../../lib/messaging/first-screen';
import type { Engagement, Source } from '../../lib/types';
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
import { EngagementItem } from './EngagementItem';
import { TimelineFilters } from './TimelineFilters';
import { firstRowsFromBackground, loadTimelineRows } from './timeline-rows';

export interface TimelineTabProps {
  /** Open filtered to this entity (from a hover card or "On this page"). */
  entityId: string | null;
  /** Milliseconds to wait after typing before searching; 0 in tests. */
  debounceMs?: number;
}

/** Engagements newest first, a page at a time, read live from the database. */
export function TimelineTab({ entityId, debounceMs = 200 }: TimelineTabProps) {
  const { send } = useServices();
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
            {shown(page.value.items, page.value.sources).map((e) => (
              <li key={e.id}>
                <EngagementItem engagement={{ ...e, sources: page.value.sources[e.id] ?? restSources[e.id] ?? [] }} />
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
