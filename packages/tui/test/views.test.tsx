import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FIXTURE, FIXTURE, KEYS, openSmallShop } from './frames.tsx';

// Exact 80x24 frames of every view, as files a person can review next to the fixture.
const frame = (name: string) => join(FIXTURE, 'frames', `${name}.txt`);

describe('views of the small shop at 80x24', () => {
  it('lists the services with their metrics, and marks services in a cycle', async () => {
    const ui = await openSmallShop();
    await expect(ui.frame()).toMatchFileSnapshot(frame('services'));
  });

  it('shows the shared group and the files to review on their tabs', async () => {
    const ui = await openSmallShop();
    await expect(await ui.press('2')).toMatchFileSnapshot(frame('shared'));
    await expect(await ui.press(KEYS.tab)).toMatchFileSnapshot(frame('review'));
    expect(await ui.press(KEYS.tab)).toBe(await ui.press('1'));
  });

  it('opens a service: its files, its API, its dependencies on other services', async () => {
    const ui = await openSmallShop();
    await expect(await ui.press(KEYS.down, KEYS.enter)).toMatchFileSnapshot(frame('service-files'));
    await expect(await ui.press(KEYS.tab)).toMatchFileSnapshot(frame('service-api'));
    await expect(await ui.press(KEYS.tab)).toMatchFileSnapshot(frame('service-links'));
  });

  it('lists the tables a service owns, writes and reads when the graph has table accesses, and follows one to its owner', async () => {
    // The order service (second in the list) owns orders, writes catalog's stock, reads catalog's products.
    const ui = await openSmallShop({ fixture: DATA_FIXTURE });
    await expect(await ui.press(KEYS.down, KEYS.enter, KEYS.tab, KEYS.tab, KEYS.tab)).toMatchFileSnapshot(
      frame('service-tables'),
    );
    expect((await ui.press(KEYS.tab)).split('\n')[4]).toContain('[Files]');
    const owner = await ui.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.down, KEYS.enter);
    expect(owner.split('\n')[1]).toBe('services › order › catalog');
  });

  it("follows a dependency to the other service's page", async () => {
    const ui = await openSmallShop();
    const page = await ui.press(KEYS.down, KEYS.enter, KEYS.tab, KEYS.tab, KEYS.enter);
    expect(page.split('\n')[1]).toBe('services › orders › shipping');
  });

  it("opens a file: its imports and importers with each one's service", async () => {
    const ui = await openSmallShop();
    await expect(await ui.press(KEYS.down, KEYS.enter, 'j', KEYS.enter)).toMatchFileSnapshot(frame('file'));
    expect((await ui.press(KEYS.escape)).split('\n')[1]).toBe('services › orders');
    expect((await ui.press(KEYS.left)).split('\n')[1]).toContain('[1 Services (4)]');
  });

  it('shows the help overlay on ? and closes it on any key', async () => {
    const ui = await openSmallShop();
    await expect(await ui.press('?')).toMatchFileSnapshot(frame('help'));
    expect(await ui.press('x')).toBe(await openSmallShop().then((fresh) => fresh.frame()));
  });

  it('searches services and files by every word typed, and opens the hit', async () => {
    const ui = await openSmallShop();
    await expect(await ui.press('/', 's', 'h', 'i', 'p')).toMatchFileSnapshot(frame('search'));
    const opened = await ui.press(KEYS.down, KEYS.enter);
    expect(opened.split('\n').slice(1, 3)).toEqual(['services › carrier-api.ts', 'src/shipping/carrier-api.ts']);
  });

  it('keeps the cursor row on screen when the list is longer than the window', async () => {
    const ui = await openSmallShop({ height: 10 });
    const bottom = await ui.press(KEYS.down, KEYS.down, KEYS.down);
    expect(bottom.split('\n')).toHaveLength(11);
    expect(bottom).toContain('> shipping');
  });
});
