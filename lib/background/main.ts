/**
 * Wires the background: the database, seeding, the message router, the context menu, keyboard commands and
 * the toolbar badge. Called from the thin entrypoint with the real `browser`; tests pass WXT's fake one.
 */
import { Dexie } from 'dexie';
import type { WxtBrowser as Browser } from 'wxt/browser';
import { type SessionArea, sessionRevision, watchWrites } from '../db/revision';
import { CounterpartDB } from '../db/schema';
import { seedDatabase } from '../db/seed';
import { sendToTab } from '../messaging/client';
import type { AnyRequest, SenderInfo } from '../messaging/protocol';
import { createRouter } from '../messaging/router';
import { keepFirstScreen } from './first-screen';
import { createHandlers } from './handlers';
import { sessionTabStore, type TabStore } from './tab-state';

export const MENU_SAVE_PASSAGE = 'counterpart-save-passage';

/** Session-storage key of a tab's last marking pass (see `lib/content/instrument.ts`). */
export const markedKey = (tabId: number) => `marked:${tabId}`;

export type TabSender = (tabId: number, type: 'saveSelection' | 'toggleMarks') => Promise<unknown>;

/** The context-menu item: save the selection of the tab it was clicked in. */
export function menuClickHandler(send: TabSender) {
  return (info: { menuItemId: string | number }, tab?: { id?: number }) => {
    if (info.menuItemId === MENU_SAVE_PASSAGE && tab?.id !== undefined) void send(tab.id, 'saveSelection');
  };
}

/** Keyboard commands from the manifest, sent to the tab they were pressed in (or the active one). */
export function commandHandler(send: TabSender, activeTabId: () => Promise<number | undefined>) {
  return async (command: string, tab?: { id?: number }) => {
    const tabId = tab?.id ?? (await activeTabId());
    if (tabId === undefined) return;
    if (command === 'save-passage') await send(tabId, 'saveSelection');
    if (command === 'toggle-marks') await send(tabId, 'toggleMarks');
  };
}

export interface BackgroundOptions {
  browser: Browser;
  db?: CounterpartDB;
  tabs?: TabStore;
}

export function setupBackground({ browser, db = new CounterpartDB(), tabs = sessionTabStore }: BackgroundOptions) {
  const session = browser.storage.session as SessionArea | undefined;
  const revision = session ? sessionRevision(session) : null;
  if (revision) watchWrites(db, revision);
  // Seeding is idempotent, so it runs on every start: an install, an update, or a wiped database all end seeded.
  const ready = seedDatabase(db).then((r) => {
    if (!r.ok) console.error('Counterpart: seeding failed:', r.error);
  });

  const action = browser.action ?? (browser as unknown as { browserAction: Browser['action'] }).browserAction;
  const setBadge = (tabId: number, count: number) => {
    void action?.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }).catch(() => {});
    void action?.setBadgeBackgroundColor?.({ tabId, color: '#1f5fbf' }).catch(() => {});
  };

  let firstScreen: ReturnType<typeof keepFirstScreen> | null = null;
  const handlers = createHandlers({
    db,
    tabs,
    setBadge,
    onTabReport: (tabId, report) => void firstScreen?.tab(tabId, report),
    onMarked: (tabId, detail) => void session?.set({ [markedKey(tabId)]: detail }).catch(() => {}),
    openTab: async (path) => {
      const url = path.startsWith('/') ? browser.runtime.getURL(path as '/popup.html') : path;
      await browser.tabs.create({ url });
    },
  });
  if (session && revision) {
    firstScreen = keepFirstScreen({
      handlers,
      session,
      revision,
      tabs,
      activeTabIds: async () => (await browser.tabs.query({ active: true })).flatMap((t) => t.id ?? []),
    });
    // Every start (install, update, or a wake-up after Chromium stopped the idle worker) rewrites the snapshots,
    // which writes made while the worker slept may have left stale.
    void ready.then(() => firstScreen?.changed());
    Dexie.on('storagemutated', () => firstScreen?.changed());
  }
  const route = createRouter<AnyRequest, SenderInfo>(
    handlers as unknown as Record<string, (req: AnyRequest, sender: SenderInfo) => Promise<unknown>>,
    (raw) => {
      const s = raw as { tab?: { id?: number; url?: string }; url?: string } | undefined;
      return { tabId: s?.tab?.id, url: s?.tab?.url ?? s?.url };
    },
  );
  browser.runtime.onMessage.addListener((msg, sender) => {
    firstScreen?.asked(msg);
    const answer = route(msg, sender);
    return answer ? ready.then(() => answer) : undefined;
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create(
      { id: MENU_SAVE_PASSAGE, title: 'Save to Counterpart timeline', contexts: ['selection'] },
      () => void browser.runtime.lastError,
    );
    void navigator.storage?.persist?.().catch(() => false);
  });

  const send: TabSender = (tabId, type) => sendToTab(tabId, type, {});
  browser.contextMenus.onClicked.addListener(menuClickHandler(send));
  browser.commands?.onCommand.addListener(
    commandHandler(send, async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id),
  );

  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.remove(tabId);
    void session?.remove(markedKey(tabId)).catch(() => {});
    void firstScreen?.forget(tabId);
  });

  return { db, ready, handlers };
}
