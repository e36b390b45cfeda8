/**
 * The words that signal an engagement, as data. Each cue says what kind of engagement it signals, how the
 * officials around it take part (its "shape") and what else its words mean (its traits), with written examples it
 * must and must not match; `kinds.ts` finds them in a sentence and the engagement builder reads participants off
 * the shape and the traits, never off the cue's words.
 */
import type { EngagementKind } from '../types';

export type CueShape =
  /** "X met Y", "X held talks with Y", "Y was received by X": subject on the left, objects on the right. */
  | 'transitive'
  /** "talks between X and Y", "a trilateral meeting of X, Y and Z": everyone on the right. */
  | 'between'
  /** "X visited Belgium", "X arrived in Brussels": the visitor only. */
  | 'visit'
  /** "X will visit Pakistan soon": the visitor, a future trip. */
  | 'planned'
  /** "X invited Y to visit Pakistan": Y is the visitor. */
  | 'invite'
  /** "X said in a statement": the speaker alone. */
  | 'statement'
  /** "X chaired the apex meeting", "X convened a conference": the chair, who may be alone until others join. */
  | 'convene'
  /** "A and B attended the meeting", "C took part": the officials on the left join the meeting in view. */
  | 'attend'
  /** "A and B agreed to …", "A and B discussed …": two officials of different countries as one subject. */
  | 'joint'
  /** "The delegation was led by A, while B headed the Indian side": the heads of two sides met. */
  | 'lead';

/**
 * What the engine needs to know about a cue besides its kind and shape, so that it never re-reads the cue's words.
 * An absent trait is false.
 */
export interface CueTraits {
  /**
   * Whose home the engagement took place at: the subject's ("X received Y"; the object's when the sentence is
   * passive, "Y was received by X") or the object's ("X called on Y").
   */
  hosts?: 'subject' | 'object';
  /** The officials of the cue take part in a meeting already reported ("attended", "chaired by", "joined", "included"). */
  attends?: boolean;
  /** The subject holds or chairs the meeting ("held talks", "chaired the council"): alone, they may open one. */
  chairs?: boolean;
  /** The cue names a gathering ("a meeting", "the session", "the council"), which a lone chair or attendee opens. */
  namesGathering?: boolean;
  /** A multi-party meeting (a council, a trilateral, a chaired meeting): whoever attends it takes part. */
  multilateral?: boolean;
  /** The cue opens a list of members whose items semicolons separate ("joined by A; B; and C"). */
  memberList?: boolean;
  /** The engagement is still to come ("will visit"). */
  future?: boolean;
  /** The city the cue itself names as the venue ("talks in Passau with"). */
  venue?: string;
}

/** A sentence a cue must match, with the traits of its first match there. */
export interface CueExample {
  text: string;
  traits: CueTraits;
}

export interface Cue {
  kind: EngagementKind;
  shape: CueShape;
  re: RegExp;
  /** Traits of every match. */
  traits?: CueTraits;
  /**
   * Traits that depend on the words matched, for a cue whose one regex covers several cases (the verb of "held
   * talks with" and "chaired a meeting with", a modifier such as "trilateral"). Returns only the traits that hold.
   */
  read?: (match: string) => CueTraits;
  /** Written examples: `yes` it must match, `no` near-misses it must not (`tests/unit/extract/cues-table.test.ts`). */
  examples: { yes: readonly CueExample[]; no: readonly string[] };
}

/** Words that make a meeting multilateral (a council, a conference, a chaired meeting): everyone who attends it takes part. */
export const MULTILATERAL_RE =
  /\b(?:council|conference|summit|ministerial|multilateral|trilateral|quadrilateral|assembly|forum|conclave|committee|apex|review\s+meeting|high-level\s+meeting|virtual\s+meeting|roundtable|round-table|plenary|chaired|presided|convened|co-?chaired)\b/i;

/** Verbs for the people with whom someone came ("joined by", "accompanied by"). */
const WITH_VERBS = 'joined|accompanied|flanked|assisted|attended';
/** Verbs that list the members of a meeting or a delegation ("the delegation included A; B"). */
const MEMBER_VERBS = 'included|involved|comprised|consisted|made\\s+up|composed';

/** Words by which officials join a meeting already reported rather than start one of their own. */
const ATTENDANCE_WORD_RE = new RegExp(`\\b(?:${WITH_VERBS}|chaired|presided|${MEMBER_VERBS})\\b`, 'i');

/** Words that open a list of members, whose items outlets separate with semicolons ("joined by A; B; and C"). */
const MEMBER_LIST_WORD_RE = new RegExp(`(?:${WITH_VERBS})\\s+by|${MEMBER_VERBS}`, 'i');

/** Nouns by which a cue names a gathering that a lone chair opens ("held a meeting", "had a session"). */
const GATHERING_NOUN_RE = /\b(?:meeting|session|conference)\b/i;

/** A venue named inside the cue: "talks in Passau with", "a meeting on Tuesday in Algiers between". */
const VENUE_RE = /\bin\s+([A-Z][\p{L}-]+)/u;

/** "will visit", "would travel to": a future the cue states. */
const FUTURE_WORD_RE = /\b(?:will|would)\b/;

/**
 * Traits of a match read from its words, for a cue whose one regex covers several cases: a modifier ("a trilateral
 * call", "a well-attended meeting"), the noun ("held a meeting"), a venue ("talks in Passau with"), a verb
 * ("chaired", "joined by", "will visit"). Words in a cue's free slots count like its fixed words (see the README).
 */
function wordTraits(match: string): CueTraits {
  const traits: CueTraits = {};
  if (MULTILATERAL_RE.test(match) || /\battended\b/i.test(match)) traits.multilateral = true;
  if (GATHERING_NOUN_RE.test(match)) traits.namesGathering = true;
  if (ATTENDANCE_WORD_RE.test(match)) traits.attends = true;
  if (MEMBER_LIST_WORD_RE.test(match)) traits.memberList = true;
  if (FUTURE_WORD_RE.test(match)) traits.future = true;
  const venue = VENUE_RE.exec(match);
  if (venue) traits.venue = venue[1];
  return traits;
}

/**
 * Traits of the verb that opens a cue listing several, keyed by the verb in lower case: who "held" the talks chairs
 * them, who "received" or "hosted" the guest hosts them.
 */
const VERB_TRAITS: Readonly<Record<string, CueTraits>> = {
  held: { chairs: true },
  hold: { chairs: true },
  holds: { chairs: true },
  had: { chairs: true },
  received: { hosts: 'subject' },
  receives: { hosts: 'subject' },
  hosted: { hosts: 'subject' },
  hosts: { hosts: 'subject' },
};

/** `wordTraits` and the traits of the opening verb (`VERB_TRAITS`). */
function verbAndWordTraits(match: string): CueTraits {
  const verb = match.split(/\s/, 1)[0].toLowerCase();
  return { ...wordTraits(match), ...VERB_TRAITS[verb] };
}

/** Up to three modifiers between an article and its noun ("a high-level bilateral meeting"). */
const MODS = "(?:[\\w'’-]+\\s+){0,3}?";
const TALK =
  '(?:meeting|meetings|talks|discussions?|consultations|parleys|dialogue|interaction|session|conversation|(?:working\\s+)?(?:lunch|luncheon|dinner|breakfast))';
const PHONE = '(?:telephone|phone|telephonic|video|virtual|online)';
/** Nouns for a gathering of several parties, which officials chair, attend, join or take part in. */
const GATHERING =
  '(?:meeting|meetings|conference|session|sessions|council|summit|talks|discussions?|debates?|exchanges?|deliberations|gathering|dialogue|consultations|assembly|forum|conclave|roundtable|round-table|ministerial|review|committee|working\\s+group|joint\\s+commission)';
/** Words after "spoke to/with" that name an audience, not a counterpart. */
const AUDIENCE =
  '(?:reporters|journalists|the\\s+(?:media|press|parliament|house|senate|assembly|nation|public|audience|crowd|participants|gathering|conference)|parliament|lawmakers|legislators|students|media|supporters|residents|troops|officers)';

/** Cues in priority order: when two overlap in a sentence, the earlier one in this list wins. */
export const CUES: readonly Cue[] = [
  // Calls first: "received a telephone call from X" is a call, not a reception.
  {
    kind: 'call',
    shape: 'between',
    re: new RegExp(
      `\\b(?:[Ii]n|[Dd]uring|[Oo]ver)\\s+(?:a|an|the)\\s+${MODS}${PHONE}\\s+(?:call|conversation)\\b(?!\\s+(?:with|from|to|between)\\b)`,
      'g',
    ),
    read: wordTraits,
    examples: {
      yes: [
        { text: 'In a phone call, the two ministers discussed border trade.', traits: {} },
        { text: 'During a trilateral video call, the three leaders agreed on a date.', traits: { multilateral: true } },
      ],
      no: ['In a phone call with Rome, she raised the issue.'],
    },
  },
  {
    kind: 'call',
    shape: 'transitive',
    re: new RegExp(
      `\\b(?:held|had|made|received|holds|makes|receives)\\s+(?:a|an)\\s+${MODS}${PHONE}\\s+(?:call|conversation)\\b`,
      'gi',
    ),
    read: verbAndWordTraits,
    examples: {
      yes: [
        { text: 'Ortiz received a telephone call from Lamy.', traits: { hosts: 'subject' } },
        { text: 'The minister held a video call with her counterpart.', traits: { chairs: true } },
      ],
      no: ['She placed a phone call to Tokyo.'],
    },
  },
  {
    kind: 'call',
    shape: 'between',
    re: new RegExp(`\\b${PHONE}\\s+${MODS}(?:call|conversation|talks?|contact|conference)\\s+between\\b`, 'gi'),
    read: wordTraits,
    examples: {
      yes: [
        { text: 'A telephone conversation between the two leaders took place.', traits: {} },
        {
          text: 'A video conference between the ministers followed.',
          traits: { multilateral: true, namesGathering: true },
        },
      ],
      no: ['They laid a telephone cable between the islands.'],
    },
  },
  {
    kind: 'call',
    shape: 'transitive',
    re: new RegExp(
      `\\b${PHONE}\\s+${MODS}(?:call|conversation|talks?|contact|conference|meeting)\\s+(?:with|from|to)\\b`,
      'gi',
    ),
    read: wordTraits,
    examples: {
      yes: [
        { text: 'Her phone call with the Omani minister lasted an hour.', traits: {} },
        {
          text: 'A video conference with the commission followed.',
          traits: { multilateral: true, namesGathering: true },
        },
      ],
      no: ['He gave a phone interview to the paper.'],
    },
  },
  {
    kind: 'call',
    shape: 'transitive',
    re: /\bspoke\s+(?:by|over\s+the|on\s+the|via)\s+(?:tele)?phone\b(?:\s+(?:with|to)\b)?/gi,
    examples: {
      yes: [{ text: 'The two ministers spoke by phone on Sunday.', traits: {} }],
      no: ['He spoke by chance with her.'],
    },
  },
  {
    kind: 'call',
    shape: 'transitive',
    re: /\b(?:spoke|talked|spoken)\s+(?:with|to)\b(?=[^.]{0,120}\b(?:by|over\s+the|on\s+the|via)\s+(?:tele)?phone\b)/gi,
    examples: {
      yes: [{ text: 'Lamy spoke with Ortiz on Friday by phone.', traits: {} }],
      no: ['Lamy spoke with Ortiz in Madrid.'],
    },
  },
  {
    kind: 'call',
    shape: 'transitive',
    re: /\b(?:telephoned|phoned|dialled|dialed)\b/gi,
    examples: {
      yes: [{ text: 'The premier telephoned his Greek counterpart.', traits: {} }],
      no: ['The premier sent a telegram.'],
    },
  },
  // Readouts: "Secretary X spoke today with Foreign Minister Y", "X's call with Y", "X held a call with Y".
  {
    kind: 'call',
    shape: 'transitive',
    re: /\b(?:held|had|holds|has|made|hold|have)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?call\s+with\b|['’]s\s+(?:[\w-]+\s+)?call\s+with\b/gi,
    read: verbAndWordTraits,
    examples: {
      yes: [
        { text: 'The secretary held a brief call with the minister.', traits: { chairs: true } },
        { text: "The minister's call with Rubio covered trade.", traits: {} },
      ],
      no: ['He made a call for calm.'],
    },
  },
  {
    kind: 'call',
    shape: 'transitive',
    re: new RegExp(
      `(?<!\\b(?:visit|trip|tour|sidelines|stay)\\b[^.]{0,150})\\b(?:spoke|speaks|talked|spoken)\\s+(?:(?:today|yesterday|again|separately|on\\s+\\w+day)\\s+)?(?:with|to)\\b(?!\\s+${AUDIENCE}\\b)(?![^.]*\\b(?:sidelines|in\\s+person|met|meeting|visit)\\b)`,
      'gi',
    ),
    examples: {
      yes: [{ text: 'Secretary Lamy spoke today with Foreign Minister Ortiz.', traits: {} }],
      no: ['Lamy spoke to reporters after the vote.', 'On her visit, Lamy spoke with the mayor.'],
    },
  },

  // "During his visit, X also spoke with A, B and C": in person, the same words report meetings.
  {
    kind: 'meeting',
    shape: 'transitive',
    re: new RegExp(
      `(?<=\\b(?:visit|trip|tour|sidelines|stay)\\b[^.]{0,150})\\b(?:spoke|talked|spoken)\\s+(?:(?:also|separately|later)\\s+)?(?:with|to)\\b(?!\\s+${AUDIENCE}\\b)`,
      'gi',
    ),
    examples: {
      yes: [{ text: 'During her visit to Oslo, the minister also spoke with business leaders.', traits: {} }],
      no: ['On her visit, the minister spoke to reporters.'],
    },
  },

  // Agreements.
  {
    kind: 'agreement',
    shape: 'transitive',
    re: /\b(?:signed|inked|initialled|initialed|sign|signs|ink|exchanged|concluded|put\s+(?:their|his|her)\s+signatures?\s+to)\b(?=[^.;]{0,80}\b(?:agreements?|accords?|memorand(?:um|a)|MoUs?|MOUs?|deals?|treaty|treaties|pacts?|protocols?|declarations?|arrangements?|letters? of intent|documents?)\b)/gi,
    examples: {
      yes: [
        { text: 'The two ministers signed an agreement on fisheries.', traits: {} },
        { text: 'The attorneys general signed two new mutual legal assistance treaties.', traits: {} },
      ],
      no: ['The minister signed the guest book.'],
    },
  },
  {
    kind: 'agreement',
    shape: 'between',
    re: /\b(?:agreement|accord|memorandum of understanding|MoU|MOU|deal|treaty|pact|protocol)\s+(?:was\s+|were\s+)?(?:signed|endorsed|ratified|initialled|initialed)\s+(?:by|between)\b/gi,
    examples: {
      yes: [
        { text: 'An agreement was signed by the two ministers.', traits: {} },
        { text: 'The pact was endorsed by both foreign ministers.', traits: {} },
      ],
      no: ['The agreement was drafted by lawyers.'],
    },
  },
  {
    // "A memorandum of understanding on labour mobility was signed by A and B".
    kind: 'agreement',
    shape: 'between',
    // The lookahead first: the lookbehind reads up to 80 characters back, which is worth doing only where the verb is.
    re: /\b(?=(?:was|were|has|have|had)\s)(?<=\b(?:agreements?|accords?|memorand(?:um|a)|MoUs?|MOUs?|deals?|treaty|treaties|pacts?|protocols?|arrangements?)\b[^.;]{0,80}?)(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:signed|endorsed|ratified)\s+(?:by|between)\b/gi,
    examples: {
      yes: [{ text: 'A memorandum on water sharing was signed by the envoys.', traits: {} }],
      no: ['The letter was signed by the mayor.'],
    },
  },

  // Planned visits and invitations (before plain visits and meetings: "will visit" is not "visited").
  {
    kind: 'planned_visit',
    shape: 'invite',
    re: /\b(?:invited|invites|inviting|extended\s+(?:an|the)\s+invitation\s+to)\b(?=[^.;]{0,120}\bto\s+(?:visit|travel\s+to|come\s+to|pay\s+(?:a|an)\s+[\w\s-]{0,20}visit))/gi,
    examples: {
      yes: [{ text: 'Ortiz invited Lamy to visit Madrid.', traits: {} }],
      no: ['Ortiz invited questions from the press.'],
    },
  },
  {
    kind: 'planned_visit',
    shape: 'planned',
    re: /\b(?:will|would|shall|is\s+to|are\s+to|plans?\s+to|planning\s+to|intends?\s+to|expected\s+to|scheduled\s+to|set\s+to|due\s+to|likely\s+to|agreed\s+to|promised\s+to|announced\s+(?:that\s+)?(?:he|she)\s+would)\s+(?:soon\s+|also\s+|shortly\s+)?(?:visit|travel\s+(?:on\s+)?to|(?:pay|undertake|make)\s+(?:a|an|his|her)\s+[\w\s-]{0,25}?visit\s+to)\b/gi,
    read: wordTraits,
    examples: {
      yes: [
        { text: 'The minister will visit Ankara next month.', traits: { future: true } },
        { text: 'She is expected to travel to Seoul in June.', traits: {} },
      ],
      no: ['The minister visited Ankara last month.'],
    },
  },
  {
    kind: 'planned_visit',
    shape: 'planned',
    re: /\b(?:looks?|looked|looking)\s+forward\s+to\s+(?:visiting|travell?ing\s+to)\b/gi,
    examples: {
      yes: [{ text: 'He said he looked forward to visiting Lima.', traits: {} }],
      no: ['He looked forward to the talks.'],
    },
  },
  {
    kind: 'planned_visit',
    shape: 'planned',
    re: /\baccepted\s+(?:the|an|his|her|their)\s+invitation\s+to\s+visit\b/gi,
    examples: {
      yes: [{ text: 'The president accepted the invitation to visit Hanoi.', traits: {} }],
      no: ['The president declined the invitation to visit Hanoi.'],
    },
  },
  {
    kind: 'planned_visit',
    shape: 'planned',
    re: /\b(?:upcoming|forthcoming|planned|proposed|expected|scheduled|next)\s+(?:official\s+|state\s+|first\s+)?visit\s+(?:to|of)\b/gi,
    examples: {
      yes: [{ text: 'Preparations for the upcoming visit to Cairo began.', traits: {} }],
      no: ['After the recent visit to Cairo, talks resumed.'],
    },
  },

  // Meetings.
  {
    kind: 'meeting',
    shape: 'between',
    // "a meeting on Tuesday in Algiers between X and Y": a day and a place may come between.
    re: new RegExp(
      `\\b${TALK}\\s+(?:(?:on|in|at|last|this)\\s+[\\w'’-]+\\s+){0,3}(?:was\\s+held\\s+|were\\s+held\\s+|held\\s+)?between\\b`,
      'gi',
    ),
    read: wordTraits,
    examples: {
      yes: [
        { text: 'Talks between the foreign ministers resumed.', traits: {} },
        {
          text: 'A meeting on Tuesday in Algiers between the two ministers focused on gas.',
          traits: { namesGathering: true, venue: 'Algiers' },
        },
      ],
      no: ['There is little trust between the two ministers.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'between',
    re: /\b(?:trilateral|quadrilateral|tripartite|joint|quadripartite)\s+(?:meeting|talks|summit|session)\s+(?:of|with|among)\b/gi,
    read: wordTraits,
    examples: {
      yes: [
        {
          text: 'A trilateral meeting of the foreign ministers was held.',
          traits: { multilateral: true, namesGathering: true },
        },
        { text: 'Joint talks among the three ministers began.', traits: {} },
      ],
      no: ['A bilateral meeting of the ministers was held.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: new RegExp(
      `\\b(?:held|had|holds|hold|holding|having|convened|chaired|co-?chaired)\\s+(?:a|an|the)?\\s*${MODS}${TALK}\\s+with\\b`,
      'gi',
    ),
    read: verbAndWordTraits,
    examples: {
      yes: [
        { text: 'Ortiz held talks with Lamy in Madrid.', traits: { chairs: true } },
        {
          text: 'She chaired a meeting with the governors.',
          traits: { attends: true, multilateral: true, namesGathering: true },
        },
      ],
      no: ['Ortiz held a press event with Lamy.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: new RegExp(`\\b${TALK}\\s+(?:in\\s+[A-Z][\\w-]*\\s+)?with\\b`, 'gi'),
    read: wordTraits,
    examples: {
      yes: [{ text: 'Her talks in Passau with the minister went well.', traits: { venue: 'Passau' } }],
      no: ['Talks about the minister dragged on.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'convene',
    re: new RegExp(
      `\\b(?:chaired|chairs|chairing|chair|co-?chaired|presided\\s+over|presides\\s+over|convened|convenes|hosted|hosts)\\s+(?:a|an|the|today's|this)?\\s*${MODS}${GATHERING}\\b`,
      'gi',
    ),
    traits: { chairs: true, namesGathering: true, multilateral: true },
    read: verbAndWordTraits,
    examples: {
      yes: [
        {
          text: 'The governor chaired a review meeting on security.',
          traits: { chairs: true, namesGathering: true, multilateral: true, attends: true },
        },
        {
          text: 'Japan hosts the summit next week.',
          traits: { chairs: true, namesGathering: true, multilateral: true, hosts: 'subject' },
        },
      ],
      no: ['She chaired the party for a decade.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'convene',
    re: /\b(?:council|conference|committee|summit|assembly|forum|ministers|leaders|delegates)\s+(?:(?:also|again|formally)\s+)?(?:convened|met|gathered|assembled)\b/gi,
    traits: { chairs: true, namesGathering: true, multilateral: true },
    examples: {
      yes: [
        {
          text: 'The council convened in Brussels.',
          traits: { chairs: true, namesGathering: true, multilateral: true },
        },
      ],
      no: ['The council postponed its vote.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:met|meets|meet)\s+(?:with\s+)?/g,
    examples: {
      yes: [{ text: 'Ortiz met Lamy in Madrid.', traits: {} }],
      no: ['A metal gate closed.'],
    },
  },
  // "X said after meeting his Belgian counterpart": a gerund after a conjunction.
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:after|before|while|when|upon|on)\s+(?:meeting|receiving|hosting)\s+(?:with\s+)?(?=[A-Z]|his\b|her\b|the\b)/g,
    examples: {
      yes: [{ text: 'He spoke after meeting the Belgian minister.', traits: {} }],
      no: ['He rested after meeting.'],
    },
  },
  // "X paid a courtesy call on Y": a call in person, not on the phone.
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:paid|pays|paying|made|makes)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?call\s+(?:on|upon)\b|\bcourtesy\s+(?:call|visit)\s+(?:on|upon|to)\b/gi,
    read: wordTraits,
    examples: {
      yes: [{ text: 'The envoy paid a courtesy call on the governor.', traits: {} }],
      no: ['The envoy paid a phone bill.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:called|calls|calling)\s+(?:on|upon)\b/gi,
    traits: { hosts: 'object' },
    examples: {
      yes: [{ text: 'The ambassador called on the prime minister.', traits: { hosts: 'object' } }],
      no: ['The ambassador called for restraint.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:received|receives|receiving|hosted|hosts|hosting|welcomed|welcomes)\b/g,
    traits: { hosts: 'subject' },
    examples: {
      yes: [{ text: 'The president received the visiting envoy.', traits: { hosts: 'subject' } }],
      no: ["The president's reception was brief."],
    },
  },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:sat\s+down\s+with|conferred\s+with|huddled\s+with)\b/gi,
    examples: {
      yes: [{ text: 'She sat down with union leaders.', traits: {} }],
      no: ['She sat down alone.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:trilateral|quadrilateral|tripartite|bilateral)\s+(?:meeting|talks|summit)\b/gi,
    read: wordTraits,
    examples: {
      yes: [
        { text: 'They held a trilateral summit on Friday.', traits: { multilateral: true } },
        { text: 'A bilateral meeting followed.', traits: { namesGathering: true } },
      ],
      no: ['A unilateral move followed.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:held|hold|holds|had)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:meeting|talks|discussions|consultations)\b/gi,
    traits: { chairs: true },
    read: wordTraits,
    examples: {
      yes: [
        { text: 'The ministers held a meeting on Monday.', traits: { chairs: true, namesGathering: true } },
        { text: 'The ministers had talks on Monday.', traits: { chairs: true } },
      ],
      no: ['The ministers held a rally on Monday.'],
    },
  },

  // "The session, chaired by X, …": the chair of a multi-party meeting.
  {
    kind: 'meeting',
    shape: 'between',
    re: /\b(?:chaired|presided\s+over|co-?chaired)\s+by\b/gi,
    traits: { attends: true, multilateral: true },
    examples: {
      yes: [
        { text: 'The session, chaired by the governor, ended early.', traits: { attends: true, multilateral: true } },
      ],
      no: ['The session, opened by the governor, ended early.'],
    },
  },
  // "The meeting was attended by A; B; and C": a list of members.
  {
    kind: 'meeting',
    shape: 'between',
    re: /\battended\s+by\b/gi,
    traits: { attends: true, multilateral: true, memberList: true },
    examples: {
      yes: [
        {
          text: 'The meeting was attended by three ambassadors.',
          traits: { attends: true, multilateral: true, memberList: true },
        },
      ],
      no: ['The meeting was attended to quickly.'],
    },
  },

  // Delegations named after the meeting: "X was joined by A and B", "the talks also included A", "the Chilean
  // delegation was made up of A; B". They join the meeting just reported.
  {
    kind: 'meeting',
    shape: 'between',
    re: /\b(?:was|were)\s+(?:also\s+)?(?:joined|accompanied|flanked|assisted)\s+by\b|\b(?:meeting|talks|session|discussions|consultations|delegations?|side)\s+(?:also\s+)?(?:included|involved|comprised|consisted\s+of|(?:was|were)\s+(?:made\s+up|composed)\s+of)\b/gi,
    traits: { attends: true, memberList: true },
    examples: {
      yes: [
        { text: 'The minister was joined by his deputy.', traits: { attends: true, memberList: true } },
        { text: 'The delegation included two generals.', traits: { attends: true, memberList: true } },
      ],
      no: ['The minister was thanked by his deputy.'],
    },
  },
  // "A, B and C joined Secretary X for the meeting": everyone in the clause takes part.
  {
    kind: 'meeting',
    shape: 'transitive',
    re: new RegExp(`\\b(?:also\\s+)?joined\\b(?=[^.;]{0,120}?\\bfor\\s+(?:the|this|their)\\s+${MODS}${TALK}\\b)`, 'gi'),
    traits: { attends: true },
    examples: {
      yes: [{ text: 'Two generals joined the minister for the talks.', traits: { attends: true } }],
      no: ['Two generals joined the army in 1990.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'lead',
    re: /\b(?:delegation|team|side)\s+(?:was\s+|were\s+)?(?:led|headed)\s+by\b|\b(?:was|were)\s+represented\s+by\b|\b(?:led|headed)\s+(?:the|a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?(?:delegation|team|side)\b/gi,
    traits: { attends: true },
    read: wordTraits,
    examples: {
      yes: [{ text: 'The Indian delegation was led by the home secretary.', traits: { attends: true } }],
      no: ['The delegation was greeted by the home secretary.'],
    },
  },
  // "The meeting brought together A, B and C": the members are named after the cue.
  {
    kind: 'meeting',
    shape: 'between',
    re: /\b(?:brought|brings|bringing)\s+together\b|\b(?:meeting|talks|session|conference|summit)\s+(?:was\s+|were\s+)?(?:also\s+)?(?:gathered|assembled)\b/gi,
    read: wordTraits,
    examples: {
      yes: [
        { text: 'The forum brought together ministers from six states.', traits: {} },
        { text: 'The summit was gathered in a tent.', traits: { multilateral: true } },
      ],
      no: ['The forum brought new ideas.'],
    },
  },
  {
    kind: 'meeting',
    shape: 'attend',
    re: new RegExp(
      `\\b(?:(?:also\\s+)?(?:attended|attend|attending|took\\s+part|take\\s+part|taking\\s+part|participated|participate|participating)(?:\\s+in)?(?=\\s+(?:the|this|a|an|today's)\\s+${MODS}${GATHERING}\\b|\\s*[.,;]|\\s+(?:as|on|via|virtually|online|remotely|from)\\b)|joined\\s+(?=(?:the|this|a|an|today's)\\s+${MODS}${GATHERING}\\b)|(?:were|was)\\s+(?:also\\s+)?present\\b|(?:were|was)\\s+among\\s+(?:those|the\\s+participants)\\b)`,
      'gi',
    ),
    traits: { attends: true, multilateral: true },
    examples: {
      yes: [
        { text: 'Three governors attended the conference.', traits: { attends: true, multilateral: true } },
        { text: 'The two envoys were also present.', traits: { attends: true, multilateral: true } },
      ],
      no: ['Three governors attended to the wounded.'],
    },
  },

  // Visits.
  {
    kind: 'visit',
    shape: 'visit',
    re: /\b(?:on|during|for)\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,3}?visit\s+to\b/gi,
    read: wordTraits,
    examples: {
      yes: [{ text: 'On a two-day visit to Oslo, the minister met traders.', traits: {} }],
      no: ['On his way to Oslo, the minister met traders.'],
    },
  },
  {
    kind: 'visit',
    shape: 'visit',
    // "the visiting minister" is a person, not a trip.
    re: /\b(?:visited|visits|(?<!\b(?:the|a|an|his|her|their)\s)visiting|toured|arrived\s+in|arrives\s+in|landed\s+in|paid\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?visit)\b/gi,
    read: wordTraits,
    examples: {
      yes: [{ text: 'The minister visited a border post.', traits: {} }],
      no: ['The visiting minister spoke first.'],
    },
  },
  {
    kind: 'visit',
    shape: 'visit',
    re: /\b(?:was|is|were|are)\s+in\s+(?=[A-Z][a-z])/g,
    examples: {
      yes: [{ text: 'The envoy was in Geneva on Monday.', traits: {} }],
      no: ['The envoy was in good health.'],
    },
  },
  {
    kind: 'visit',
    shape: 'transitive',
    re: /\b(?:travell?ed|travels|flew)\s+(?:to\s+[A-Z][\w-]*\s+)?(?:with|alongside)\b/gi,
    examples: {
      yes: [{ text: 'He travelled to Kyiv with the defence minister.', traits: {} }],
      no: ['He travelled alone.'],
    },
  },
  // "went to Madrid yesterday to discuss …", "flew to Rabat on Monday".
  {
    kind: 'visit',
    shape: 'visit',
    re: /\b(?:went|travell?ed|flew|headed|came)\s+to\s+(?=[A-Z][a-z])/g,
    examples: {
      yes: [{ text: 'The minister went to Madrid yesterday.', traits: {} }],
      no: ['The minister went to bed early.'],
    },
  },

  // "Naqvi and Dobrindt on Monday agreed to …": a joint subject reports talks without naming them (last resort).
  {
    kind: 'meeting',
    shape: 'joint',
    re: /\b(?:agreed|agree|discussed|discuss|reviewed|exchanged\s+views|deliberated|reaffirmed|underscored|vowed|pledged|explored)\b/g,
    examples: {
      yes: [{ text: 'Ortiz and Lamy on Monday agreed to expand trade.', traits: {} }],
      no: ['Ortiz and Lamy disagreed.'],
    },
  },

  // Statements. Joint appearances ("a plan presented … by X and Y") count when two officials share them.
  {
    kind: 'statement',
    shape: 'between',
    re: /\b(?:presented|unveiled|launched|announced|outlined)\b(?=[^.;]{0,60}\bby\s+[A-Z])/g,
    examples: {
      yes: [{ text: 'A plan presented on Friday by Ortiz and Lamy won praise.', traits: {} }],
      no: ['A plan presented on Friday drew criticism.'],
    },
  },
  {
    kind: 'statement',
    shape: 'transitive',
    re: /\bjoint\s+(?:press|news)\s+(?:conference|briefing)\b/gi,
    read: wordTraits,
    examples: {
      yes: [
        {
          text: 'At a joint press conference, the two leaders took questions.',
          traits: { multilateral: true, namesGathering: true },
        },
        { text: 'They gave a joint news briefing.', traits: {} },
      ],
      no: ['A joint venture was announced.'],
    },
  },
  // "In a joint statement, A and B said …": the signatories of the statement, on either side of the cue.
  {
    kind: 'statement',
    shape: 'between',
    re: /\bjoint\s+(?:statement|declaration|communiqu[eé])\b/gi,
    examples: {
      yes: [{ text: 'In a joint statement, the two ministers condemned the attack.', traits: {} }],
      no: ['The two ministers issued separate statements.'],
    },
  },
  {
    kind: 'statement',
    shape: 'statement',
    re: /\b(?:in\s+a\s+statement|issued\s+a\s+statement|told\s+(?:reporters|journalists|the\s+media|a\s+news\s+conference)|(?:press|news)\s+(?:conference|briefing)|in\s+an\s+interview|addressing\s+(?:a|the)\s+(?:ceremony|conference|seminar|gathering|session))\b/gi,
    read: wordTraits,
    examples: {
      yes: [
        { text: 'The minister told reporters the talks had gone well.', traits: {} },
        {
          text: 'Addressing a conference in Lima, she urged calm.',
          traits: { multilateral: true, namesGathering: true },
        },
      ],
      no: ['The minister told his staff to wait.'],
    },
  },
];

/** The heads of offices that "the …" phrases name ("the Frontex Executive Director", "the visiting minister"). */
const OFFICE_HEADS =
  'high\\s+commissioner|prime\\s+minister|director[\\s-]+general|inspector[\\s-]+general|minister|commissioner|secretary|ambassador|envoy|president|premier|chancellor|chief|director|head|commander|governor|administrator|adviser|advisor|chairman|chairperson';

/** The office word of a "the …" phrase. */
export const ROLE_WORD_RE = new RegExp(`\\b(${OFFICE_HEADS})\\b`, 'i');

export const PRONOUN_SUBJECT_RE = new RegExp(
  `\\b(?:he|she|they|the\\s+(?:(?:[A-Z][\\w.-]*|federal|visiting|interior|foreign|home|external|security)\\s+){0,3}(?:${OFFICE_HEADS}|official))\\b`,
  'i',
);

/** Text that ends a clause: participants are not looked for across it. Case-sensitive: "Al Said" is a name. */
export const RIGHT_BOUNDARY_RE =
  /;|\s[—–]\s|\s--\s|,\s*(?:where|during\s+which|while|whereas|adding|saying|and\s+said|according|who|which|after\s+which)\b|\b[Ii]n\s+the\s+presence\s+of\b|,\s*with\b|\s(?:said|says|told|to\s+discuss|to\s+review|and\s+discussed|and\s+reviewed|where|and\s+agreed|on\s+the\s+(?:directions?|instructions?)\s+of)\b/;

/** The right boundary inside a member list: semicolons separate its items, not clauses. */
export const LIST_RIGHT_BOUNDARY_RE = new RegExp(RIGHT_BOUNDARY_RE.source.replace(/^;\|/, ''));

export const LEFT_BOUNDARY_RE = /;|:\s|\s[—–]\s|\s--\s|,\s*(?:while|whereas|but)\s|\bin\s+the\s+presence\s+of\b/g;

/** Phrases after which an official is a reference, not a participant ("on the directions of Prime Minister X"). */
export const NON_PARTICIPANT_BEFORE_RE =
  /\b(?:directions?|instructions?|behalf|vision|message|greetings|letter|guidance|approval|leadership|government|cabinet|administration|policies|policy|orders?|request|invitation|invite|initiative|efforts|regards|tenure|era|predecessor|successor|statement|remarks|wife|son|daughter)\s+of\s+(?:the\s+)?$|\blate\s+$|\b(?:than|unlike|including)\s+$/i;

/** Phrases for an unnamed counterpart: "his Belgian counterpart", "their EU counterparts". */
export const COUNTERPART_RE = /\b(?:his|her|their|its)\s+([A-Z][A-Za-z]+)\s+counterparts?\b/g;

/** "separate meetings with X and Y" means one engagement per counterpart. */
export const SEPARATE_RE =
  /\bseparate(?:ly)?\b|\bindividual\s+meetings\b|\brespectively\b|\bbilateral\b|\bmeetings\s+with\b/i;

/** "in the presence of X", "witnessed by X": who saw a signing (principals among them take part in it). */
export const WITNESS_RE = /\bin\s+the\s+presence\s+of\b|\bwitnessed\s+by\b|\bunder\s+the\s+auspices\s+of\b/i;

/** "During the meeting, an MoU was signed by …": a signing that took place within the engagement in view. */
export const OCCASION_RE =
  /\b(?:during|at|after|following|at\s+the\s+end\s+of|on\s+the\s+sidelines\s+of)\s+the\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|visit|call|discussions)\b|\bon\s+(?:the|this)\s+occasion\b/i;

/** "X and Y witnessed the signing": the officials on the left saw a signing. */
export const WITNESSED_RE = /\b(?:witnessed|witness|witnessing)\s+(?:the|this)\s+(?:signing|exchange|ceremony)\b/i;

/** A principal's office: a minister, head of state or government (not a deputy, a secretary or an ambassador). */
export const PRINCIPAL_ROLE_RE =
  /\b(?:minister|president|prime\s+minister|premier|chancellor|king|queen|emir|amir|sultan|crown\s+prince|secretary\s+of\s+state|home\s+secretary|foreign\s+secretary|cabinet\s+secretary|commissioner)\b/i;

/** Offices that are below a principal even when they contain a principal's word ("Deputy Minister"). */
export const SUBORDINATE_ROLE_RE =
  /^(?:deputy|vice|assistant|junior|acting|under-?|state\s+minister|minister\s+of\s+state|parliamentary|permanent|principal|special|chief\s+of\s+staff)/i;

/** A sentence about who made up the sides of the meeting just reported, even without naming the meeting. */
export const DELEGATION_RE =
  /\b(?:was|were)\s+(?:also\s+)?(?:joined|accompanied|flanked|assisted)\s+by\b|\bjoined\b[^.;]{0,120}?\bfor\s+(?:the|this|their)\b|\bdelegations?\b/i;

/** "during the meeting", "the two sides": the sentence continues the engagement being reported. */
export const ANAPHOR_RE = new RegExp(
  `\\b(?:the|this|that|today's|the\\s+day's)\\s+${MODS}${TALK}\\b|\\b(?:both|the\\s+two)\\s+(?:sides|ministers|leaders|officials|countries|parties|delegations|interior\\s+ministers|foreign\\s+ministers)\\b|\\b(?:the|this|that)\\s+${MODS}(?:call|visit)\\b`,
  'i',
);

/** A group named instead of its members: "the two ministers", "both sides", "the four". */
export const GROUP_SUBJECT_RE =
  /\b(?:the\s+(?:two|three|four|five)(?:\s+(?:ministers|sides|leaders|officials|delegations))?|both\s+(?:ministers|sides|leaders|officials)|the\s+(?:ministers|delegations|leaders))\b/i;

/** A future or agreed-upon engagement ("will meet", "agreed to meet"), which never merges with a past one. */
export const FUTURE_RE =
  /\b(?:will|would|shall|to|plans?\s+to|expected\s+to|scheduled\s+to|set\s+to|due\s+to)\s+(?:\w+\s+){0,2}$/i;
