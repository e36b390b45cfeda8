import { useEffect, useState } from 'preact/hooks';
import type { CaptureReport } from '../../lib/messaging/protocol';
import { captureText } from '../../lib/ui/capture-text';

export interface CaptureNoticeProps {
  capture: CaptureReport;
  /** Takes the capture back (through the background; the page holds no link to the timeline). */
  onUndo: () => Promise<{ ok: true } | { ok: false; error: string }>;
  /** Opens the timeline on this engagement, its editor open. */
  onEdit: () => void;
  onDismiss: () => void;
  /** Closes by itself after this long, unless the pointer or focus is on it (a reader reaching for Undo). */
  timeoutMs?: number;
}

/** Says what an automatic capture stored, with Undo and Edit: buttons, never links, inside the closed root. */
export function CaptureNotice({ capture, onUndo, onEdit, onDismiss, timeoutMs = 20_000 }: CaptureNoticeProps) {
  const [held, setHeld] = useState(false);
  const [state, setState] = useState<{ kind: 'shown' | 'undoing' | 'undone' } | { kind: 'error'; error: string }>({
    kind: 'shown',
  });
  const undo = async () => {
    setState({ kind: 'undoing' });
    const r = await onUndo();
    setState(r.ok ? { kind: 'undone' } : { kind: 'error', error: r.error });
  };
  const busy = held || state.kind === 'undoing' || state.kind === 'error';
  useEffect(() => {
    if (busy) return;
    const t = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(t);
  }, [busy, timeoutMs, onDismiss]);
  return (
    <div
      class="notice capture"
      role="status"
      aria-live="polite"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocusIn={() => setHeld(true)}
      onFocusOut={() => setHeld(false)}
    >
      {state.kind === 'undone' ? (
        <>Removed from your timeline.</>
      ) : (
        <>
          {captureText(capture)}.
          <span class="actions">
            <button type="button" class="inline" onClick={undo} disabled={state.kind === 'undoing'}>
              Undo
            </button>
            <button type="button" class="inline" onClick={onEdit}>
              Edit
            </button>
          </span>
          {state.kind === 'error' && <span role="alert"> {state.error}</span>}
        </>
      )}
      <button type="button" class="close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
