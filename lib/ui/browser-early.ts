/** The popup's early questions wired to the real browser: messaging, the active tab and session storage. */
import { browser } from 'wxt/browser';
import type { SessionArea } from '../db/revision';
import { send } from '../messaging/client';
import { queryActiveTab } from './active-tab';
import { type EarlyRequests, startEarlyRequests } from './early-requests';
import type { PopupParams } from './popup-params';

export function startBrowserEarlyRequests(params: PopupParams): EarlyRequests {
  return startEarlyRequests(params, send, () => queryActiveTab(), browser.storage.session as SessionArea | undefined);
}
