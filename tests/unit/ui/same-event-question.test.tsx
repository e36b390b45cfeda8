// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { SameEventPrompt } from '../../../components/page/SameEventPrompt';
import { PopupApp } from '../../../components/popup/PopupApp';
import type { SameEventAsk } from '../../../lib/messaging/protocol';
import { parsePopupParams } from '../../../lib/ui/popup-params';
import { sameMeetingQuestion } from '../../../lib/ui/same-event';
import { button, click, draft, fakeServices, freshDb, mount, TAB, tabReport, waitFor } from './helpers';

const ASK: SameEventAsk = {
  engagementId: 'eng:rome',
  summary: 'Naqvi met Piantedosi in Rome.',
  outlet: 'Capital Post',
  date: '2026-01-14',
};

describe('“Same meeting as …?”', () => {
  it('names the engagement, its outlet and date', () => {
    expect(sameMeetingQuestion(ASK)).toBe('Same meeting as Naqvi met Piantedosi in Rome (Capital Post, 14 Jan 2026)?');
    expect(sameMeetingQuestion({ ...ASK, outlet: null, date: null, summary: '' })).toBe(
      'Same meeting as an engagement in your timeline?',
    );
  });

  it('on the page: buttons, no links, and the answer is sent', async () => {
    const onAnswer = vi.fn(async () => ({ ok: true as const }));
    const root = mount(<SameEventPrompt ask={ASK} onAnswer={onAnswer} onDismiss={() => {}} />);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    await click(button(root, 'No'));
    expect(onAnswer).toHaveBeenCalledWith(false);
  });

  it('in Save this article: asked above the draft, answered for the active tab', async () => {
    const services = fakeServices(freshDb(), {
      getPageReport: tabReport,
      getDraft: () => ({ ok: true, value: { draft: draft(), analysis: null, ask: ASK } }),
      answerSameEvent: () => ({ ok: true, value: { known: null } }),
    });
    const root = mount(<PopupApp services={services} params={parsePopupParams('?tab=save')} />);
    await waitFor(() => expect(root.textContent).toContain('Same meeting as Naqvi met Piantedosi in Rome'));
    await click(button(root, 'Yes'));
    expect(services.send).toHaveBeenCalledWith('answerSameEvent', {
      tabId: TAB.id,
      engagementId: 'eng:rome',
      same: true,
    });
    await waitFor(() => expect(root.textContent).toContain('now one of that engagement’s sources'));
    expect(root.textContent).not.toContain('Same meeting as');
  });
});
