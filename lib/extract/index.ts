/**
 * Engagement extraction: pure functions from article text + detection + metadata to engagement drafts and
 * figures. Runs in the background and the CLI; see README.md for the rules.
 */
export { type DateContext, type FoundDate, findDates, pickDate, resolveDate } from './dates';
export { engagementSteps, extractEngagements, MAX_ENGAGEMENTS } from './engagements';
export { extractFigures } from './figures';
export { type CueHit, findCues, kindOf } from './kinds';
export { destinationAfter, type FoundPlace, findPlace, visitDestination } from './places';
export { type Sentence, splitSentences } from './sentences';
export { describeParticipant, shortRole, summarize } from './summary';
