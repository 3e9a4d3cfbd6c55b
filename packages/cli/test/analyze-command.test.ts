import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGraph } from '@seams/graph';
import { runIn } from './run-in.ts';

const fixtures = join(import.meta.dirname, '../../../fixtures');
const out = mkdtempSync(join(tmpdir(), 'seams-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const seams = runIn(fixtures);

// Timings differ on every run; everything else in the summary is stable.
const stable = (text: string) =>
  text
    .replace(/\d[\d,]* ms/g, 'N ms')
    .replaceAll(out, '<out>')
    .replaceAll(fixtures, '<fixtures>');

describe('seams analyze', () => {
  it('prints a summary a person can read', async () => {
    const result = await seams('analyze', 'cli/analyze-summary', '--no-cache', '-o', join(out, 'graph.json'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    await expect(stable(result.stdout)).toMatchFileSnapshot('../../../fixtures/cli/analyze-summary/summary.txt');
  });

  it('writes a graph that validates against the schema', async () => {
    await seams('analyze', 'cli/analyze-summary', '--no-cache', '-o', join(out, 'graph.json'));
    const graph = parseGraph(JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')));
    expect(graph.edges.map((e) => `${e.from} -> ${e.to} ${e.kind}`).sort()).toEqual(
      [
        'src/orders/order.service.ts -> src/infra/logger.ts import',
        'src/orders/order.service.ts -> src/payments/payment.service.ts import',
        'src/orders/order.service.ts -> src/payments/payment.service.ts type',
        'src/payments/payment.service.ts -> src/orders/order.service.ts import',
        'src/main.ts -> src/orders/order.service.ts import',
      ].sort(),
    );
  });

  it('prints the summary as JSON with --json', async () => {
    const result = await seams('analyze', 'cli/analyze-summary', '--no-cache', '--json');
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      files: 4,
      edges: 5,
      cycles: { groups: 1, files: 2 },
      unresolved: { total: 1, byReason: { 'not-found': 1 } },
    });
  });

  it('streams progress events as ndjson on stderr with --progress ndjson', async () => {
    const result = await seams('analyze', 'cli/analyze-summary', '--no-cache', '--json', '--progress', 'ndjson');
    const events = result.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((e) => e.type + (e.step ? `:${e.step}` : ''))).toEqual([
      'step-start:discover',
      'step-end:discover',
      'files-found',
      'step-start:parse',
      'file-parsed',
      'file-parsed',
      'file-parsed',
      'file-parsed',
      'step-end:parse',
      'step-start:resolve',
      'step-end:resolve',
      'step-start:trace',
      'step-end:trace',
    ]);
  });

  it('imports a foreign graph with --from', async () => {
    const result = await seams('analyze', '--from', 'interop/madge/madge.json', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ source: 'madge', files: 5, edges: 5 });
  });

  it('says in one line what is wrong with a bad path, exit code 2', async () => {
    const result = await seams('analyze', 'no/such/dir');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `seams: ${join(fixtures, 'no/such/dir')} does not exist: pass the folder of the project to analyse. [SEAMS_INPUT_NOT_FOUND]\n`,
    });
  });

  it('refuses a folder without source files, exit code 2', async () => {
    const result = await seams('analyze', 'cli/analyze-summary', '--include', '**/*.py', '--no-cache');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^seams: no source files found in cli\/analyze-summary .*\[SEAMS_INPUT_EMPTY\]\n$/);
  });

  it('rejects a bad option value with exit code 2', async () => {
    const result = await seams('analyze', 'cli/analyze-summary', '--max-file-size', 'big');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[SEAMS_OPTION_INVALID]');
  });

  it('shows help with examples', async () => {
    const result = await seams('analyze', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:\n  $ seams analyze fixtures/shop');
  });
});
