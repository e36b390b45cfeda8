import { describe, expect, it } from 'vitest';
import { type Box, CARD_GAP, placeCard } from '../../../lib/content/card-place';

const card = { width: 380, height: 204 };
const view = { width: 1200, height: 860 };
const box = (top: number, left: number, bottom: number, right: number): Box => ({ top, left, bottom, right });
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('placeCard', () => {
  it.each([
    // name, the mark's line, its paragraph, the window, where the card goes
    ['room above the mark', box(400, 300, 420, 360), box(300, 200, 600, 900), view, 'above'],
    ['near the top, room beside the paragraph', box(30, 300, 50, 360), box(20, 200, 400, 700), view, 'beside'],
    [
      'near the top, a wide paragraph, room below it',
      box(30, 300, 50, 360),
      box(20, 20, 300, 1180),
      view,
      'below-block',
    ],
    [
      'near the top of a paragraph taller than the window',
      box(30, 300, 50, 360),
      box(20, 20, 2000, 1180),
      view,
      'viewport-bottom',
    ],
    ['a tiny window', box(30, 10, 50, 60), box(20, 0, 2000, 400), { width: 400, height: 300 }, 'below'],
  ] as const)('%s → %s', (_name, line, block, v, where) => {
    const placed = placeCard(line, block, v, card);
    expect(placed.where).toBe(where);
    const rect = box(placed.top, placed.left, placed.top + card.height, placed.left + card.width);
    // Never over the mark.
    expect(overlaps(rect, line)).toBe(false);
    // Never over the rest of the mark's line nor the line after it, unless nothing else fits.
    const rest = box(line.top, line.left, line.bottom + (line.bottom - line.top) * 2, block.right);
    if (where !== 'below') expect(overlaps(rect, rest)).toBe(false);
    // Inside the window when it fits.
    if (v.width >= card.width + 8) {
      expect(rect.left).toBeGreaterThanOrEqual(4);
      expect(rect.right).toBeLessThanOrEqual(v.width - 4);
    }
    if (where === 'above') expect(rect.bottom).toBe(line.top - CARD_GAP);
  });
});
