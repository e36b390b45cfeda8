import { useState } from 'preact/hooks';

export interface OfferBannerProps {
  summary: string;
  onAccept: () => Promise<{ ok: true } | { ok: false; error: string }>;
  onDismiss: () => void;
}

/** Capture on "ask": the reader decides whether this page's engagement goes into the timeline. */
export function OfferBanner({ summary, onAccept, onDismiss }: OfferBannerProps) {
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; error: string }>({
    kind: 'idle',
  });
  const accept = async () => {
    setState({ kind: 'saving' });
    const r = await onAccept();
    setState(r.ok ? { kind: 'saved' } : { kind: 'error', error: r.error });
  };
  return (
    <div class="banner" role="status" aria-live="polite">
      {state.kind === 'saved' ? (
        <>Saved to your timeline.</>
      ) : (
        <>
          Counterpart found an engagement on this page: {summary}{' '}
          <button type="button" class="inline" onClick={accept} disabled={state.kind === 'saving'}>
            Save to timeline
          </button>
          {state.kind === 'error' && <span role="alert"> {state.error}</span>}
        </>
      )}
      <button type="button" class="close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
