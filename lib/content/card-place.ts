/**
 * Where a hover card goes: never over its mark, and never over the text that follows it, which is where the
 * reader's eyes go next (and where the next marks are). Pure: rectangles in, a position out.
 */

export interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

export interface CardPlacement {
  top: number;
  left: number;
  /** Which rule placed it, for tests and for reading the code. */
  where: 'above' | 'beside' | 'below-block' | 'viewport-bottom' | 'below';
}

/** Space kept between the card and what it must not cover, and between the card and the window's edge. */
export const CARD_GAP = 6;
const EDGE = 4;

/**
 * `line`: the box of the mark's line where the reader pointed (its first client rect); `block`: the paragraph
 * holding it. In order: above the mark's line (covering text already read); beside the paragraph; below the
 * paragraph; at the bottom of the window when that is well clear of the mark; below the mark only as a last resort.
 */
export function placeCard(
  line: Box,
  block: Box,
  view: { width: number; height: number },
  card: { width: number; height: number },
): CardPlacement {
  const clampLeft = (left: number) => Math.max(EDGE, Math.min(left, view.width - card.width - EDGE));
  const clampTop = (top: number) => Math.max(EDGE, Math.min(top, view.height - card.height - EDGE));
  const above = line.top - CARD_GAP - card.height;
  if (above >= EDGE) return { top: above, left: clampLeft(line.left), where: 'above' };
  if (view.width - block.right - CARD_GAP - EDGE >= card.width)
    return { top: clampTop(line.top), left: block.right + CARD_GAP, where: 'beside' };
  if (block.left - CARD_GAP - EDGE >= card.width)
    return { top: clampTop(line.top), left: block.left - CARD_GAP - card.width, where: 'beside' };
  const belowBlock = Math.max(block.bottom, line.bottom) + CARD_GAP;
  if (belowBlock + card.height + EDGE <= view.height)
    return { top: belowBlock, left: clampLeft(line.left), where: 'below-block' };
  // A tall paragraph filling the window: keep at least two lines after the mark readable.
  const lineHeight = line.bottom - line.top;
  const bottom = view.height - card.height - EDGE;
  if (bottom >= line.bottom + 2 * lineHeight + CARD_GAP)
    return { top: bottom, left: clampLeft(line.left), where: 'viewport-bottom' };
  return { top: line.bottom + CARD_GAP, left: clampLeft(line.left), where: 'below' };
}
