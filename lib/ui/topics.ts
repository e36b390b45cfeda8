/** The topic taxonomy as the UI shows it. */
import { isTopicId, TOPIC_LABELS } from '../data/topics';

export { isTopicId, TOPIC_IDS, TOPIC_LABELS } from '../data/topics';

/** A label for any topic id, including ones added to the taxonomy after this list. */
export function topicLabel(id: string): string {
  if (isTopicId(id)) return TOPIC_LABELS[id];
  const words = id.replace(/^topic:/, '').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
