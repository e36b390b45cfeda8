/**
 * Snapshots of the answers the popup's first screen needs, kept by the background in session storage so the
 * popup can paint at once even when Chromium has stopped the idle service worker (waking it costs ~100 ms).
 *
 * Each snapshot is the background's answer to one question, tagged with the database revision it read before
 * answering (`lib/db/revision.ts`). A snapshot is used only while the revision is unchanged, and only for the
 * very question it answers, so the popup shows exactly what the background would say now.
 */
import type { EngagementFilter } from '../db/query-plan';
import { REVISION_KEY, type SessionArea } from '../db/revision';
import type { MessageType, PageReport, Request, Response } from './protocol';

/**
 * Rows in the Timeline's first paint, with their sources: about what the popup shows without scrolling. The rest
 * of the page and its sources follow, so the first engagements do not wait for fifty rows and their sources.
 */
export const FIRST_PAINT_ROWS = 8;

/** The Timeline's first question: its first rows, with their sources. */
export function firstRowsRequest(filter: EngagementFilter): Omit<Request<'queryTimeline'>, 'type'> {
  return { filter: { ...filter, limit: FIRST_PAINT_ROWS, offset: 0 } };
}

/** "On this page"'s second question: how many engagements each entity on the page has. */
export function pageCountsRequest(report: PageReport): Omit<Request<'summarize'>, 'type'> {
  return { entityIds: report.entities.map((e) => e.id), latest: 0 };
}

/** The timeline's first rows (no filter), and the engagement counts of each tab's page. */
export type SnapshotSlot = 'timeline' | `tab-${number}`;

export interface Snapshot<K extends MessageType = MessageType> {
  rev: string;
  type: K;
  payload: Omit<Request<K>, 'type'>;
  answer: Response<K>;
}

const slotKey = (slot: SnapshotSlot) => `first-screen:${slot}`;

/** The session-storage key of what the background knows about a tab (`lib/background/tab-state.ts`). */
export const tabStateKey = (tabId: number) => `tab-${tabId}` as const;

/** The key an answer is filed under: the question itself. */
export const questionKey = (type: string, payload: unknown) => `${type} ${JSON.stringify(payload)}`;

export async function writeSnapshot<K extends MessageType>(
  area: SessionArea,
  slot: SnapshotSlot,
  snapshot: Snapshot<K>,
): Promise<void> {
  await area.set({ [slotKey(slot)]: snapshot });
}

export function removeSnapshot(area: SessionArea, slot: SnapshotSlot): Promise<void> {
  return area.remove(slotKey(slot));
}

/** What one read of session storage tells the popup before it asks the background anything. */
export interface FirstScreen {
  /** Current answers by question key. */
  answers: Map<string, Response<MessageType>>;
  /** The tab's page as the background last reported it, read straight from session storage. */
  report: PageReport | null;
}

function isSnapshot(v: unknown): v is Snapshot {
  const s = v as Partial<Snapshot> | undefined;
  return !!s && typeof s.rev === 'string' && typeof s.type === 'string' && !!s.answer && typeof s.answer === 'object';
}

/**
 * Reads the snapshots for the given slots (and the tab's state, when a tab is given) in one storage call.
 * Anything out of date, malformed or unreadable is left out: the popup then asks the background as usual.
 */
export async function readFirstScreen(area: SessionArea, slots: SnapshotSlot[], tabId?: number): Promise<FirstScreen> {
  const keys = [REVISION_KEY, ...slots.map(slotKey), ...(tabId === undefined ? [] : [tabStateKey(tabId)])];
  const found = await area.get(keys).catch(() => ({}) as Record<string, unknown>);
  const rev = found[REVISION_KEY];
  const answers = new Map<string, Response<MessageType>>();
  for (const slot of slots) {
    const s = found[slotKey(slot)];
    if (typeof rev === 'string' && isSnapshot(s) && s.rev === rev)
      answers.set(questionKey(s.type, s.payload), s.answer);
  }
  const state = tabId === undefined ? undefined : (found[tabStateKey(tabId)] as { report?: PageReport } | undefined);
  return { answers, report: state?.report ?? null };
}
