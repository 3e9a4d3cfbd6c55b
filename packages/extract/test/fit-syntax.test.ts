import { describe, expect, it } from 'vitest';
import { fitSyntax, knownTarget } from '../src/toolchain/fit-syntax.ts';

const source = `import { createServer, type IncomingMessage, type Server as S } from 'node:http';
import type { Reply } from './reply';
import { z } from 'zod';
`;

describe('generated code fitted to the monolith’s TypeScript', () => {
  it('keeps type modifiers on import names from 4.5 on', () => {
    expect(fitSyntax(source, '4.5.2')).toBe(source);
    expect(fitSyntax(source, undefined)).toBe(source);
  });

  it('splits them into import type from 3.8', () => {
    expect(fitSyntax(source, '3.9.10')).toBe(`import { createServer } from 'node:http';
import type { IncomingMessage, Server as S } from 'node:http';
import type { Reply } from './reply';
import { z } from 'zod';
`);
  });

  it('imports types as values before 3.8, where import type does not parse', () => {
    expect(fitSyntax(source, '3.7.5')).toBe(`import { createServer, IncomingMessage, Server as S } from 'node:http';
import { Reply } from './reply';
import { z } from 'zod';
`);
  });

  it('names a target the compiler knows', () => {
    expect([undefined, '5.9.3', '4.6.2', '4.5.5', '3.8.3', '3.7.5', '3.5.1'].map(knownTarget)).toEqual([
      'ES2022',
      'ES2022',
      'ES2022',
      'ES2020',
      'ES2020',
      'ES2019',
      'ES2017',
    ]);
  });
});
