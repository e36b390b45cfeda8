/**
 * The words that signal an engagement, as data. Each cue says what kind of engagement it signals and how the
 * officials around it take part (its "shape"); `kinds.ts` finds them in a sentence and the engagement
 * builder reads participants off the shape.
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

export interface Cue {
  kind: EngagementKind;
  shape: CueShape;
  re: RegExp;
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
  },
  {
    kind: 'call',
    shape: 'transitive',
    re: new RegExp(
      `\\b(?:held|had|made|received|holds|makes|receives)\\s+(?:a|an)\\s+${MODS}${PHONE}\\s+(?:call|conversation)\\b`,
      'gi',
    ),
  },
  {
    kind: 'call',
    shape: 'between',
    re: new RegExp(`\\b${PHONE}\\s+${MODS}(?:call|conversation|talks?|contact|conference)\\s+between\\b`, 'gi'),
  },
  {
    kind: 'call',
    shape: 'transitive',
    re: new RegExp(
      `\\b${PHONE}\\s+${MODS}(?:call|conversation|talks?|contact|conference|meeting)\\s+(?:with|from|to)\\b`,
      'gi',
    ),
  },
  {
    kind: 'call',
    shape: 'transitive',
    re: /\bspoke\s+(?:by|over\s+the|on\s+the|via)\s+(?:tele)?phone\b(?:\s+(?:with|to)\b)?/gi,
  },
  {
    kind: 'call',
    shape: 'transitive',
    re: /\b(?:spoke|talked|spoken)\s+(?:with|to)\b(?=[^.]{0,120}\b(?:by|over\s+the|on\s+the|via)\s+(?:tele)?phone\b)/gi,
  },
  { kind: 'call', shape: 'transitive', re: /\b(?:telephoned|phoned|dialled|dialed)\b/gi },
  // Readouts: "Secretary X spoke today with Foreign Minister Y", "X's call with Y", "X held a call with Y".
  {
    kind: 'call',
    shape: 'transitive',
    re: /\b(?:held|had|holds|has|made|hold|have)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?call\s+with\b|['’]s\s+(?:[\w-]+\s+)?call\s+with\b/gi,
  },
  {
    kind: 'call',
    shape: 'transitive',
    re: new RegExp(
      `(?<!\\b(?:visit|trip|tour|sidelines|stay)\\b[^.]{0,150})\\b(?:spoke|speaks|talked|spoken)\\s+(?:(?:today|yesterday|again|separately|on\\s+\\w+day)\\s+)?(?:with|to)\\b(?!\\s+${AUDIENCE}\\b)(?![^.]*\\b(?:sidelines|in\\s+person|met|meeting|visit)\\b)`,
      'gi',
    ),
  },

  // "During his visit, X also spoke with A, B and C": in person, the same words report meetings.
  {
    kind: 'meeting',
    shape: 'transitive',
    re: new RegExp(
      `(?<=\\b(?:visit|trip|tour|sidelines|stay)\\b[^.]{0,150})\\b(?:spoke|talked|spoken)\\s+(?:(?:also|separately|later)\\s+)?(?:with|to)\\b(?!\\s+${AUDIENCE}\\b)`,
      'gi',
    ),
  },

  // Agreements.
  {
    kind: 'agreement',
    shape: 'transitive',
    re: /\b(?:signed|inked|initialled|initialed|sign|signs|ink|exchanged|concluded|put\s+(?:their|his|her)\s+signatures?\s+to)\b(?=[^.;]{0,80}\b(?:agreement|accord|memorandum|MoUs?|MOUs?|deal|treaty|pact|protocol|declaration|arrangement|letter of intent|documents?)\b)/gi,
  },
  {
    kind: 'agreement',
    shape: 'between',
    re: /\b(?:agreement|accord|memorandum of understanding|MoU|MOU|deal|treaty|pact|protocol)\s+(?:was\s+|were\s+)?signed\s+(?:by|between)\b/gi,
  },
  {
    // "A memorandum of understanding on labour mobility was signed by A and B".
    kind: 'agreement',
    shape: 'between',
    // The lookahead first: the lookbehind reads up to 80 characters back, which is worth doing only where the verb is.
    re: /\b(?=(?:was|were|has|have|had)\s)(?<=\b(?:agreements?|accords?|memorand(?:um|a)|MoUs?|MOUs?|deals?|treaty|treaties|pacts?|protocols?|arrangements?)\b[^.;]{0,80}?)(?:was|were|has\s+been|have\s+been|had\s+been)\s+signed\s+(?:by|between)\b/gi,
  },

  // Planned visits and invitations (before plain visits and meetings: "will visit" is not "visited").
  {
    kind: 'planned_visit',
    shape: 'invite',
    re: /\b(?:invited|invites|inviting|extended\s+(?:an|the)\s+invitation\s+to)\b(?=[^.;]{0,120}\bto\s+(?:visit|travel\s+to|come\s+to|pay\s+(?:a|an)\s+[\w\s-]{0,20}visit))/gi,
  },
  {
    kind: 'planned_visit',
    shape: 'planned',
    re: /\b(?:will|would|shall|is\s+to|are\s+to|plans?\s+to|planning\s+to|intends?\s+to|expected\s+to|scheduled\s+to|set\s+to|due\s+to|likely\s+to|agreed\s+to|promised\s+to|announced\s+(?:that\s+)?(?:he|she)\s+would)\s+(?:soon\s+|also\s+|shortly\s+)?(?:visit|travel\s+(?:on\s+)?to|(?:pay|undertake|make)\s+(?:a|an|his|her)\s+[\w\s-]{0,25}?visit\s+to)\b/gi,
  },
  {
    kind: 'planned_visit',
    shape: 'planned',
    re: /\b(?:looks?|looked|looking)\s+forward\s+to\s+(?:visiting|travell?ing\s+to)\b/gi,
  },
  {
    kind: 'planned_visit',
    shape: 'planned',
    re: /\baccepted\s+(?:the|an|his|her|their)\s+invitation\s+to\s+visit\b/gi,
  },
  {
    kind: 'planned_visit',
    shape: 'planned',
    re: /\b(?:upcoming|forthcoming|planned|proposed|expected|scheduled|next)\s+(?:official\s+|state\s+|first\s+)?visit\s+(?:to|of)\b/gi,
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
  },
  {
    kind: 'meeting',
    shape: 'between',
    re: /\b(?:trilateral|quadrilateral|tripartite|joint|quadripartite)\s+(?:meeting|talks|summit|session)\s+(?:of|with|among)\b/gi,
  },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: new RegExp(
      `\\b(?:held|had|holds|hold|holding|having|convened|chaired|co-?chaired)\\s+(?:a|an|the)?\\s*${MODS}${TALK}\\s+with\\b`,
      'gi',
    ),
  },
  { kind: 'meeting', shape: 'transitive', re: new RegExp(`\\b${TALK}\\s+(?:in\\s+[A-Z][\\w-]*\\s+)?with\\b`, 'gi') },
  {
    kind: 'meeting',
    shape: 'convene',
    re: new RegExp(
      `\\b(?:chaired|chairs|chairing|chair|co-?chaired|presided\\s+over|presides\\s+over|convened|convenes|hosted|hosts)\\s+(?:a|an|the|today's|this)?\\s*${MODS}${GATHERING}\\b`,
      'gi',
    ),
  },
  {
    kind: 'meeting',
    shape: 'convene',
    re: /\b(?:council|conference|committee|summit|assembly|forum|ministers|leaders|delegates)\s+(?:(?:also|again|formally)\s+)?(?:convened|met|gathered|assembled)\b/gi,
  },
  { kind: 'meeting', shape: 'transitive', re: /\b(?:met|meets|meet)\s+(?:with\s+)?/g },
  // "X said after meeting his Belgian counterpart": a gerund after a conjunction.
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:after|before|while|when|upon|on)\s+(?:meeting|receiving|hosting)\s+(?:with\s+)?(?=[A-Z]|his\b|her\b|the\b)/g,
  },
  // "X paid a courtesy call on Y": a call in person, not on the phone.
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:paid|pays|paying|made|makes)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?call\s+(?:on|upon)\b|\bcourtesy\s+(?:call|visit)\s+(?:on|upon|to)\b/gi,
  },
  { kind: 'meeting', shape: 'transitive', re: /\b(?:called|calls|calling)\s+(?:on|upon)\b/gi },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:received|receives|receiving|hosted|hosts|hosting|welcomed|welcomes)\b/g,
  },
  { kind: 'meeting', shape: 'transitive', re: /\b(?:sat\s+down\s+with|conferred\s+with|huddled\s+with)\b/gi },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:trilateral|quadrilateral|tripartite|bilateral)\s+(?:meeting|talks|summit)\b/gi,
  },
  {
    kind: 'meeting',
    shape: 'transitive',
    re: /\b(?:held|hold|holds|had)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:meeting|talks|discussions|consultations)\b/gi,
  },

  { kind: 'meeting', shape: 'between', re: /\b(?:chaired|presided\s+over|co-?chaired|attended)\s+by\b/gi },
  // Delegations named after the meeting: "X was joined by A and B", "the talks also included A", "the Chilean
  // delegation was made up of A; B". They join the meeting just reported.
  {
    kind: 'meeting',
    shape: 'between',
    re: /\b(?:was|were)\s+(?:also\s+)?(?:joined|accompanied|flanked|assisted)\s+by\b|\b(?:meeting|talks|session|discussions|consultations|delegations?|side)\s+(?:also\s+)?(?:included|involved|comprised|consisted\s+of|(?:was|were)\s+(?:made\s+up|composed)\s+of)\b/gi,
  },
  // "A, B and C joined Secretary X for the meeting": everyone in the clause takes part.
  {
    kind: 'meeting',
    shape: 'transitive',
    re: new RegExp(`\\b(?:also\\s+)?joined\\b(?=[^.;]{0,120}?\\bfor\\s+(?:the|this|their)\\s+${MODS}${TALK}\\b)`, 'gi'),
  },
  {
    kind: 'meeting',
    shape: 'lead',
    re: /\b(?:delegation|team|side)\s+(?:was\s+|were\s+)?(?:led|headed)\s+by\b|\b(?:was|were)\s+represented\s+by\b|\b(?:led|headed)\s+(?:the|a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?(?:delegation|team|side)\b/gi,
  },
  // "The meeting brought together A, B and C": the members are named after the cue.
  {
    kind: 'meeting',
    shape: 'between',
    re: /\b(?:brought|brings|bringing)\s+together\b|\b(?:meeting|talks|session|conference|summit)\s+(?:was\s+|were\s+)?(?:also\s+)?(?:gathered|assembled)\b/gi,
  },
  {
    kind: 'meeting',
    shape: 'attend',
    re: new RegExp(
      `\\b(?:(?:also\\s+)?(?:attended|attend|attending|took\\s+part|take\\s+part|taking\\s+part|participated|participate|participating)(?:\\s+in)?(?=\\s+(?:the|this|a|an|today's)\\s+${MODS}${GATHERING}\\b|\\s*[.,;]|\\s+(?:as|on|via|virtually|online|remotely|from)\\b)|joined\\s+(?=(?:the|this|a|an|today's)\\s+${MODS}${GATHERING}\\b)|(?:were|was)\\s+(?:also\\s+)?present\\b|(?:were|was)\\s+among\\s+(?:those|the\\s+participants)\\b)`,
      'gi',
    ),
  },

  // Visits.
  {
    kind: 'visit',
    shape: 'visit',
    re: /\b(?:on|during|for)\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,3}?visit\s+to\b/gi,
  },
  {
    kind: 'visit',
    shape: 'visit',
    // "the visiting minister" is a person, not a trip.
    re: /\b(?:visited|visits|(?<!\b(?:the|a|an|his|her|their)\s)visiting|toured|arrived\s+in|arrives\s+in|landed\s+in|paid\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?visit)\b/gi,
  },
  { kind: 'visit', shape: 'visit', re: /\b(?:was|is|were|are)\s+in\s+(?=[A-Z][a-z])/g },
  {
    kind: 'visit',
    shape: 'transitive',
    re: /\b(?:travell?ed|travels|flew)\s+(?:to\s+[A-Z][\w-]*\s+)?(?:with|alongside)\b/gi,
  },
  // "went to Madrid yesterday to discuss …", "flew to Rabat on Monday".
  { kind: 'visit', shape: 'visit', re: /\b(?:went|travell?ed|flew|headed|came)\s+to\s+(?=[A-Z][a-z])/g },

  // "Naqvi and Dobrindt on Monday agreed to …": a joint subject reports talks without naming them (last resort).
  {
    kind: 'meeting',
    shape: 'joint',
    re: /\b(?:agreed|agree|discussed|discuss|reviewed|exchanged\s+views|deliberated|reaffirmed|underscored|vowed|pledged|explored)\b/g,
  },

  // Statements. Joint appearances ("a plan presented … by X and Y") count when two officials share them.
  {
    kind: 'statement',
    shape: 'between',
    re: /\b(?:presented|unveiled|launched|announced|outlined)\b(?=[^.;]{0,60}\bby\s+[A-Z])/g,
  },
  { kind: 'statement', shape: 'transitive', re: /\bjoint\s+(?:press|news)\s+(?:conference|briefing)\b/gi },
  // "In a joint statement, A and B said …": the signatories of the statement, on either side of the cue.
  { kind: 'statement', shape: 'between', re: /\bjoint\s+(?:statement|declaration|communiqu[eé])\b/gi },
  {
    kind: 'statement',
    shape: 'statement',
    re: /\b(?:in\s+a\s+statement|issued\s+a\s+statement|told\s+(?:reporters|journalists|the\s+media|a\s+news\s+conference)|(?:press|news)\s+(?:conference|briefing)|in\s+an\s+interview|addressing\s+(?:a|the)\s+(?:ceremony|conference|seminar|gathering|session))\b/gi,
  },
];

/** Words after which "he", "she" or "the minister" points back to the article's protagonist. */
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

/** Cues that open a list of members, whose items outlets separate with semicolons ("joined by A; B; and C"). */
export const MEMBER_LIST_CUE_RE =
  /(?:joined|accompanied|flanked|assisted|attended)\s+by|included|involved|comprised|consisted|made\s+up|composed/i;

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

/** Words that make a meeting multilateral (a council, a conference, a chaired meeting): everyone who attends it takes part. */
export const MULTILATERAL_RE =
  /\b(?:council|conference|summit|ministerial|multilateral|trilateral|quadrilateral|assembly|forum|conclave|committee|apex|review\s+meeting|high-level\s+meeting|virtual\s+meeting|roundtable|round-table|plenary|chaired|presided|convened|co-?chaired)\b/i;

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

/** Cue words by which officials join a meeting already reported rather than start one of their own. */
export const ATTENDANCE_CUE_RE =
  /\b(?:attended|chaired|presided|joined|accompanied|flanked|assisted|included|involved|comprised|consisted|made\s+up|composed)\b/i;

/** A sentence about who made up the sides of the meeting just reported, even without naming the meeting. */
export const DELEGATION_RE =
  /\b(?:was|were)\s+(?:also\s+)?(?:joined|accompanied|flanked|assisted)\s+by\b|\bjoined\b[^.;]{0,120}?\bfor\s+(?:the|this|their)\b|\bdelegations?\b/i;

/** "… attended the meeting": the officials named in the clause join the engagement being reported. */
export const ATTEND_RE =
  /\b(?:attended|attending|were\s+(?:also\s+)?present|was\s+(?:also\s+)?present|also\s+participated|took\s+part|accompanied\s+by|joined\s+by|flanked\s+by|assisted\s+by)\b/i;

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
