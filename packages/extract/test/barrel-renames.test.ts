// fixtures/extract/barrel-renames: a barrel renames what it forwards. The graph credits each declaring file under
// the name it really exports, so the service's API names exports the files have and extraction goes through.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { Plan } from '@seams/graph';
import { extractService } from '../src/index.ts';
import { serviceApi } from '../src/service-api.ts';

const root = join(import.meta.dirname, '../../../fixtures/extract/barrel-renames');
const models = ['src/models/Thing.ts', 'src/models/gadget.ts', 'src/models/index.ts', 'src/models/widget.ts'];

describe('a barrel that renames what it forwards', async () => {
  const graph = await analyze({ root, cache: false });
  // A hand-made plan: the models folder is the service, the caller stays in the monolith.
  const plan = { services: [{ id: 'models', name: 'models', files: models }], shared: [] } as unknown as Plan;

  it('records the name each declaring file exports, keyed by the name importers use', () => {
    const edge = graph.edges.find((e) => e.from === 'src/app/use.ts');
    expect(edge?.providers).toEqual({
      Gadget: 'src/models/gadget.ts',
      Thing: 'src/models/Thing.ts',
      widget: 'src/models/widget.ts',
    });
    expect(edge?.providedAs).toEqual({ Gadget: 'default', Thing: 'default', widget: 'makeWidget' });
  });

  it("lists the service's API under the files' own export names", () => {
    expect(serviceApi(graph, plan, 'models').entries).toEqual([
      'src/models/Thing.ts#default',
      'src/models/gadget.ts#default',
      'src/models/widget.ts#makeWidget',
    ]);
  });

  it('extracts the service without a "does not export" error', async () => {
    const extraction = await extractService(graph, plan, 'models', {
      root,
      planName: 'seams.plan.json',
      out: 'extracted/models',
      tsconfig: 'tsconfig.json',
      monolith: 'barrel-renames',
      version: '0.1.0',
      readFile: (path: string) => readFileSync(join(root, path), 'utf8'),
    });
    expect(extraction.files.map((f) => f.path)).toContain('extracted/models/service/src/contract.ts');
  });
});
