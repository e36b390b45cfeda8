import { useState } from 'preact/hooks';
import type { Passage } from '../../lib/types';
import { formatDate, hostOf, splitList } from '../../lib/ui/format';
import { cleanLabel } from '../../lib/ui/label';
import { safeHref } from '../../lib/ui/safe-url';
import { TagList } from '../common/TagList';

export interface PassageItemProps {
  passage: Passage;
  onSave: (id: string, note: string, tags: string[]) => Promise<string | null>;
  onDelete: (passage: Passage) => void;
}

/** A saved passage: the quote, where it came from, and its note and tags, editable in place. */
export function PassageItem({ passage: p, onSave, onDelete }: PassageItemProps) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(p.note);
  const [tags, setTags] = useState(p.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const href = safeHref(p.url);
  const base = `passage-${p.id.replace(/[^\w-]/g, '_')}`;

  const save = async (e: Event) => {
    e.preventDefault();
    const problem = await onSave(p.id, note, splitList(tags));
    setError(problem);
    if (!problem) setEditing(false);
  };

  return (
    <article class="passage" aria-labelledby={`${base}-src`}>
      <blockquote>{p.selectors.quote.exact}</blockquote>
      <p class="muted" id={`${base}-src`}>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {cleanLabel(p.title) || hostOf(p.url)}
          </a>
        ) : (
          cleanLabel(p.title) || cleanLabel(p.url, 80)
        )}
        {p.outlet && ` — ${cleanLabel(p.outlet)}`}
        {p.published && `, ${formatDate(p.published)}`}
      </p>
      {editing ? (
        <form class="passage-edit" onSubmit={save}>
          <div class="field">
            <label for={`${base}-note`}>Note</label>
            <textarea id={`${base}-note`} rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for={`${base}-tags`}>Tags (comma-separated)</label>
            <input id={`${base}-tags`} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </div>
          {error && (
            <p class="notice notice-error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button
              type="button"
              onClick={() => {
                setNote(p.note);
                setTags(p.tags.join(', '));
                setError(null);
                setEditing(false);
              }}
            >
              Cancel
            </button>
            <button type="submit" class="primary">
              Save note and tags
            </button>
          </div>
        </form>
      ) : (
        <>
          {p.note && <p class="note">{p.note}</p>}
          <TagList tags={p.tags} label="Tags" />
          <div class="actions">
            <button type="button" onClick={() => setEditing(true)}>
              Edit note and tags
            </button>
            <button type="button" class="danger" onClick={() => onDelete(p)}>
              Delete
            </button>
          </div>
        </>
      )}
    </article>
  );
}
