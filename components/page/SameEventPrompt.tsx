import { useState } from 'preact/hooks';
import type { SameEventAsk } from '../../lib/messaging/protocol';
import { sameMeetingQuestion } from '../../lib/ui/same-event';

export interface SameEventPromptProps {
  ask: SameEventAsk;
  /** Sends the reader's answer; resolves when the background has stored it. */
  onAnswer: (same: boolean) => Promise<{ ok: true } | { ok: false; error: string }>;
  onDismiss: () => void;
}

/** Asks whether this page reports an engagement already in the timeline; buttons only, never links. */
export function SameEventPrompt({ ask, onAnswer, onDismiss }: SameEventPromptProps) {
  const [state, setState] = useState<{ kind: 'idle' | 'sending' } | { kind: 'error'; error: string }>({
    kind: 'idle',
  });
  const answer = async (same: boolean) => {
    setState({ kind: 'sending' });
    const r = await onAnswer(same);
    if (!r.ok) setState({ kind: 'error', error: r.error });
  };
  return (
    <div class="banner" role="status" aria-live="polite">
      {sameMeetingQuestion(ask)}{' '}
      <button type="button" class="inline" onClick={() => answer(true)} disabled={state.kind === 'sending'}>
        Yes
      </button>{' '}
      <button type="button" class="inline" onClick={() => answer(false)} disabled={state.kind === 'sending'}>
        No
      </button>
      {state.kind === 'error' && <span role="alert"> {state.error}</span>}
      <button type="button" class="close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
