export interface NoticeProps {
  text: string;
  error: boolean;
  onDismiss: () => void;
}

/** A short message after a reader action on the page (a passage saved, or why it was not). */
export function Notice({ text, error, onDismiss }: NoticeProps) {
  return (
    <div class={error ? 'notice error' : 'notice'} role={error ? 'alert' : 'status'}>
      {text}
      <button type="button" class="close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
