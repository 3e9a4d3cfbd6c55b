import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE, KEYS, openSmallShop } from './frames.tsx';

const frame = (name: string) => join(FIXTURE, 'frames', `${name}.txt`);
const lines = (text: string, from: number, to: number) => text.split('\n').slice(from, to);
const status = (text: string) => text.split('\n').at(-3);

describe('editing the plan by hand', () => {
  it('moves a file: picker ranked by dependencies, then the live metric deltas', async () => {
    const ui = await openSmallShop();
    await ui.press('3');
    await expect(await ui.press('m')).toMatchFileSnapshot(frame('move-picker'));
    await expect(await ui.press(KEYS.enter)).toMatchFileSnapshot(frame('move-done'));
  });

  it('filters the picker by typing, and Esc leaves the plan alone', async () => {
    const ui = await openSmallShop();
    const picker = await ui.press('3', 'm', 'p', 'a', 'y');
    expect(lines(picker, 2, 6)).toEqual(['Move tracking.ts to:', '  filter: pay_', '> payments', '']);
    expect(status(await ui.press(KEYS.escape))).toBe('');
    expect(ui.frame()).not.toContain('unsaved');
  });

  it('moves a whole folder', async () => {
    const ui = await openSmallShop();
    const picker = await ui.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter, 'f');
    expect(lines(picker, 2, 3)).toEqual(['Move src/shipping/ (3 files) to:']);
    await expect(await ui.press(KEYS.down, KEYS.enter)).toMatchFileSnapshot(frame('move-folder-done'));
  });

  it('sends a file to the shared group, and pins and unpins one', async () => {
    const ui = await openSmallShop();
    await ui.press(KEYS.enter);
    await expect(await ui.press('x')).toMatchFileSnapshot(frame('to-shared'));
    const pinned = await ui.press('p');
    await expect(pinned).toMatchFileSnapshot(frame('pin'));
    expect(status(pinned)).toBe('pinned inventory.ts  Q 0.317  ICP 33.3%  coupling 0.588  cycles 1');
    expect(pinned).toContain('> src/catalog/inventory.ts                                         pin      1.00');
    expect(status(await ui.press('p'))).toBe('unpinned inventory.ts  Q 0.317  ICP 33.3%  coupling 0.588  cycles 1');
  });

  it('accepts the suggested service of a file to review', async () => {
    const ui = await openSmallShop();
    const accepted = await ui.press('3', 'a');
    await expect(accepted).toMatchFileSnapshot(frame('accept'));
    expect(status(accepted)).toMatch(/^moved tracking\.ts to orders {2}Q 0\.387→0\.364 ✗/);
    expect(lines(accepted, 1, 4)).toEqual([
      ' 1 Services (4)   2 Shared (2)  [3 Review (0)]          1 unsaved edit · w saves',
      '  FILE                              IN                  CONF  SUGGESTED',
      '  nothing to review: every file is above 0.60 confidence or pinned',
    ]);
  });

  it('merges two services, and splits the merged one back', async () => {
    const ui = await openSmallShop();
    await ui.press('M');
    await expect(await ui.press(KEYS.down)).toMatchFileSnapshot(frame('merge-picker'));
    await expect(await ui.press(KEYS.enter)).toMatchFileSnapshot(frame('merge-done'));
    await expect(await ui.press(KEYS.down, KEYS.down, 's')).toMatchFileSnapshot(frame('split-done'));
  });

  it('says so when a service does not split', async () => {
    const ui = await openSmallShop();
    await ui.press(KEYS.enter, 'j', 'm', KEYS.down, KEYS.down, KEYS.enter, KEYS.escape);
    await ui.press(KEYS.enter, 'm', KEYS.down, KEYS.enter, KEYS.escape);
    expect(status(await ui.press('s'))).toBe("! 'catalog' does not split: its 1 files form one tight group.");
  });

  it('renames a service, with backspace in the prompt', async () => {
    const ui = await openSmallShop();
    const prompt = await ui.press(
      KEYS.down,
      KEYS.down,
      KEYS.down,
      'r',
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
      'p',
      'p',
      'e',
      'd',
    );
    expect(lines(prompt, 2, 4)).toEqual(['Rename shipping to:', '  shipped_']);
    await expect(prompt).toMatchFileSnapshot(frame('rename-prompt'));
    const renamed = await ui.press(KEYS.enter);
    await expect(renamed).toMatchFileSnapshot(frame('rename-done'));
    expect(status(renamed)).toBe('renamed shipping to shipped  Q 0.387  ICP 30.0%  coupling 0.525  cycles 1');
    expect(renamed).toContain('> shipped ↻ ');
  });

  it('moves a file into a new service named on the spot', async () => {
    const ui = await openSmallShop();
    await ui.press('3', 'm', 'n', 'e', 'w', KEYS.enter);
    for (const key of 'tracking') await ui.press(key);
    await expect(await ui.press(KEYS.enter)).toMatchFileSnapshot(frame('new-service-done'));
  });

  it('undoes and redoes, with the deltas each way', async () => {
    const ui = await openSmallShop();
    const original = ui.frame();
    await ui.press('3', 'a');
    const undone = await ui.press('u');
    await expect(undone).toMatchFileSnapshot(frame('undo'));
    expect(status(undone)).toBe('undone: moved tracking.ts to orders  Q 0.364→0.387 ✓  coupling 0.545→0.525 ✓');
    expect(status(await ui.press('u'))).toBe('nothing to undo');
    const redone = await ui.press('U');
    await expect(redone).toMatchFileSnapshot(frame('redo'));
    expect(status(redone)).toBe('redone: moved tracking.ts to orders  Q 0.387→0.364 ✗  coupling 0.525→0.545 ✗');
    await ui.press('u', '1');
    expect(lines(ui.frame(), 2, 8)).toEqual(lines(original, 2, 8));
  });

  it('saves on w, and the unsaved marker goes', async () => {
    const ui = await openSmallShop();
    await ui.press('3', 'a');
    const saved = await ui.press('w');
    await expect(saved).toMatchFileSnapshot(frame('save'));
    expect(status(saved)).toBe('saved to seams.plan.json');
    expect(saved).not.toContain('unsaved');
    expect(ui.saves).toHaveLength(1);
    expect(ui.saves[0]!.services.find((s) => s.id === 'orders')!.files).toContain('src/shipping/tracking.ts');
    expect(ui.saves[0]!.pinned).toEqual(['src/shipping/tracking.ts']);
  });

  it('asks before quitting with unsaved edits: y saves then quits, n quits, Esc stays', async () => {
    const ui = await openSmallShop();
    await ui.press('3', 'a');
    await expect(await ui.press('q')).toMatchFileSnapshot(frame('quit-confirm'));
    expect(await ui.press(KEYS.escape)).toContain('1 unsaved edit');
    expect(ui.exited()).toBe(false);
    await ui.press('q', 'y');
    expect(ui.saves).toHaveLength(1);
    expect(ui.exited()).toBe(true);

    const other = await openSmallShop();
    await other.press('3', 'a', 'q', 'n');
    expect(other.saves).toHaveLength(0);
    expect(other.exited()).toBe(true);
  });

  it('quits at once when everything is saved, and counts a new plan as unsaved', async () => {
    const ui = await openSmallShop();
    await ui.press('q');
    expect(ui.exited()).toBe(true);
    const fresh = await openSmallShop({ saved: false });
    expect(fresh.frame().split('\n')[1]).toContain('new plan, not saved yet · w saves');
    expect(await fresh.press('q')).toContain('Quit? New plan, not saved yet.');
  });
});

describe("a service's public entries", () => {
  it('marks a file as an entry on the service page, undoes and redoes it, and saves it in the plan', async () => {
    const ui = await openSmallShop();
    await ui.press(KEYS.down, KEYS.enter);
    const marked = await ui.press('e');
    await expect(marked).toMatchFileSnapshot(frame('entry'));
    expect(status(marked)).toBe('made index.ts an entry of orders  Q 0.387  ICP 30.0%  coupling 0.525  cycles 1');
    expect(lines(await ui.press('u'), 3, 7)).toEqual([
      'in from 2 · out to 2 services · 3 API names · no entries',
      '[Files]  API   Dependencies    (Tab)',
      '  FILE                                                       ENTRY PIN      CONF',
      '> src/orders/index.ts                                                       1.00',
    ]);
    await ui.press('U', 'w');
    expect(ui.saves.map((plan) => plan.services.find((s) => s.id === 'orders')!.public)).toEqual([
      ['src/orders/index.ts'],
    ]);
  });

  it('marks the file of a name on the API part, and shows it on the file page', async () => {
    const ui = await openSmallShop();
    const api = await ui.press(KEYS.down, KEYS.enter, KEYS.tab, KEYS.down, 'e');
    expect(lines(api, 3, 10)).toEqual([
      'in from 2 · out to 2 services · 3 API names · 1 entry',
      ' Files  [API]  Dependencies    (Tab)',
      '  FILE#NAME USED BY OTHER SERVICES                                        ENTRY',
      '  src/orders/order-service.ts#markShipped',
      '> src/orders/order.ts#Order                                               entry',
      '  src/orders/order.ts#orderTotal                                          entry',
      '',
    ]);
    const file = await ui.press(KEYS.tab, KEYS.tab, KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    expect(lines(file, 1, 4)).toEqual([
      'services › orders › order.ts                            1 unsaved edit · w saves',
      'src/orders/order.ts',
      'in orders · entry · confidence 0.70 · not pinned',
    ]);
    expect(status(await ui.press('e'))).toMatch(/^order\.ts is no longer an entry of orders /);
  });

  it('says why it leaves a file alone: a glob makes it an entry, or it is shared', async () => {
    const ui = await openSmallShop({
      edit: (plan) => ({
        ...plan,
        services: plan.services.map((s) => (s.id === 'orders' ? { ...s, public: ['src/orders/*.ts'] } : s)),
      }),
    });
    const refused = await ui.press(KEYS.down, KEYS.enter, 'e');
    expect(status(refused)).toBe("an entry through 'src/orders/*.ts': edit that pattern in the plan to change it");
    expect(lines(refused, 3, 4)).toEqual(['in from 2 · out to 2 services · 3 API names · 4 entries']);
    expect(refused).not.toContain('unsaved');
    expect(status(await ui.press('2', 'e'))).toBe('a file of the shared group is open to every service already');
  });
});
