// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArticle } from '../../../lib/content/article-root';
import { BLOCK_HINTS } from '../../../lib/content/block-hints';
import { buildTextIndex } from '../../../lib/content/text-index';

const FIXTURE = readFileSync(join(import.meta.dirname, '../../fixtures/pages/story-with-rails.html'), 'utf8');

/** The text the content script would mark on a page: the story's parts, without what is not the story. */
function storyText(html: string): string {
  document.open();
  document.write(html);
  document.close();
  return buildTextIndex(document.body, document, findArticle(document)).text;
}

describe('block hints', () => {
  const rows = Object.entries(BLOCK_HINTS).flatMap(([name, hint]) => [
    ...hint.matches.map((s) => [name, s, true] as const),
    ...hint.misses.map((s) => [name, s, false] as const),
  ]);
  it.each(rows)('%s on "%s" → %s', (name, value, expected) => {
    expect(BLOCK_HINTS[name].pattern.test(value)).toBe(expected);
  });
});

describe('findArticle', () => {
  it('marks the story of a page whose <main> also wraps rails, comments and a gallery', () => {
    const text = storyText(FIXTURE);
    expect(text).toContain('Pakistan and Belgium agree to share data on smuggling gangs');
    expect(text).toContain("Pakistan's Interior Minister Mohsin Naqvi");
    expect(text).toContain('Quintin said Belgium would send');
    expect(text).toContain('discussed counterterrorism cooperation');
    expect(text).toContain('meet again in Islamabad');
    // Menus, breadcrumbs, byline, caption, related and link lists, hidden text, gallery, bio, newsletter,
    // comments and the rail all name Italy or Tunisia; the story never does.
    expect(text).not.toMatch(/Italy|Tunisia/);
    expect(text).not.toContain('Our coverage of counterterrorism');
    expect(text).not.toContain('Most read');
  });

  it.each([
    [
      'a story in <main> next to a rail of teasers',
      `<main><div class="content"><h1>Talks on border security</h1>${'<p>The ministers of both countries spoke about border security, visas, and the return of people refused asylum, at length.</p>'.repeat(4)}</div>
       <div class="rail"><div class="teaser"><p>Pakistan: a short teaser for another story, with a link.</p><a href="/x">Read</a></div></div></main>`,
      ['Talks on border security', 'return of people refused asylum'],
      ['teaser'],
    ],
    [
      'paragraphs straight in a div, with a photo credit and a share bar inside',
      `<div id="story"><h1>Pakistan hosts a security dialogue</h1><div class="share-bar"><a href="#">Share</a> <a href="#">Post</a></div>
       <div class="photo-credit">Photo: Pakistan Press Service</div>${'<p>Delegations from several countries met to discuss counter-narcotics and training, among other topics, over two days.</p>'.repeat(3)}</div>
       <div class="more-stories"><p>Another story about Pakistan that only a reader of this rail would see.</p></div>`,
      ['Pakistan hosts a security dialogue', 'counter-narcotics and training'],
      ['Photo:', 'Share', 'only a reader of this rail'],
    ],
    [
      'a page with no article container at all',
      `<div><div><p>Pakistan and Belgium, in a short note, agreed to meet again, the note said, in the spring.</p><p>Both sides, officials said, will review the records exchanged so far, and next steps.</p></div></div>`,
      ['agreed to meet again', 'review the records'],
      [],
    ],
  ])('%s', (_name, html, kept, dropped) => {
    const text = storyText(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`);
    for (const k of kept) expect(text).toContain(k);
    for (const d of dropped) expect(text).not.toContain(d);
  });

  it('leaves out text hidden by the markup and by inline style', () => {
    const text = storyText(
      `<!doctype html><html><body><article><h1>Visible headline of the story</h1>
      ${'<p>Readable text of the story, long enough to count as a paragraph, with a comma.</p>'.repeat(3)}
      <p hidden>Hidden paragraph of the story.</p><p aria-hidden="true">Unspoken paragraph.</p>
      <p style="display:none">Paragraph without a box.</p></article></body></html>`,
    );
    expect(text).toContain('Readable text of the story');
    expect(text).not.toMatch(/Hidden paragraph|Unspoken|without a box/);
  });
});
