import type { FilterOptions } from '../../lib/ui/timeline-data';
import { filterProblem, type TimelineFilterForm } from '../../lib/ui/timeline-filter';
import { TOPIC_IDS, TOPIC_LABELS } from '../../lib/ui/topics';
import type { LiveState } from '../../lib/ui/use-live-query';

export interface TimelineFiltersProps {
  form: TimelineFilterForm;
  onChange: (form: TimelineFilterForm) => void;
  options: LiveState<FilterOptions>;
  /** Label of a person filter that is not among the options (e.g. from a hover-card link). */
  personLabel: string | null;
}

/** The person, country, pair, topic and date-range selects (the text search sits outside, always visible). */
export function TimelineFilters({ form, onChange, options, personLabel }: TimelineFiltersProps) {
  const set = (patch: Partial<TimelineFilterForm>) => onChange({ ...form, ...patch });
  const opts = options.status === 'ok' ? options.value : { people: [], countries: [] };
  const people =
    form.person && !opts.people.some((p) => p.value === form.person)
      ? [{ value: form.person, label: personLabel ?? form.person }, ...opts.people]
      : opts.people;
  const countries =
    form.country && !opts.countries.some((c) => c.value === form.country)
      ? [{ value: form.country, label: form.country }, ...opts.countries]
      : opts.countries;
  const problem = filterProblem(form);
  const countrySelect = (id: string, label: string, value: string, key: 'country' | 'pairA' | 'pairB') => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set({ [key]: e.currentTarget.value })}>
        <option value="">Any</option>
        {countries.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <fieldset class="filters">
      <legend class="visually-hidden">Timeline filters</legend>
      {options.status === 'error' && <p class="notice notice-error">{options.error}</p>}
      <div class="field">
        <label for="f-person">Person</label>
        <select id="f-person" value={form.person} onChange={(e) => set({ person: e.currentTarget.value })}>
          <option value="">Anyone</option>
          {people.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      {countrySelect('f-country', 'Country', form.country, 'country')}
      <div class="field-row">
        {countrySelect('f-pair-a', 'Pair: country', form.pairA, 'pairA')}
        {countrySelect('f-pair-b', 'and country', form.pairB, 'pairB')}
      </div>
      <div class="field">
        <label for="f-topic">Topic</label>
        <select id="f-topic" value={form.topic} onChange={(e) => set({ topic: e.currentTarget.value })}>
          <option value="">Any topic</option>
          {TOPIC_IDS.map((t) => (
            <option key={t} value={t}>
              {TOPIC_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="f-from">From</label>
          <input id="f-from" type="date" value={form.from} onInput={(e) => set({ from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="f-to">To</label>
          <input id="f-to" type="date" value={form.to} onInput={(e) => set({ to: e.currentTarget.value })} />
        </div>
      </div>
      {problem && (
        <p class="notice notice-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
