import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIn } from './run-in.ts';

const top = join(import.meta.dirname, '../../..');
const small = 'fixtures/report/small-shop';
const out = mkdtempSync(join(tmpdir(), 'seams-report-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const seams = runIn(top);

describe('seams report', () => {
  it('reports on a saved graph and plan, with what changed since a previous plan', async () => {
    const result = await seams(
      'report',
      '--graph',
      `${small}/graph.json`,
      '--plan',
      `${small}/plan.json`,
      '--previous',
      `${small}/previous.plan.json`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(top, small, 'report.md'), 'utf8'));
  });

  it('writes Mermaid and DOT to a file with -o', async () => {
    for (const [format, golden] of [
      ['mermaid', 'report.mmd'],
      ['dot', 'report.dot'],
    ] as const) {
      const file = join(out, golden);
      const result = await seams(
        'report',
        '--graph',
        `${small}/graph.json`,
        '--plan',
        `${small}/plan.json`,
        '--format',
        format,
        '-o',
        file,
      );
      expect(result).toMatchObject({ code: 0, stdout: `report written to ${file}\n` });
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(top, small, golden), 'utf8'));
    }
  });

  it('writes one self-contained HTML file', async () => {
    const file = join(out, 'report.html');
    const result = await seams(
      'report',
      '--graph',
      `${small}/graph.json`,
      '--plan',
      `${small}/plan.json`,
      '--format',
      'html',
      '-o',
      file,
    );
    expect(result.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.slice(0, 15).toLowerCase()).toBe('<!doctype html>');
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=["']?https?:/i);
  });

  it('runs analyze and boundaries itself when given only a folder', async () => {
    const result = await seams('report', 'fixtures/shop', '--format', 'json');
    const model = JSON.parse(result.stdout);
    expect(model.services.length).toBeGreaterThan(5);
    expect(model.extractionOrder).toHaveLength(model.services.length);
  });

  it("reports the folder's saved seams.plan.json, as check and extract read it, not a fresh plan", async () => {
    // A copy of a tiny project with its hand-written plan, one service renamed by hand: a fresh plan would not have it.
    const project = join(out, 'project');
    cpSync(join(top, 'fixtures/check/service-cycle'), project, { recursive: true });
    const planFile = join(project, 'seams.plan.json');
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as { services: Array<{ name: string }> };
    plan.services[0]!.name = 'Named by the team';
    writeFileSync(planFile, JSON.stringify(plan));
    const result = await seams('report', project, '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { services: Array<{ name: string }> };
    expect(report.services.map((service) => service.name)).toContain('Named by the team');
    // It analyses the folder: seconds on a busy machine.
  }, 30_000);

  it('refuses a plan that is not a plan, exit code 2', async () => {
    const result = await seams('report', '--graph', `${small}/graph.json`, '--plan', `${small}/graph.json`);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `seams: ${join(top, small)}/graph.json is a seams graph, not a plan: pass a plan written by 'seams boundaries -o'. [SEAMS_PLAN_INVALID]\n`,
    );
  });
});
