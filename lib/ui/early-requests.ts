/**
 * Questions the popup asks the background before its app's code has loaded. The first screen needs one or two
 * answers from the background; asking while the rest of the popup downloads and parses overlaps the two waits.
 * A small classic script (`entrypoints/popup-early.ts`) asks them while the popup's HTML is parsed and leaves
 * them on the window for the app.
 * The app takes each answer once, through `UiServices.send`, when a component asks the same question; a
 * question asked again later (after a write, a filter change) goes to the background as usual.
 */
import type { SessionArea } from '../db/revision';
import {
  type FirstScreen,
  firstRowsRequest,
  pageCountsRequest,
  questionKey,
  readFirstScreen,
  type SnapshotSlot,
} from '../messaging/first-screen';
import type { MessageType, Request, Response } from '../messaging/protocol';
import type { ActiveTab } from './active-tab';
import type { PopupParams } from './popup-params';
import type { SendFn } from './services';
import { EMPTY_FILTER, formForEntity, toEngagementFilter } from './timeline-filter';

export interface EarlyRequests {
  activeTab: Promise<ActiveTab | null>;
  /** The answer to this question if it was asked early and not taken yet; each answer is handed out once. */
  take<K extends MessageType>(type: K, payload: Omit<Request<K>, 'type'>): Promise<Response<K>> | undefined;
}

const NOTHING_STORED: Promise<FirstScreen> = Promise.resolve({ answers: new Map(), report: null });

/**
 * Asks what the tab the popup opens on will ask first. Answers come from the background's snapshots in session
 * storage when they are current (no need to wake the service worker), else from the background itself.
 */
export function startEarlyRequests(
  params: PopupParams,
  send: SendFn,
  activeTab: () => Promise<ActiveTab | null>,
  session?: SessionArea,
): EarlyRequests {
  const asked = new Map<string, Promise<unknown>>();
  const ask = <K extends MessageType>(
    type: K,
    payload: Omit<Request<K>, 'type'>,
    first: Promise<FirstScreen> = NOTHING_STORED,
  ): Promise<Response<K>> => {
    const key = questionKey(type, payload);
    const answer = first.then((f) => (f.answers.get(key) as Response<K> | undefined) ?? send(type, payload));
    asked.set(key, answer);
    return answer;
  };
  const read = (slots: SnapshotSlot[], tabId?: number) =>
    session ? readFirstScreen(session, slots, tabId) : NOTHING_STORED;
  const tab = activeTab().catch(() => null);
  if (params.tab === 'timeline') {
    const form = params.entity ? formForEntity(params.entity) : EMPTY_FILTER;
    void ask(
      'queryTimeline',
      firstRowsRequest(toEngagementFilter(form)),
      params.entity ? undefined : read(['timeline']),
    );
  } else if (params.tab === 'page') {
    void tab.then(async (t) => {
      if (!t) return;
      const first = read([`tab-${t.id}`], t.id);
      // The tab's report is the background's own record of it, so it needs no revision check.
      const stored = first.then((f): FirstScreen => {
        if (!f.report) return f;
        const answers = new Map(f.answers);
        answers.set(questionKey('getPageReport', { tabId: t.id }), { ok: true, value: f.report });
        return { ...f, answers };
      });
      const report = await ask('getPageReport', { tabId: t.id }, stored);
      if (report.ok && report.value && report.value.entities.length > 0)
        void ask('summarize', pageCountsRequest(report.value), stored);
    });
  }
  return {
    activeTab: tab,
    take<K extends MessageType>(type: K, payload: Omit<Request<K>, 'type'>) {
      const key = questionKey(type, payload);
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
