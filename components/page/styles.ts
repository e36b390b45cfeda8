/** Styles for the page UI inside the shadow root, and for marks in the page (which sit in the page's DOM). */
export const PAGE_UI_CSS = `
:host { all: initial !important; display: block !important; }
.overlay { position: absolute; left: 0; top: 0; width: 0; height: 0; overflow: visible; pointer-events: none; }
.overlay div { position: absolute; background: rgba(255, 214, 92, .5); mix-blend-mode: multiply; border-radius: 2px;
  pointer-events: none; }
.overlay[hidden] { display: none; }
/* One size for every card: a page probing the screen (elementFromPoint) must not learn how much the timeline holds. */
.card { position: fixed; z-index: 2147483646; width: 380px; height: 204px; box-sizing: border-box; overflow: hidden;
  display: flex; flex-direction: column; background: #fff; color: #1d2433;
  border: 1px solid #c9d1e0; border-radius: 8px; box-shadow: 0 6px 24px rgba(20,30,60,.18); padding: 10px 12px;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.card h2 { font-size: 14px; margin: 0 0 2px; }
.card h2, .card .meta, .card li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.card p { margin: 0; }
.card .meta { color: #4a5568; margin: 0 0 6px; }
.card .kind { display: inline-block; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #5a6478; }
.card ul { margin: 6px 0; padding: 0; list-style: none; }
.card li { margin: 2px 0; }
.card .open { margin-top: auto; align-self: flex-start; }
.link { all: unset; color: #1f5fbf; text-decoration: underline; cursor: pointer; }
.link:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
.card .empty { color: #5a6478; font-style: italic; }
.banner { position: fixed; z-index: 2147483645; left: 50%; transform: translateX(-50%); bottom: 16px; max-width: 640px;
  background: #12284a; color: #fff; border-radius: 8px; padding: 10px 40px 10px 14px;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; box-shadow: 0 6px 24px rgba(0,0,0,.25); }
.banner .link { color: #bcd5ff; }
.banner button.inline { position: static; font-size: 13px; background: #ffd65c; color: #12284a; border-radius: 4px;
  padding: 2px 8px; margin-left: 6px; }
.notice { position: fixed; z-index: 2147483645; right: 16px; top: 16px; max-width: 360px; background: #12284a;
  color: #fff; border-radius: 8px; padding: 10px 36px 10px 14px; box-shadow: 0 6px 24px rgba(0,0,0,.25);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.notice.error { background: #8a1c1c; }
.notice .actions { display: block; margin-top: 6px; }
.notice button.inline { font: inherit; font-size: 13px; background: #ffd65c; color: #12284a; border: 0; border-radius: 4px;
  padding: 2px 10px; margin-right: 6px; cursor: pointer; }
.notice button.inline:focus-visible { outline: 2px solid #fff; outline-offset: 1px; }
.banner button.close, .notice button.close { position: absolute; right: 8px; top: 8px; background: transparent; color: #fff; border: 0;
  font-size: 18px; line-height: 1; cursor: pointer; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f2430; color: #e6e9ef; border-color: #3a4252; }
  .card .meta, .card .kind, .card .empty { color: #aab3c5; }
  .card .link { color: #8db8ff; }
}
`;

/**
 * Marks live in the page, so their style is a page stylesheet with a tag-name selector only; the sheet is
 * taken out while marks are hidden. A mark carries no attribute that names its entity: what kind of mention it
 * is shows only as an inline style (the page's own words told us that much, nothing from the timeline).
 */
export const MARK_CSS = `
counterpart-mark { all: unset; display: inline; text-decoration-line: underline; text-decoration-thickness: 2px;
  text-underline-offset: 2px; text-decoration-color: rgba(31, 95, 191, .65); cursor: help; }
counterpart-mark:focus-visible { outline: 2px solid #1f5fbf; outline-offset: 1px; }
`;

/** The inline style of each kind of mark (officials take the sheet's default). */
export const MARK_KIND_STYLE: Partial<Record<string, string>> = {
  country: 'text-decoration-style: dotted; text-decoration-color: rgba(30, 140, 90, .8)',
  bloc: 'text-decoration-style: dotted; text-decoration-color: rgba(30, 140, 90, .8)',
  topic: 'text-decoration-style: dashed; text-decoration-color: rgba(176, 100, 20, .8)',
};
