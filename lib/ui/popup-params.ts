/** The popup's URL parameters: hover cards open `popup.html?tab=timeline&entity=<id>`. */

export type PopupTab = 'page' | 'timeline' | 'passages' | 'save';

export const POPUP_TABS: readonly PopupTab[] = ['page', 'timeline', 'passages', 'save'];

export interface PopupParams {
  tab: PopupTab;
  entity: string | null;
  /** Open the Timeline on this engagement, its editor open (the capture notice's "Edit"). */
  engagement?: string | null;
}

export function parsePopupParams(search: string): PopupParams {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  const entity = params.get('entity')?.trim() || null;
  const engagement = params.get('engagement')?.trim() || null;
  const known = POPUP_TABS.find((t) => t === tab);
  // An entity or engagement without a tab can only mean "show me its timeline".
  return { tab: known ?? (entity || engagement ? 'timeline' : 'page'), entity, ...(engagement ? { engagement } : {}) };
}

/** The popup page's path and query for an entity's timeline (the caller makes it absolute with `getURL`). */
export function timelineUrl(entityId: string): string {
  return `/popup.html?tab=timeline&entity=${encodeURIComponent(entityId)}`;
}

/** The popup page's path and query for one engagement, opened in the Timeline with its editor. */
export function engagementUrl(engagementId: string): string {
  return `/popup.html?tab=timeline&engagement=${encodeURIComponent(engagementId)}`;
}
