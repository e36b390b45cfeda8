/**
 * Questions the popup asks the background before its app's code has loaded. The first screen needs one or two
 * answers from the background; asking while the rest of the popup downloads and parses overlaps the two waits.
 * A small classic script (`entrypoints/popup-early.ts`) asks them while the popup's HTML is parsed and leaves
 * them on the window for the app.
 * The app takes each answer once, through `UiServices.send`, when a component asks the same question; a
 * question asked again later (after a write, a filter change) goes to the background as usual.
 */
import type { EngagementFilter } from '../db/query-plan';
import type { MessageType, PageReport, Request, Response } from '../messaging/protocol';
import type { ActiveTab } from './active-tab';
import type { PopupParams } from './popup-params';
import type { SendFn } from './services';
import { EMPTY_FILTER, formForEntity, toEngagementFilter } from './timeline-filter';

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

export interface EarlyRequests {
  activeTab: Promise<ActiveTab | null>;
  /** The answer to this question if it was asked early and not taken yet; each answer is handed out once. */
  take<K extends MessageType>(type: K, payload: Omit<Request<K>, 'type'>): Promise<Response<K>> | undefined;
}

const keyOf = (type: string, payload: unknown) => `${type} ${JSON.stringify(payload)}`;

/** Asks what the tab the popup opens on will ask first. */
export function startEarlyRequests(
  params: PopupParams,
  send: SendFn,
  activeTab: () => Promise<ActiveTab | null>,
): EarlyRequests {
  const asked = new Map<string, Promise<unknown>>();
  const ask = <K extends MessageType>(type: K, payload: Omit<Request<K>, 'type'>): Promise<Response<K>> => {
    const answer = send(type, payload);
    asked.set(keyOf(type, payload), answer);
    return answer;
  };
  const tab = activeTab().catch(() => null);
  if (params.tab === 'timeline') {
    const form = params.entity ? formForEntity(params.entity) : EMPTY_FILTER;
    void ask('queryTimeline', firstRowsRequest(toEngagementFilter(form)));
  } else if (params.tab === 'page') {
    void tab.then(async (t) => {
      if (!t) return;
      const report = await ask('getPageReport', { tabId: t.id });
      if (report.ok && report.value && report.value.entities.length > 0)
        void ask('summarize', pageCountsRequest(report.value));
    });
  }
  return {
    activeTab: tab,
    take<K extends MessageType>(type: K, payload: Omit<Request<K>, 'type'>) {
      const key = keyOf(type, payload);
      const answer = asked.get(key) as Promise<Response<K>> | undefined;
      asked.delete(key);
      return answer;
    },
  };
}

const SLOT = '__counterpartEarlyRequests';

type Slot = { [SLOT]?: EarlyRequests | null };

/**
 * Asks the early questions and leaves them where the popup's app will look. The early script loads in parallel
 * with the app; if the app started first it asked for itself, and asking again would only double the work.
 */
export function publishEarlyRequests(start: () => EarlyRequests, scope: object = globalThis): void {
  const slot = scope as Slot;
  if (slot[SLOT] === null) return;
  slot[SLOT] = start();
}

/** The early questions, if the early script ran before the app; from now on it stands down. */
export function takePublishedEarlyRequests(scope: object = globalThis): EarlyRequests | undefined {
  const slot = scope as Slot;
  const early = slot[SLOT] ?? undefined;
  slot[SLOT] = null;
  return early;
}
