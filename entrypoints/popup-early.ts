import { send } from '../lib/messaging/client';
import { queryActiveTab } from '../lib/ui/active-tab';
import { publishEarlyRequests, startEarlyRequests } from '../lib/ui/early-requests';
import { parsePopupParams } from '../lib/ui/popup-params';

// A small classic script the popup's HTML loads next to its modules (async): it asks the background for the
// first screen's data, so the answer is on its way while the popup's own modules load and parse.
export default defineUnlistedScript(() => {
  publishEarlyRequests(() => startEarlyRequests(parsePopupParams(location.search), send, () => queryActiveTab()));
});
