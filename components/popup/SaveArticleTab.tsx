import { useState } from 'preact/hooks';
import type { EngagementDraft } from '../../lib/types';
import { usePageOnTab } from '../../lib/ui/page-on-tab';
import { sameMeetingQuestion } from '../../lib/ui/same-event';
import { type ActiveTab, useServices } from '../../lib/ui/services';
import { useResult } from '../../lib/ui/use-result';
import { Notice } from '../common/Notice';
import { DraftEditor } from './DraftEditor';
import { NO_PAGE_DATA } from './OnThisPage';

export interface SaveArticleTabProps {
  tab: ActiveTab | null | undefined;
  onOpenTimeline: () => void;
}

type Outcome = { kind: 'success' | 'error' | 'info'; text: string } | null;

/** The engagement extracted from this article as an editable draft, and the "Save selected passage" button. */
export function SaveArticleTab({ tab, onOpenTimeline }: SaveArticleTabProps) {
  const { send, sendToTab } = useServices();
  // The tab's draft is the last page's until the new page has been read: it is asked for only once the page in
  // the tab is the one the tab's report is of.
  const page = usePageOnTab(tab);
  const readUrl = page.status === 'ok' && page.value.status === 'ready' ? page.value.report.url : null;
  const reading = page.status === 'loading' || (page.status === 'ok' && page.value.status === 'reading');
  const draft = useResult(
    () =>
      tab && readUrl
        ? send('getDraft', { tabId: tab.id })
        : Promise.resolve({ ok: true as const, value: { draft: null, analysis: null } }),
    [tab?.id, readUrl],
  );
  const [blank, setBlank] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Outcome>(null);
  const [passage, setPassage] = useState<Outcome>(null);
  const [answered, setAnswered] = useState<Outcome>(null);

  if (tab === undefined) return <Notice kind="loading">Looking at this page…</Notice>;
  if (!tab) return <Notice kind="empty">{NO_PAGE_DATA}</Notice>;

  const save = async (d: EngagementDraft) => {
    setSaving(true);
    const r = await send('saveDraft', { tabId: tab.id, draft: d });
    setSaving(false);
    setSaved(
      r.ok
        ? {
            kind: 'success',
            text: !r.value.merged
              ? 'Saved to your timeline as a new engagement.'
              : r.value.corrected
                ? 'Merged into an engagement already in your timeline, with your corrections; this article is one of its sources.'
                : 'Merged into an engagement already in your timeline; this article is one of its sources.',
          }
        : { kind: 'error', text: r.error },
    );
  };

  // The grey zone: the page may report an engagement already in the timeline; the reader says whether it does.
  const ask = draft.status === 'ok' ? (draft.value.ask ?? null) : null;
  const answer = async (engagementId: string, same: boolean) => {
    const r = await send('answerSameEvent', { tabId: tab.id, engagementId, same });
    setAnswered(
      !r.ok
        ? { kind: 'error', text: r.error }
        : same
          ? { kind: 'success', text: 'This article is now one of that engagement’s sources.' }
          : { kind: 'info', text: 'Noted: this article stays apart from that engagement.' },
    );
  };

  const saveSelection = async () => {
    const r = await sendToTab(tab.id, 'saveSelection', {});
    setPassage(
      !r.ok
        ? { kind: 'error', text: r.error }
        : r.value
          ? { kind: 'success', text: 'Passage saved. It is highlighted on the page and listed under Saved passages.' }
          : {
              kind: 'info',
              text: 'Nothing is selected. Select some text in the article, then press this button again.',
            },
    );
  };

  return (
    <section class="save-article" aria-label="Save this article">
      <div class="passage-save">
        <button type="button" onClick={saveSelection}>
          Save selected passage
        </button>
        {passage && <Notice kind={passage.kind}>{passage.text}</Notice>}
      </div>
      <h2>Engagement in this article</h2>
      {ask && !answered && (
        <fieldset class="same-event">
          <legend>{sameMeetingQuestion(ask)}</legend>
          <button type="button" onClick={() => answer(ask.engagementId, true)}>
            Yes
          </button>{' '}
          <button type="button" onClick={() => answer(ask.engagementId, false)}>
            No
          </button>
        </fieldset>
      )}
      {answered && <Notice kind={answered.kind}>{answered.text}</Notice>}
      {saved?.kind === 'success' ? (
        <>
          <Notice kind="success">{saved.text}</Notice>
          <button type="button" onClick={onOpenTimeline}>
            Show the timeline
          </button>
        </>
      ) : draft.status === 'loading' || reading ? (
        <Notice kind="loading">Reading the article…</Notice>
      ) : page.status === 'error' ? (
        <Notice kind="error">{page.error}</Notice>
      ) : draft.status === 'error' ? (
        <Notice kind="error">{draft.error}</Notice>
      ) : !draft.value.draft && !blank ? (
        <>
          <Notice kind="empty">
            Counterpart found no meeting, call, visit or agreement in this page. If it reports one, fill it in yourself.
          </Notice>
          <button type="button" onClick={() => setBlank(true)}>
            Start an empty draft
          </button>
        </>
      ) : (
        <>
          {!blank && <p class="muted">Check what Counterpart extracted and correct it before saving.</p>}
          {saved?.kind === 'error' && <Notice kind="error">{saved.text}</Notice>}
          <DraftEditor draft={draft.value.draft} saving={saving} onSave={save} />
        </>
      )}
    </section>
  );
}
