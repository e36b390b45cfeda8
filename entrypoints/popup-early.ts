import { browser } from 'wxt/browser';
import type { SessionArea } from '../lib/db/revision';
import { send } from '../lib/messaging/client';
import { queryActiveTab } from '../lib/ui/active-tab';
import { publishEarlyRequests, startEarlyRequests } from '../lib/ui/early-requests';
import { parsePopupParams } from '../lib/ui/popup-params';

// A small classic script the popup's HTML loads next to its modules (async): it reads the first screen's data
// from the background's snapshots, or asks the background for it, while the popup's own modules load and parse.
export default defineUnlistedScript(() => {
  const session = browser.storage.session as SessionArea | undefined;
  publishEarlyRequests(() =>
    startEarlyRequests(parsePopupParams(location.search), send, () => queryActiveTab(), session),
  );
});
