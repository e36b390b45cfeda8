/**
 * The "Save this article" form: an EngagementDraft as editable strings, and back. Pure, so the rules
 * (which rows count, how countries follow participants, what dates are accepted) are tested without a DOM.
 */
import type { DatePrecision, EngagementDraft, EngagementKind, Figure, Participant, TopicId } from '../types';
import { splitList } from './format';

export interface ParticipantRow {
  /** Stable key for list rendering. */
  key: string;
  name: string;
  role: string;
  country: string;
  /** Kept only while the name is the one extraction resolved; a renamed row is a different person. */
  entityId?: string;
  resolvedName?: string;
}

export interface DraftForm {
  kind: EngagementKind;
  participants: ParticipantRow[];
  /** Comma-separated country codes besides the participants' (e.g. the host). */
  countries: string;
  place: string;
  date: string;
  datePrecision: DatePrecision;
  topics: TopicId[];
  /** One figure per row. */
  figures: { key: string; text: string }[];
  summary: string;
}

let nextKey = 0;
export function rowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function emptyParticipant(): ParticipantRow {
  return { key: rowKey(), name: '', role: '', country: '' };
}

export function emptyDraftForm(): DraftForm {
  return {
    kind: 'meeting',
    participants: [emptyParticipant(), emptyParticipant()],
    countries: '',
    place: '',
    date: '',
    datePrecision: 'day',
    topics: [],
    figures: [],
    summary: '',
  };
}

export function draftToForm(d: EngagementDraft): DraftForm {
  const participantCountries = new Set(d.participants.flatMap((p) => (p.country ? [p.country] : [])));
  return {
    kind: d.kind,
    participants: d.participants.map((p) => ({
      key: rowKey(),
      name: p.name,
      role: p.role ?? '',
      country: p.country ?? '',
      ...(p.entityId ? { entityId: p.entityId, resolvedName: p.name } : {}),
    })),
    countries: d.countries.filter((c) => !participantCountries.has(c)).join(', '),
    place: d.place ?? '',
    date: d.date ?? '',
    datePrecision: d.datePrecision ?? 'day',
    topics: [...d.topics],
    figures: d.figures.map((f) => ({ key: rowKey(), text: f.text })),
    summary: d.summary,
  };
}

const DATE_BY_PRECISION: Record<DatePrecision, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
  approximate: /^\d{4}(-\d{2}(-\d{2})?)?$/,
};

const COUNTRY = /^[A-Z]{2}$/;

export type FormResult = { ok: true; draft: EngagementDraft } | { ok: false; errors: string[] };

/** Checks the form and builds the draft to save, keeping figures the reader did not touch. */
export function formToDraft(form: DraftForm, original: EngagementDraft | null = null): FormResult {
  const errors: string[] = [];
  const rows = form.participants.filter((r) => r.name.trim() || r.role.trim() || r.country.trim());
  if (rows.length === 0) errors.push('Add at least one participant.');
  const participants: Participant[] = [];
  rows.forEach((r, i) => {
    const name = r.name.replace(/\s+/g, ' ').trim();
    const country = r.country.trim().toUpperCase();
    if (!name) errors.push(`Participant ${i + 1} has no name.`);
    if (country && !COUNTRY.test(country))
      errors.push(`Participant ${i + 1}: country must be a two-letter code such as PK.`);
    const p: Participant = { name, role: r.role.trim() || null, country: country || null };
    if (r.entityId && r.resolvedName === r.name) p.entityId = r.entityId;
    participants.push(p);
  });

  const extra = splitList(form.countries.toUpperCase());
  for (const c of extra) if (!COUNTRY.test(c)) errors.push(`"${c}" is not a two-letter country code.`);

  const date = form.date.trim();
  if (date && !DATE_BY_PRECISION[form.datePrecision].test(date)) {
    errors.push(
      form.datePrecision === 'day'
        ? 'The date must look like 2025-12-12.'
        : form.datePrecision === 'month'
          ? 'The date must look like 2025-12.'
          : form.datePrecision === 'year'
            ? 'The date must be a year such as 2025.'
            : 'The date must look like 2025, 2025-12 or 2025-12-12.',
    );
  }
  if (errors.length > 0) return { ok: false, errors };

  const countries = [...new Set([...participants.flatMap((p) => (p.country ? [p.country] : [])), ...extra])];
  const byText = new Map((original?.figures ?? []).map((f) => [f.text, f]));
  const figures: Figure[] = form.figures
    .map((f) => f.text.trim())
    .filter((t) => t.length > 0)
    .map((text) => byText.get(text) ?? { text });

  return {
    ok: true,
    draft: {
      kind: form.kind,
      participants,
      countries,
      place: form.place.trim() || null,
      date: date || null,
      datePrecision: date ? form.datePrecision : null,
      topics: [...form.topics],
      figures,
      summary: form.summary.trim(),
    },
  };
}
