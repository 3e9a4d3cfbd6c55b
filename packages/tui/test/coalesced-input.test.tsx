import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE, KEYS, openSmallShop } from './frames.tsx';

// Each `press` argument is one write to stdin, so one read for ink: keys repeated fast, typed over
// a slow link or pasted arrive together, and must count one by one.
const frame = (name: string) => join(FIXTURE, 'frames', `${name}.txt`);
const lines = (text: string, from: number, to: number) => text.split('\n').slice(from, to);
const status = (text: string) => text.split('\n').at(-3);
const times = (key: string, n: number) => key.repeat(n);

describe('keys that arrive together', () => {
  it('takes Backspaces that came in one read one by one, and stores no control character', async () => {
    const ui = await openSmallShop();
    const prompt = await ui.press(times(KEYS.down, 3), 'r', times(KEYS.backspace, 5));
    expect(lines(prompt, 2, 4)).toEqual(['Rename shipping to:', '  shi_']);
    const typed = await ui.press('ped', times('\b', 2), 'ped');
    expect(lines(typed, 2, 4)).toEqual(['Rename shipping to:', '  shipped_']);
    await expect(typed).toMatchFileSnapshot(frame('rename-prompt'));
    const renamed = await ui.press(KEYS.enter, 'w');
    expect(ui.saves.map((plan) => plan.services.map((s) => s.name))).toEqual([
      ['catalog', 'orders', 'payments', 'shipped'],
    ]);
    expect(status(renamed)).toBe('saved to seams.plan.json');
  });

  it('empties a name with more Backspaces than it has characters, and then refuses the empty name', async () => {
    const ui = await openSmallShop();
    const prompt = await ui.press('r', times(KEYS.backspace, 20));
    expect(lines(prompt, 2, 4)).toEqual(['Rename catalog to:', '  _']);
    expect(lines(await ui.press(KEYS.enter), 1, 3)).toEqual([
      '[1 Services (4)]  2 Shared (2)   3 Review (1)',
      '  SERVICE                              FILES    LOC COHESION COUPLING  CONF  API',
    ]);
    expect(ui.frame()).not.toContain('unsaved');
  });

  it('takes Tabs that came in one read one by one', async () => {
    const ui = await openSmallShop();
    expect(lines(await ui.press(times(KEYS.tab, 2)), 1, 2)).toEqual([' 1 Services (4)   2 Shared (2)  [3 Review (1)]']);
    await ui.press('1');
    await expect(await ui.press(KEYS.down + KEYS.enter, times(KEYS.tab, 2))).toMatchFileSnapshot(
      frame('service-links'),
    );
    const back = '\u001B[Z';
    expect(lines(await ui.press(back + back), 4, 5)).toEqual(['[Files]  API   Dependencies    (Tab)']);
  });

  it('takes arrows that came in one read one by one', async () => {
    const ui = await openSmallShop();
    const moved = await ui.press(times(KEYS.down, 3) + KEYS.up);
    expect(lines(moved, 3, 7)).toEqual([
      '  catalog                                  3     94     0.50     0.50  1.00    4',
      '  orders ↻                                 4    126     0.33     0.60  0.93    3',
      '> payments                                 3    105     0.33     0.33  0.93    0',
      '  shipping ↻                               3    118     0.33     0.67  0.85    1',
    ]);
  });

  it('types a paste into the filter key by key, and its Enter confirms', async () => {
    const ui = await openSmallShop();
    const moved = await ui.press('3m', 'pay\r');
    expect(status(moved)).toMatch(/^moved tracking\.ts to payments /);
    await ui.press('w');
    expect(ui.saves[0]!.services.find((s) => s.id === 'payments')!.files).toContain('src/shipping/tracking.ts');
  });

  it('keeps control characters out of a new service name typed with its Enter', async () => {
    const ui = await openSmallShop();
    await ui.press('3m', 'new\r');
    const done = await ui.press('track\x00ing\x7f\x7f\x7fing\r');
    expect(status(done)).toMatch(/^moved tracking\.ts to the new service tracking /);
    await ui.press('w');
    expect(ui.saves[0]!.services.map((s) => s.name)).toContain('tracking');
    expect(JSON.stringify(ui.saves[0])).not.toMatch(/\\u00|\\u007f/);
  });
});

describe('keys after a save', () => {
  it('saves and then quits when w and q come in one read, without asking about unsaved edits', async () => {
    const ui = await openSmallShop();
    await ui.press('3a', 'wq');
    expect(ui.saves).toHaveLength(1);
    expect(ui.exited()).toBe(true);
  });

  it('runs the keys after w once the plan is written, in order', async () => {
    const ui = await openSmallShop();
    const after = await ui.press('3a', 'w1j');
    expect(ui.saves).toHaveLength(1);
    expect(lines(after, 1, 5)).toEqual([
      '[1 Services (4)]  2 Shared (2)   3 Review (0)',
      '  SERVICE                              FILES    LOC COHESION COUPLING  CONF  API',
      '  catalog                                  3     94     0.50     0.50  1.00    4',
      '> orders ↻                                 5    152     0.25     0.55  0.94    2',
    ]);
    expect(after).not.toContain('unsaved');
  });
});

describe('one rule for j and k', () => {
  it('moves with j and k in a list, and types them in a filter, where arrows and Ctrl-N Ctrl-P move', async () => {
    const ui = await openSmallShop();
    expect(lines(await ui.press('jjk'), 3, 6)).toEqual([
      '  catalog                                  3     94     0.50     0.50  1.00    4',
      '> orders ↻                                 4    126     0.33     0.60  0.93    3',
      '  payments                                 3    105     0.33     0.33  0.93    0',
    ]);
    const typed = await ui.press('3m', 'jk');
    expect(lines(typed, 2, 5)).toEqual(['Move tracking.ts to:', '  filter: jk_', '  no service matches']);
    expect(typed.split('\n').at(-2)).toBe('type to filter (j k too) · ↑↓ or ^P ^N choose · Enter confirm · Esc cancel');
    const chosen = await ui.press(times(KEYS.backspace, 2), '\x0e\x0e\x10');
    expect(lines(chosen, 3, 6)).toEqual(['  filter: _', '  orders                       1 dependency', '> catalog']);
    expect(status(await ui.press(KEYS.enter))).toMatch(/^moved tracking\.ts to catalog /);
  });

  it('types j and k into the search box too', async () => {
    const ui = await openSmallShop();
    const searched = await ui.press('/', 'jk');
    expect(lines(searched, 2, 5)).toEqual(['Search services and files', '  / jk_', '  no match']);
  });
});

describe('a plan that already holds control characters', () => {
  it("shows them as '?' and renames the service clean", async () => {
    const ui = await openSmallShop({
      edit: (plan) => ({
        ...plan,
        services: plan.services.map((s) => (s.id === 'catalog' ? { ...s, name: 'prisma\x7f\x7f\x1b[2J' } : s)),
      }),
    });
    expect(lines(ui.frame(), 3, 4)).toEqual([
      '> prisma???[2J                             3     94     0.50     0.50  1.00    4',
    ]);
    expect(lines(await ui.press('r'), 2, 4)).toEqual(['Rename prisma???[2J to:', '  prisma[2J_']);
    await ui.press(times(KEYS.backspace, 3), KEYS.enter, 'w');
    expect(ui.saves[0]!.services.find((s) => s.id === 'catalog')!.name).toBe('prisma');
  });
});
