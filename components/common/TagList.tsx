export interface TagListProps {
  tags: readonly string[];
  label?: string;
}

/** Small chips for topics or tags; renders nothing when empty. */
export function TagList({ tags, label }: TagListProps) {
  if (tags.length === 0) return null;
  return (
    <ul class="chips" aria-label={label}>
      {tags.map((t) => (
        <li key={t} class="chip">
          {t}
        </li>
      ))}
    </ul>
  );
}
