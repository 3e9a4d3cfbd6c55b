import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../src/html/format-html.ts';
import type { ReportModel } from '../src/report-model.ts';
import { serviceColour } from '../src/html/service-colours.ts';
import { largeModel } from './html-large-model.ts';

// The real report in a real browser: Debian's chromium, never a downloaded one (CI installs it with apt).
const CHROMIUM = process.env.SEAMS_CHROMIUM ?? '/usr/bin/chromium';
const repoRoot = join(import.meta.dirname, '../../..');
const small = JSON.parse(readFileSync(join(repoRoot, 'fixtures/report/html-small/model.json'), 'utf8')) as ReportModel;
const SLOW = 60_000;

interface OpenedReport {
  page: Page;
  url: string;
  loadMs: number;
  /** Console errors and uncaught exceptions. */
  problems: string[];
  requests: string[];
}

let context: BrowserContext;
const out = mkdtempSync(join(tmpdir(), 'seams-html-'));

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`no chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set SEAMS_CHROMIUM`);
  context = await chromium.launchPersistentContext(join(out, 'profile'), {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1400, height: 1000 },
  });
}, SLOW);

afterAll(async () => {
  await context?.close();
  rmSync(out, { recursive: true, force: true });
});

async function openReport(model: ReportModel, name: string): Promise<OpenedReport> {
  const file = join(out, `${name}.html`);
  writeFileSync(file, formatHtml(model));
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  const start = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.seamsReport !== undefined);
  return { page, url, loadMs: performance.now() - start, problems, requests };
}

/** Counts the map screenshot's pixels near each colour, decoded by the browser in a blank page of its own. */
async function colourCounts(
  png: Buffer,
  colours: string[],
): Promise<{ distinct: number; painted: number; near: number[] }> {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(
      async ({ base64, colours }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context2d = canvas.getContext('2d')!;
        context2d.drawImage(image, 0, 0);
        const { data } = context2d.getImageData(0, 0, image.width, image.height);
        const targets = colours.map((hex) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)));
        const near = targets.map(() => 0);
        const seen = new Set<number>();
        let painted = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
          seen.add((r << 16) | (g << 8) | b);
          // The map's background is #fbfcfd; anything clearly darker is a node, an edge or a label.
          if (r + g + b < 3 * 235) painted++;
          targets.forEach(([tr, tg, tb], t) => {
            if (Math.abs(r - tr!) + Math.abs(g - tg!) + Math.abs(b - tb!) < 24) near[t]!++;
          });
        }
        return { distinct: seen.size, painted, near };
      },
      { base64: png.toString('base64'), colours },
    );
  } finally {
    await blank.close();
  }
}

async function clickNode(page: Page, serviceId: string): Promise<void> {
  const position = await page.evaluate((id) => window.seamsReport!.nodePosition(id), serviceId);
  const box = await page.locator('#map').boundingBox();
  expect(position, `node ${serviceId} is drawn`).toBeDefined();
  await page.mouse.click(box!.x + position!.x, box!.y + position!.y);
}

/** Where the cards panel's sticky heading ends, and where the open card's name and found row are, in the viewport. */
async function cardPlacement(page: Page) {
  return page.evaluate(() => {
    const panel = document.getElementById('cards')!;
    const name = panel.querySelector('.card.open > h3')!.getBoundingClientRect();
    const hit = panel.querySelector('.card.open tr.hit')?.getBoundingClientRect();
    return {
      headingBottom: panel.querySelector('h2')!.getBoundingClientRect().bottom,
      panelBottom: panel.getBoundingClientRect().top + panel.clientHeight,
      name: { top: name.top, bottom: name.bottom },
      hit: hit && { top: hit.top, bottom: hit.bottom },
    };
  });
}

/** The open card's name below the panel's sticky heading, and its found row below both and above the panel's end. */
async function expectFoundInView(page: Page): Promise<void> {
  const placed = await cardPlacement(page);
  expect(placed.name.top).toBeGreaterThanOrEqual(placed.headingBottom - 0.5);
  expect(placed.hit!.top).toBeGreaterThanOrEqual(placed.name.bottom - 0.5);
  expect(placed.hit!.bottom).toBeLessThanOrEqual(placed.panelBottom);
}

/** The labels the map draws, as boxes in CSS pixels from its top-left corner. */
const labelBoxes = (page: Page) => page.evaluate(() => window.seamsReport!.labelBoxes());

/** Pairs of labels whose boxes intersect. */
function overlapping(boxes: Array<{ id: string; x: number; y: number; width: number; height: number }>): string[] {
  const pairs: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        pairs.push(`${a.id} / ${b.id}`);
    }),
  );
  return pairs;
}

describe('the HTML report in chromium', () => {
  let report: OpenedReport;
  beforeAll(async () => {
    report = await openReport(small, 'small');
  }, SLOW);

  it('draws the map: every service in its colour, edges and labels around them', { timeout: SLOW }, async () => {
    const { page } = report;
    expect(await page.evaluate(() => window.seamsReport!.mapError)).toBeUndefined();
    // Let sigma finish its first frame (it renders on the next animation frame).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const png = await page.locator('#map').screenshot();
    const colours = small.services.map((_, i) => serviceColour(i));
    const counts = await colourCounts(png, colours);
    expect(counts.distinct).toBeGreaterThan(10);
    expect(counts.painted).toBeGreaterThan(2000);
    counts.near.forEach((count, i) =>
      expect(count, `pixels of ${small.services[i]!.id} (${colours[i]})`).toBeGreaterThan(50),
    );
    // Every service's label, none over another.
    const labels = await labelBoxes(page);
    expect(labels.map((label) => label.id).sort()).toEqual(small.services.map((service) => service.id).sort());
    expect(overlapping(labels)).toEqual([]);
  });

  it('opens a card from the test hook, showing only that card', { timeout: SLOW }, async () => {
    const { page } = report;
    expect(await page.evaluate(() => window.seamsReport!.openCard('payments'))).toBe(true);
    await expect.poll(() => page.locator('#card-payments h3').isVisible()).toBe(true);
    expect(await page.locator('#card-payments h3').textContent()).toBe('Payments');
    expect(await page.locator('.card:visible').count()).toBe(1);
    const placed = await cardPlacement(page);
    expect(placed.name.top).toBeGreaterThanOrEqual(placed.headingBottom);
  });

  it('opens a card when a service is clicked in the table', { timeout: SLOW }, async () => {
    const { page } = report;
    await page.locator('#service-table').getByRole('link', { name: 'Catalog' }).click();
    await expect.poll(() => page.locator('#card-catalog h3').isVisible()).toBe(true);
    expect(await page.locator('#service-table tr.selected').getAttribute('data-service')).toBe('catalog');
  });

  it('opens a card when its node is clicked on the map', { timeout: SLOW }, async () => {
    const { page } = report;
    await page.locator('#map').scrollIntoViewIfNeeded();
    await clickNode(page, 'notifications');
    await expect.poll(() => page.locator('#card-notifications h3').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#card-notifications h3').textContent()).toBe('Notifications');
  });

  it("fills in a card's files and public API when it opens", { timeout: SLOW }, async () => {
    const { page } = report;
    await page.evaluate(() => window.seamsReport!.openCard('catalog'));
    expect(await page.locator('#card-catalog table.files tbody tr').allInnerTexts()).toEqual([
      'src/catalog/product.repository.ts\t120\t97%',
      'src/catalog/catalog.controller.ts\t80\t93%',
      'src/catalog/price.ts\t40\treview 64%',
    ]);
    expect(await page.locator('#card-catalog table.api tbody tr').allInnerTexts()).toEqual([
      'findProduct\tsrc/catalog/product.repository.ts\tsrc/orders/order.service.ts\nsrc/orders/orders.controller.ts',
      'priceOf\tsrc/catalog/price.ts\tsrc/orders/order.service.ts',
      'Product type\tsrc/catalog/product.repository.ts\tsrc/orders/order.entity.ts',
    ]);
  });

  it('opens the card of a service named in another card', { timeout: SLOW }, async () => {
    const { page } = report;
    await page.evaluate(() => window.seamsReport!.openCard('orders'));
    await page.locator('#card-orders').getByRole('link', { name: 'Payments' }).first().click();
    await expect.poll(() => page.locator('#card-payments h3').isVisible()).toBe(true);
  });

  it('finds a file by a fragment of its path and opens its card on it', { timeout: SLOW }, async () => {
    const { page } = report;
    await page.locator('#file-search').fill('stripe');
    await expect
      .poll(() => page.locator('#search-results [role="option"]').allTextContents())
      .toEqual(['src/payments/stripe.client.tsPayments']);
    await page.locator('#file-search').press('Enter');
    await expect
      .poll(() => page.locator('#card-payments tr.hit').getAttribute('data-file'))
      .toBe('src/payments/stripe.client.ts');
    expect(await page.locator('#card-payments tr.hit').isVisible()).toBe(true);
    expect(await page.locator('#search-results').isHidden()).toBe(true);
    // The row is near the end of a card taller than the panel: the card's name sticks below the panel's heading.
    await expectFoundInView(page);
  });

  it('finds a shared-kernel file and shows it in the shared kernel table', { timeout: SLOW }, async () => {
    const { page } = report;
    await page.locator('#file-search').fill('logger');
    await page.locator('#file-search').press('Enter');
    await expect
      .poll(() => page.locator('#shared-kernel tr.hit').getAttribute('data-file'))
      .toBe('src/shared/logger.ts');
    expect(await page.locator('#shared-kernel tr.hit').isVisible()).toBe(true);
  });

  it('sorts the table by a column, and back', { timeout: SLOW }, async () => {
    const { page } = report;
    const order = () =>
      page
        .locator('#service-table tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-service')));
    const lines = page.getByRole('button', { name: 'Lines', exact: true });
    await lines.click();
    expect(await order()).toEqual(['notifications', 'catalog', 'payments', 'orders']);
    expect(await page.locator('#service-table th', { has: lines }).getAttribute('aria-sort')).toBe('ascending');
    await lines.click();
    expect(await order()).toEqual(['orders', 'payments', 'catalog', 'notifications']);
    await page.getByRole('button', { name: 'Service', exact: true }).click();
    expect(await order()).toEqual(['catalog', 'notifications', 'orders', 'payments']);
  });

  it('zooms with the buttons', { timeout: SLOW }, async () => {
    const { page } = report;
    const spread = () =>
      page.evaluate(() => {
        const a = window.seamsReport!.nodePosition('orders')!;
        const b = window.seamsReport!.nodePosition('notifications')!;
        return Math.hypot(a.x - b.x, a.y - b.y);
      });
    const before = await spread();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(spread).toBeGreaterThan(before * 1.2);
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(async () => Math.abs((await spread()) - before)).toBeLessThan(1);
  });

  it('writes a screenshot for people to look at (test-output/report-html.png)', { timeout: SLOW }, async () => {
    const { page } = report;
    await page.evaluate(() => window.seamsReport!.openCard('orders'));
    // Away from the map, so no hover decides what the picture shows.
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(join(repoRoot, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'test-output/report-html.png'), fullPage: true });
    expect(existsSync(join(repoRoot, 'test-output/report-html.png'))).toBe(true);
  });

  it('prints every card and leaves the map out', { timeout: SLOW }, async () => {
    const { page } = report;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.card:visible').count()).toBe(small.services.length);
    expect(await page.locator('#map').isHidden()).toBe(true);
    // A full-page shot resizes the window: the hidden map must take that without an error.
    await page.screenshot({ fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('logged no error and asked for nothing but the file itself', () => {
    expect(report.problems).toEqual([]);
    expect(report.requests.filter((url) => url !== report.url && !url.startsWith('data:'))).toEqual([]);
  });
});

describe('the HTML report of a plan without services', () => {
  it('opens without errors', { timeout: SLOW }, async () => {
    const { changes: _changes, ...rest } = small;
    const model: ReportModel = { ...rest, services: [], links: [], shared: [], serviceCycles: [], extractionOrder: [] };
    const { page, problems } = await openReport(model, 'empty');
    expect(await page.evaluate(() => window.seamsReport!.mapError)).toBeUndefined();
    expect(await page.getByText('No service to extract.').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('the HTML report of a 2,000-file plan', () => {
  it('opens within 10 s and finds a file within 2 s', { timeout: SLOW }, async () => {
    const model = largeModel(40, 2000);
    const { page, loadMs, problems, requests, url } = await openReport(model, 'large');
    expect(loadMs).toBeLessThan(10_000);
    expect(await page.evaluate(() => window.seamsReport!.mapError)).toBeUndefined();
    const start = performance.now();
    await page.locator('#file-search').fill('module-1234');
    await page.locator('#search-results [role="option"]').first().click();
    await page.locator('#card-svc-34 tr.hit').waitFor({ state: 'visible', timeout: 2_000 });
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(await page.locator('#card-svc-34 tr.hit').getAttribute('data-file')).toBe(
      'src/svc-34/module-1234.service.ts',
    );
    await expectFoundInView(page);
    // 40 services crowd the map: no two labels drawn over each other, none cut off at an edge, with the found
    // service and its 6 neighbours in focus (sigma forces their labels), then at rest.
    const map = (await page.locator('#map').boundingBox())!;
    const inside = (boxes: Awaited<ReturnType<typeof labelBoxes>>) =>
      boxes.filter((b) => b.x >= 0 && b.y >= 0 && b.x + b.width <= map.width && b.y + b.height <= map.height);
    const focused = await labelBoxes(page);
    expect(focused.map((b) => b.id)).toContain('svc-34');
    expect(focused.length).toBeGreaterThanOrEqual(5);
    expect(overlapping(focused)).toEqual([]);
    await page.mouse.click(map.x + 2, map.y + 2);
    await expect.poll(async () => (await labelBoxes(page)).length).toBeGreaterThan(focused.length);
    const atRest = await labelBoxes(page);
    expect(overlapping(atRest)).toEqual([]);
    expect(inside(atRest)).toEqual(atRest);
    expect(problems).toEqual([]);
    expect(requests.filter((request) => request !== url && !request.startsWith('data:'))).toEqual([]);
  });
});

describe('the HTML report of a 10,000-file, 1,000-service plan', () => {
  // Every service in one loop and reached by all the others: the worst case for blast radius and cycles.
  const model = largeModel(1000, 10_000);
  const ids = model.services.map((service) => service.id);
  for (const card of model.services) {
    card.cycles = [ids];
    card.blastRadius = { direct: card.blastRadius.direct, count: ids.length - 1 };
  }

  it(
    'stays under 5 MB, opens, and fills a card with its files and blast radius when found',
    { timeout: SLOW },
    async () => {
      const { page, loadMs, problems } = await openReport(model, 'huge');
      expect(statSync(join(out, 'huge.html')).size).toBeLessThan(5 * 1024 * 1024);
      expect(loadMs).toBeLessThan(10_000);
      expect(await page.evaluate(() => window.seamsReport!.mapError)).toBeUndefined();
      await page.locator('#file-search').fill('module-1234');
      await page.locator('#search-results [role="option"]').first().click();
      await page.locator('#card-svc-234 tr.hit').waitFor({ state: 'visible', timeout: 5_000 });
      expect(await page.locator('#card-svc-234 tr.hit').getAttribute('data-file')).toBe(
        'src/svc-234/module-1234.service.ts',
      );
      expect(await page.locator('#card-svc-234 table.files tbody tr').count()).toBe(10);
      expect(await page.locator('#card-svc-234 table.api tbody tr').first().innerText()).toBe(
        'api0\tsrc/svc-234/module-0234.service.ts\tsrc/svc-231/caller.ts\nsrc/svc-232/caller.ts',
      );
      // 3 services call it directly; the other 996 reach it through them, listed once the card is open.
      expect(await page.locator('#card-svc-234 [data-through] a.service-ref').count()).toBe(996);
      expect(await page.locator('#card-svc-234 ul.cycles').textContent()).toBe('cycle 1, through 1,000 services');
      expect(problems).toEqual([]);
    },
  );
});
