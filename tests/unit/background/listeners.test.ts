import { describe, expect, it, vi } from 'vitest';
import { commandHandler, MENU_SAVE_PASSAGE, menuClickHandler } from '../../../lib/background/main';

describe('context menu and keyboard commands', () => {
  it.each([
    [{ menuItemId: MENU_SAVE_PASSAGE }, { id: 4 }, [[4, 'saveSelection']]],
    [{ menuItemId: 'someone-elses-item' }, { id: 4 }, []],
    [{ menuItemId: MENU_SAVE_PASSAGE }, undefined, []],
  ])('menu click %j in tab %j sends %j', (info, tab, calls) => {
    const send = vi.fn(async () => null);
    menuClickHandler(send)(info, tab);
    expect(send.mock.calls).toEqual(calls);
  });

  it.each([
    ['save-passage', { id: 2 }, [[2, 'saveSelection']]],
    ['toggle-marks', { id: 2 }, [[2, 'toggleMarks']]],
    ['save-passage', undefined, [[9, 'saveSelection']]],
    ['unknown-command', { id: 2 }, []],
  ])('command %s in tab %j sends %j', async (command, tab, calls) => {
    const send = vi.fn(async () => null);
    await commandHandler(send, async () => 9)(command, tab);
    expect(send.mock.calls).toEqual(calls);
  });
});
