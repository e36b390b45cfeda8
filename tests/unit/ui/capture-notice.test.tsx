// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { CaptureNotice } from '../../../components/page/CaptureNotice';
import type { CaptureReport } from '../../../lib/messaging/protocol';
import { button, click, mount, waitFor } from './helpers';

const CAPTURE: CaptureReport = {
  engagementId: 'eng:1',
  sourceId: 'src:1',
  merged: true,
  sources: 2,
  names: ['Mohsin Naqvi', 'Matteo Piantedosi'],
  place: 'Rome',
  date: '2026-06-06',
  datePrecision: 'day',
};

describe('CaptureNotice', () => {
  it('says what was captured; Undo and Edit are buttons that call back, never links', async () => {
    const onUndo = vi.fn(async () => ({ ok: true as const }));
    const onEdit = vi.fn();
    const root = mount(<CaptureNotice capture={CAPTURE} onUndo={onUndo} onEdit={onEdit} onDismiss={() => {}} />);
    expect(root.textContent).toContain('Added as a second source of Naqvi – Piantedosi, Rome, 6 Jun');
    expect(root.querySelectorAll('a')).toHaveLength(0);
    await click(button(root, 'Edit'));
    expect(onEdit).toHaveBeenCalledOnce();
    await click(button(root, 'Undo'));
    await waitFor(() => expect(root.textContent).toContain('Removed from your timeline.'));
    expect(onUndo).toHaveBeenCalledOnce();
  });

  it('shows why Undo failed, and stays', async () => {
    const onDismiss = vi.fn();
    const root = mount(
      <CaptureNotice
        capture={CAPTURE}
        onUndo={async () => ({ ok: false, error: 'Nothing to undo.' })}
        onEdit={() => {}}
        onDismiss={onDismiss}
        timeoutMs={50}
      />,
    );
    await click(button(root, 'Undo'));
    await waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('Nothing to undo.'));
    await new Promise((r) => setTimeout(r, 120));
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('closes by itself, but not while the pointer is on it', async () => {
    const onDismiss = vi.fn();
    const root = mount(
      <CaptureNotice
        capture={CAPTURE}
        onUndo={async () => ({ ok: true })}
        onEdit={() => {}}
        onDismiss={onDismiss}
        timeoutMs={60}
      />,
    );
    (root.querySelector('.notice') as HTMLElement).dispatchEvent(new PointerEvent('pointerenter'));
    await new Promise((r) => setTimeout(r, 150));
    expect(onDismiss).not.toHaveBeenCalled();
    (root.querySelector('.notice') as HTMLElement).dispatchEvent(new PointerEvent('pointerleave'));
    await waitFor(() => expect(onDismiss).toHaveBeenCalled());
  });
});
