/** The grey-zone question as the page banner and Save this article show it. Pure. */
import type { SameEventAsk } from '../messaging/protocol';
import { formatDate } from './format';
import { cleanLabel } from './label';

/** "Same meeting as Naqvi met Piantedosi in Rome (Capital Post, 14 Jan 2026)?" */
export function sameMeetingQuestion(ask: SameEventAsk): string {
  const what = cleanLabel(ask.summary, 160).replace(/[.?!]+$/, '') || 'an engagement in your timeline';
  const where = [cleanLabel(ask.outlet, 60), ask.date ? formatDate(ask.date) : ''].filter(Boolean).join(', ');
  return `Same meeting as ${what}${where ? ` (${where})` : ''}?`;
}
