import type { ComponentChildren } from 'preact';

export interface NoticeProps {
  kind: 'loading' | 'empty' | 'error' | 'success' | 'info';
  children: ComponentChildren;
}

/** One line that tells the reader what is happening and, for empty and error states, what to do. */
export function Notice({ kind, children }: NoticeProps) {
  const role = kind === 'error' ? 'alert' : 'status';
  return (
    <p class={`notice notice-${kind}`} role={role} aria-busy={kind === 'loading' ? true : undefined}>
      {children}
    </p>
  );
}
