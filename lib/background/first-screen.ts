/**
 * Keeps the popup's first-screen snapshots (`lib/messaging/first-screen.ts`) current: the timeline's first rows,
 * and the engagement counts of each analysed tab. They are rewritten after the background answers for a tab and
 * soon after any write to the database, from whichever context it came (Dexie tells every context).
 */
import type { Revision, SessionArea } from '../db/revision';
import {
  firstRowsRequest,
  pageCountsRequest,
  questionKey,
  removeSnapshot,
  type SnapshotSlot,
  writeSnapshot,
} from '../messaging/first-screen';
import type { Handlers, PageReport, Protocol, Request } from '../messaging/protocol';
import type { TabStore } from './tab-state';

export interface FirstScreenDeps {
  handlers: Pick<Handlers, 'queryTimeline' | 'summarize'>;
  session: SessionArea;
  revision: Revision;
  tabs: Pick<TabStore, 'get'>;
  /** The tabs the popup would open on now (the active tab of each window). */
  activeTabIds: () => Promise<number[]>;
  /** How long to wait after a write before rewriting, so a burst of writes costs one rewrite. */
  settleMs?: number;
}

export interface FirstScreenKeeper {
  /** Rewrites the timeline's first rows. */
  timeline(): Promise<void>;
  /** Rewrites a tab's counts from its report (read from the tab store when not given). */
  tab(tabId: number, report?: PageReport | null): Promise<void>;
  /** The database changed: rewrite the timeline and the active tabs' counts once writes settle. */
  changed(): void;
  /**
   * A message arrived. A first-screen question means the popup found no current snapshot (a write while the
   * worker slept, or one made without Dexie): rewrite them for the next opening.
   */
  asked(message: unknown): void;
  forget(tabId: number): Promise<void>;
}

const NO_SENDER = {};
const TIMELINE_QUESTION = firstRowsRequest({});
const TIMELINE_KEY = questionKey('queryTimeline', TIMELINE_QUESTION);

export function keepFirstScreen(deps: FirstScreenDeps): FirstScreenKeeper {
  const { handlers, session, revision } = deps;

  async function snapshot<K extends 'queryTimeline' | 'summarize'>(
    slot: SnapshotSlot,
    type: K,
    payload: Omit<Request<K>, 'type'>,
    answer: () => Promise<Protocol[K]['res']>,
  ) {
    try {
      // The token is read before the database, so a write that lands in between leaves this snapshot stale.
      const rev = await revision.ensure();
      const value = await answer();
      await writeSnapshot<K>(session, slot, { rev, type, payload, answer: { ok: true, value } });
    } catch {
      // A missing snapshot only means the popup asks the background; nothing to report.
    }
  }

  const keeper: FirstScreenKeeper = {
    timeline() {
      return snapshot('timeline', 'queryTimeline', TIMELINE_QUESTION, () =>
        handlers.queryTimeline({ type: 'queryTimeline', ...TIMELINE_QUESTION }, NO_SENDER),
      );
    },
    async tab(tabId, given) {
      const report = given === undefined ? (await deps.tabs.get(tabId))?.report : given;
      if (!report || report.entities.length === 0) return removeSnapshot(session, `tab-${tabId}`).catch(() => {});
      const payload = pageCountsRequest(report);
      return snapshot(`tab-${tabId}`, 'summarize', payload, () =>
        handlers.summarize({ type: 'summarize', ...payload }, NO_SENDER),
      );
    },
    changed() {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), deps.settleMs ?? 200);
    },
    asked(message) {
      if (!message || typeof message !== 'object') return;
      const { type, ...payload } = message as { type?: unknown };
      const timelineMiss = type === 'queryTimeline' && questionKey(type, payload) === TIMELINE_KEY;
      const countsMiss = type === 'summarize' && (payload as { latest?: number }).latest === 0;
      if (timelineMiss || countsMiss) keeper.changed();
    },
    forget: (tabId) => removeSnapshot(session, `tab-${tabId}`).catch(() => {}),
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  async function refresh() {
    await keeper.timeline();
    const ids = await deps.activeTabIds().catch(() => [] as number[]);
    for (const id of ids) await keeper.tab(id);
  }
  return keeper;
}
