import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHtml } from '../src/html/format-html.ts';
import { MAP_BUNDLE, MAP_BUNDLE_SHA256 } from '../src/html/generated/map-bundle.ts';
import { pageModel } from '../src/html/page-model.ts';
import type { ReportModel } from '../src/report-model.ts';

const fixture = join(import.meta.dirname, '../../../fixtures/report/html-small');
const small = JSON.parse(readFileSync(join(fixture, 'model.json'), 'utf8')) as ReportModel;

// The bundle is checked by html-bundle.test.ts; leaving it out keeps the snapshot about the page.
const withoutBundle = (page: string) =>
  page.replace(MAP_BUNDLE, '/* MAP_BUNDLE */').replace(MAP_BUNDLE_SHA256, 'MAP_BUNDLE_SHA256');
const embeddedModel = (page: string) =>
  JSON.parse(/<script type="application\/json" id="seams-model">(.*?)<\/script>/s.exec(page)![1]!) as unknown;

describe('formatHtml', () => {
  it('renders the small plan as a page a person can review', async () => {
    await expect(withoutBundle(formatHtml(small))).toMatchFileSnapshot(join(fixture, 'report.html'));
  });

  it('embeds the page model so the map script reads back exactly what was reported', () => {
    expect(embeddedModel(formatHtml(small))).toEqual(pageModel(small));
    // Files are numbered through the services: orders' 0-2, catalog's 3-5, payments' 6-7.
    expect(pageModel(small).services[0]).toEqual({
      id: 'orders',
      name: 'Orders',
      files: small.services[0]!.files.map((file) => [file.path, file.loc, file.confidence]),
      api: [['getOrder', 0, [6], 0]],
    });
    expect(pageModel(small).otherFiles).toEqual([]);
  });

  it('keeps hostile names as text: no markup, no early end of a script, no comment', () => {
    const hostile = '</script><script>alert(1)</script><!--<img src=x onerror=alert(2)>';
    const model: ReportModel = structuredClone(small);
    model.title = hostile;
    model.services[0]!.name = hostile;
    model.services[0]!.files[0]!.path = `src/${hostile}.ts`;
    model.shared[0]!.reason = hostile;
    const page = formatHtml(model);
    expect(embeddedModel(page)).toEqual(pageModel(model));
    const outsideScripts = withoutBundle(page).replace(/<script\b[^>]*>.*?<\/script>/gs, '');
    expect(outsideScripts).not.toMatch(/<script|<img|<!--/i);
    expect(page.match(/<script\b/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
  });

  it('loads nothing from outside the file and allows only its own script', () => {
    const page = withoutBundle(formatHtml(small));
    expect(page).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-MAP_BUNDLE_SHA256'; style-src 'unsafe-inline'; img-src data:">`,
    );
  });

  it('leaves out the changes section without a previous plan', () => {
    const { changes: _changes, ...model } = small;
    expect(formatHtml(model)).not.toContain('id="changes"');
    expect(formatHtml(small)).toContain('id="changes"');
  });
});
