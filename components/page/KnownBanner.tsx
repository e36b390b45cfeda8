import type { KnownEngagement } from '../../lib/messaging/protocol';

export interface KnownBannerProps {
  known: KnownEngagement;
  onDismiss: () => void;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

export function KnownBanner({ known, onDismiss }: KnownBannerProps) {
  const others = known.otherSources;
  return (
    <div class="banner" role="status" aria-live="polite">
      This meeting is already in your timeline
      {others.length > 0 && (
        <>
          {' — also reported by '}
          {others.map((s, i) => (
            <span key={s.url}>
              {i > 0 && ', '}
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.outlet ?? hostOf(s.url)}
              </a>
            </span>
          ))}
          {` (${others.length})`}
        </>
      )}
      .
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
