import type { KnownEngagement } from '../../lib/messaging/protocol';
import { cleanLabel } from '../../lib/ui/label';
import { safeHref } from '../../lib/ui/safe-url';

export interface KnownBannerProps {
  known: KnownEngagement;
  /** Asks the extension to open another outlet's article: the page never holds its URL as a link. */
  onOpen: (url: string) => void;
  onDismiss: () => void;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return cleanLabel(url, 60);
  }
}

export function KnownBanner({ known, onOpen, onDismiss }: KnownBannerProps) {
  const others = known.otherSources;
  return (
    <div class="banner" role="status" aria-live="polite">
      This meeting is already in your timeline
      {others.length > 0 && (
        <>
          {' — also reported by '}
          {others.map((s, i) => {
            const label = cleanLabel(s.outlet) || hostOf(s.url);
            const href = safeHref(s.url);
            return (
              <span key={s.url}>
                {i > 0 && ', '}
                {href ? (
                  <button
                    type="button"
                    class="link"
                    title={cleanLabel(s.title) || undefined}
                    onClick={() => onOpen(href)}
                  >
                    {label}
                  </button>
                ) : (
                  label
                )}
              </span>
            );
          })}
          {` (${others.length})`}
        </>
      )}
      .
      <button type="button" class="close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
