// The contract of a JavaScript function with a defaulted parameter before a required one
// (fixtures/extract/contract-defaults, parse-server's `constructor(routes = [], appId)`): contract.ts compiles,
// and the request still may leave the defaulted argument out.
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { buildContract } from '../src/contract/build-contract.ts';
import { contractFile, openApiFile } from '../src/generate/contract-files.ts';

const root = join(import.meta.dirname, '../../../fixtures/extract/contract-defaults');
const origin = { service: 'push', name: 'push', plan: 'seams.plan.json' };

describe('the contract of defaulted parameters', () => {
  it('writes one before a required parameter as T | undefined, a trailing one as optional, and compiles', () => {
    const file = 'src/push/push-queue.js';
    const model = buildContract({ root, serviceFiles: [file], operations: [`${file}#enqueuePush`] });
    const contract = contractFile(origin, model, 'contract.ts').content;
    expect(contract).toContain(
      'enqueuePush(channels: any[] | undefined, appId: any, priority?: string): Promise<string>;',
    );
    const project = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: { strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [] },
    });
    project.createSourceFile('/contract.ts', contract);
    const errors = project.getPreEmitDiagnostics();
    expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n'))).toEqual([]);
    // Over HTTP the defaulted argument may still be left out: only appId is required.
    const openApi = JSON.parse(openApiFile(origin, model, 'openapi.json', '0.1.0').content) as {
      paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { required: string[] } }> } } }>;
    };
    const body = openApi.paths['/v1/enqueuePush']!.post.requestBody.content['application/json']!;
    expect(body.schema.required).toEqual(['appId']);
  }, 30_000);
});
