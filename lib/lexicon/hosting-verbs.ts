/**
 * Verbs whose subject hosts a meeting ("President X received the minister", "the minister was welcomed by X"):
 * the host of a meeting at the dateline belongs to the dateline's country, and the place of "X received Y" is the
 * host's city.
 */
export const HOSTING_VERBS: readonly string[] = [
  'received',
  'receives',
  'receiving',
  'hosted',
  'hosts',
  'hosting',
  'welcomed',
  'welcomes',
  'welcoming',
];
