/**
 * Wires the background: the database, seeding, the message router, the context menu, keyboard commands and
 * the toolbar badge. Called from the thin entrypoint with the real `browser`; tests pass WXT's fake one.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { CounterpartDB } from '../db/schema';
import { seedDatabase } from '../db/seed';
import { sendToTab } from '../messaging/client';
import type { AnyRequest, SenderInfo } from '../messaging/protocol';
import { createRouter } from '../messaging/router';
import { createHandlers } from './handlers';
import { sessionTabStore, type TabStore } from './tab-state';

export const MENU_SAVE_PASSAGE = 'counterpart-save-passage';

export interface BackgroundOptions {
  browser: Browser;
  db?: CounterpartDB;
  tabs?: TabStore;
}

export function setupBackground({ browser, db = new CounterpartDB(), tabs = sessionTabStore }: BackgroundOptions) {
  // Seeding is idempotent, so it runs on every start: an install, an update, or a wiped database all end seeded.
  const ready = seedDatabase(db).then((r) => {
    if (!r.ok) console.error('Counterpart: seeding failed:', r.error);
  });

  const action = browser.action ?? (browser as unknown as { browserAction: Browser['action'] }).browserAction;
  const setBadge = (tabId: number, count: number) => {
    void action?.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }).catch(() => {});
    void action?.setBadgeBackgroundColor?.({ tabId, color: '#1f5fbf' }).catch(() => {});
  };

  const handlers = createHandlers({ db, tabs, setBadge });
  const route = createRouter<AnyRequest, SenderInfo>(
    handlers as unknown as Record<string, (req: AnyRequest, sender: SenderInfo) => Promise<unknown>>,
    (raw) => {
      const s = raw as { tab?: { id?: number; url?: string }; url?: string } | undefined;
      return { tabId: s?.tab?.id, url: s?.tab?.url ?? s?.url };
    },
  );
  browser.runtime.onMessage.addListener((msg, sender) => {
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

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_SAVE_PASSAGE && tab?.id !== undefined) void sendToTab(tab.id, 'saveSelection', {});
  });

  browser.commands?.onCommand.addListener(async (command, tab) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    if (command === 'save-passage') void sendToTab(tabId, 'saveSelection', {});
    if (command === 'toggle-marks') void sendToTab(tabId, 'toggleMarks', {});
  });

  browser.tabs.onRemoved.addListener((tabId) => void tabs.remove(tabId));

  return { db, ready, handlers };
}
