import { startBrowserEarlyRequests } from '../lib/ui/browser-early';
import { publishEarlyRequests } from '../lib/ui/early-requests';
import { parsePopupParams } from '../lib/ui/popup-params';

// A small classic script the popup's HTML loads next to its modules (async): it reads the first screen's data
// from the background's snapshots, or asks the background for it, while the popup's own modules load and parse.
export default defineUnlistedScript(() => {
  publishEarlyRequests(() => startBrowserEarlyRequests(parsePopupParams(location.search)));
});
