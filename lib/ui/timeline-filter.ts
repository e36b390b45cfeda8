/**
 * The Timeline tab's filter form as plain strings (what the inputs hold), and its translation into the
 * database's EngagementFilter. Pure, so every combination is tested without rendering.
 */
import type { EngagementFilter } from '../db/query-plan';
import type { TopicId } from '../types';
import { isTopicId } from './topics';

export interface TimelineFilterForm {
  /** An entity id (official) or ''. */
  person: string;
  country: string;
  pairA: string;
  pairB: string;
  /** A TopicId or ''. */
  topic: string;
  from: string;
  to: string;
  text: string;
}

export const EMPTY_FILTER: TimelineFilterForm = {
  person: '',
  country: '',
  pairA: '',
  pairB: '',
  topic: '',
  from: '',
  to: '',
  text: '',
};

/** The form for "timeline of this entity", whatever kind of id a hover card passes. */
export function formForEntity(entityId: string): TimelineFilterForm {
  if (entityId.startsWith('country:')) return { ...EMPTY_FILTER, country: entityId.slice('country:'.length) };
  if (entityId === 'bloc:eu') return { ...EMPTY_FILTER, country: 'EU' };
  if (entityId.startsWith('topic:')) {
    const topic = entityId.slice('topic:'.length);
    if (isTopicId(topic)) return { ...EMPTY_FILTER, topic };
  }
  return { ...EMPTY_FILTER, person: entityId };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function toEngagementFilter(form: TimelineFilterForm): EngagementFilter {
  const f: EngagementFilter = {};
  if (form.person) f.entityId = form.person;
  if (form.country) f.country = form.country.toUpperCase();
  const a = form.pairA.toUpperCase();
  const b = form.pairB.toUpperCase();
  if (a && b && a !== b) f.countryPair = [a, b];
  if (form.topic && isTopicId(form.topic)) f.topic = form.topic as TopicId;
  if (ISO_DAY.test(form.from)) f.from = form.from;
  if (ISO_DAY.test(form.to)) f.to = form.to;
  if (form.text.trim()) f.text = form.text.trim();
  return f;
}

/** How many fields of the form narrow the timeline (shown on the Filters button). */
export function activeFilterCount(form: TimelineFilterForm): number {
  const f = toEngagementFilter(form);
  return [f.entityId, f.country, f.countryPair, f.topic, f.from, f.to].filter((x) => x !== undefined).length;
}

/** A reason the form cannot be applied as typed, or null. */
export function filterProblem(form: TimelineFilterForm): string | null {
  if ((form.pairA && !form.pairB) || (!form.pairA && form.pairB)) return 'Choose both countries of the pair.';
  if (form.pairA && form.pairA === form.pairB) return 'Choose two different countries for the pair.';
  if (form.from && form.to && form.from > form.to) return 'The start date is after the end date.';
  return null;
}
