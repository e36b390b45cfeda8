/**
 * What a block's class and id say about it, as data. The first four hints are Readability's own (the background
 * reads the article with Readability, so the marks should agree with what it extracts); the others name the
 * kinds of block inside a story that are not its text, which Readability keeps but a reader never reads as the
 * story. Each hint carries class/id strings it must and must not match; one table test walks them all.
 */
export interface BlockHint {
  pattern: RegExp;
  /** What the hint means for the block carrying it. */
  why: string;
  matches: string[];
  misses: string[];
}

/** Blocks that are never the article, when nothing in their name says "content" (see `maybeContent`). */
export const UNLIKELY: BlockHint = {
  pattern:
    /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i,
  why: 'page furniture: menus, comments, related links, footers',
  matches: ['site-footer', 'comments-list', 'related-stories', 'main-menu', 'social-links'],
  misses: ['story-body', 'article-text', 'lede'],
};

/** Rescues an unlikely-looking block whose name also says it holds the content. */
export const MAYBE_CONTENT: BlockHint = {
  pattern: /and|article|body|column|content|main|shadow/i,
  why: 'a container of the content despite an unlikely word in its name',
  matches: ['article-header', 'main-column', 'content-footer'],
  misses: ['site-footer', 'comments'],
};

/** Adds weight to a candidate for the article. */
export const POSITIVE: BlockHint = {
  pattern: /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i,
  why: 'names the story or its text',
  matches: ['article-body', 'story', 'entry-content', 'post-text'],
  misses: ['sidebar', 'promo-box'],
};

/** Takes weight from a candidate, and removes a block inside the article that carries it. */
export const NEGATIVE: BlockHint = {
  pattern:
    /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i,
  why: 'promotion, sharing, metadata or media around the story',
  matches: ['promo', 'share-tools', 'article-meta', 'media-wrapper', 'tags'],
  misses: ['story-body', 'paragraph'],
};

/** Readability's byline: taken out of the article's text when short. */
export const BYLINE: BlockHint = {
  pattern: /byline|author|dateline|writtenby|p-author/i,
  why: "the author's name and the date, not the story",
  matches: ['byline', 'author-name', 'story-dateline'],
  misses: ['story-body', 'headline'],
};

/** Sharing buttons (only when short: a story's container may carry "share" in a long class list). */
export const SHARE: BlockHint = {
  pattern: /(\b|_)(share|sharedaddy)(\b|_)/i,
  why: 'sharing buttons',
  matches: ['share', 'post_share_bar', 'sharedaddy'],
  misses: ['shareholders', 'timeshare'],
};

/** Blocks inside a story that are not its text (beyond Readability's lists). */
export const NOT_STORY: BlockHint = {
  pattern:
    /caption|credit|gallery|carousel|slideshow|lightbox|newsletter|subscribe|signup|sign-up|recirc|recommend|read-?more|more-?(stories|news|on)|also-?read|see-?also|most-?(read|popular|viewed)|trending|(^|[-_ ])(bio|promo|teaser|toolbar|tools|timestamp)([-_ ]|$)|author-?(bio|info|box|card)|about-?the-?author|video-?player|sr-only|visually-?hidden|screen-?reader|off-?screen/i,
  why: 'captions, galleries, newsletters, recommendations, author bios, tool bars and text meant only for screen readers',
  matches: [
    'image-caption',
    'photo-credit',
    'gallery-strip',
    'newsletter-signup',
    'read-more-links',
    'more-stories',
    'author-bio',
    'story-tools',
    'trending-now',
    'sr-only',
    'visually-hidden',
  ],
  misses: ['story-body', 'article-text', 'biography-text', 'lede', 'paragraph'],
};

export const BLOCK_HINTS: Record<string, BlockHint> = {
  UNLIKELY,
  MAYBE_CONTENT,
  POSITIVE,
  NEGATIVE,
  BYLINE,
  SHARE,
  NOT_STORY,
};

/** Roles of page furniture (Readability's list). */
export const UNLIKELY_ROLES: ReadonlySet<string> = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
]);
