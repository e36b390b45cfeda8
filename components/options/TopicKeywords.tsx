import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/settings';
import type { TopicId } from '../../lib/types';
import { splitList } from '../../lib/ui/format';
import { TOPIC_IDS, TOPIC_LABELS } from '../../lib/ui/topics';
import { Notice } from '../common/Notice';

export interface TopicKeywordsProps {
  value: Settings['topicKeywords'];
  onSave: (next: Settings['topicKeywords']) => Promise<string | null>;
}

function toText(value: Settings['topicKeywords']): Record<TopicId, string> {
  return Object.fromEntries(TOPIC_IDS.map((t) => [t, (value[t] ?? []).join(', ')])) as Record<TopicId, string>;
}

/** Extra keywords per topic, on top of the built-in ones. */
export function TopicKeywords({ value, onSave }: TopicKeywordsProps) {
  const [text, setText] = useState(() => toText(value));
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const next: Settings['topicKeywords'] = {};
    for (const t of TOPIC_IDS) {
      const words = splitList(text[t]);
      if (words.length > 0) next[t] = words;
    }
    const problem = await onSave(next);
    setMessage(problem ? { kind: 'error', text: problem } : { kind: 'success', text: 'Keywords saved.' });
  };

  return (
    <section aria-labelledby="topics-title" id="topics">
      <h2 id="topics-title">Topic keywords</h2>
      <p class="muted">Words or phrases that mark a topic, comma-separated, in addition to the built-in ones.</p>
      <form onSubmit={submit}>
        <div class="topic-grid">
          {TOPIC_IDS.map((t) => (
            <div class="field" key={t}>
              <label for={`kw-${t}`}>{TOPIC_LABELS[t]}</label>
              <input id={`kw-${t}`} value={text[t]} onInput={(e) => setText({ ...text, [t]: e.currentTarget.value })} />
            </div>
          ))}
        </div>
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
        <div class="actions">
          <button type="submit" class="primary">
            Save keywords
          </button>
        </div>
      </form>
    </section>
  );
}
