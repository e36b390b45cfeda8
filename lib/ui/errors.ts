/** Messages for failed reads; writes get theirs from lib/db/errors (which says "nothing was saved"). */

export function readErrorMessage(e: unknown): string {
  const name = e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
  if (name === 'VersionError')
    return 'The timeline was created by a newer version of Counterpart. Update the extension.';
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError')
    return 'The timeline database is not available right now. Close and reopen this window.';
  const detail = e instanceof Error ? e.message : String(e);
  return `Could not read the timeline: ${detail}. Close and reopen this window; if it persists, reload the extension.`;
}
