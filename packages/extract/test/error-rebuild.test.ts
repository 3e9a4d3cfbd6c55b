// The error handling seams generates, run as written: the server's description of a thrown error (what
// crosses the wire) and the facade's rebuild of it as the monolith's class. Hand-worked cases, with the
// client's RemoteError as the generator writes it.
import { createRequire } from 'node:module';
import { compileFunction } from 'node:vm';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { clientFile } from '../src/generate/client-file.ts';
import { describeErrorSource, rebuildSource } from '../src/generate/error-rebuild.ts';

// Generated TypeScript, compiled to a function of the bindings it expects from its file (in this realm, so
// `instanceof` sees the same classes).
function compile<T>(source: string, names: string[], result: string, values: unknown[]): T {
  const { outputText } = ts.transpileModule(`${source}\nreturn ${result};`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
  });
  return compileFunction(outputText, names)(...values) as T;
}

const model = { operations: [], types: [], others: [], blockers: [] };
const layout = { service: 'extracted/users/service', facade: 'extracted/users/facade', tsconfig: undefined };
const client = ts.transpileModule(
  clientFile({ service: 'users', name: 'users', plan: 'seams.plan.json' }, model, layout).content,
  {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS },
  },
).outputText;
const clientExports: { RemoteError: new (status: number, error: Record<string, unknown>) => Error } = {} as never;
compileFunction(client, ['exports', 'require'])(clientExports, createRequire(import.meta.url));
const { RemoteError } = clientExports;

type Describe = (error: unknown, full: boolean, withStack?: boolean) => Record<string, unknown>;
const server = compile<{ statusOf: (error: unknown) => number | undefined; describe: Describe }>(
  `const SERVICE = 'users';\n${describeErrorSource()}`,
  [],
  '{ statusOf, describe }',
  [],
);

/** As @nestjs/common has it: the status and the response are fields, read through methods. */
class HttpException extends Error {
  private readonly response: string | Record<string, unknown>;
  private readonly status: number;
  constructor(response: string | Record<string, unknown>, status: number) {
    super();
    this.response = response;
    this.status = status;
    this.message = typeof response === 'string' ? response : 'Http Exception';
  }
  getStatus() {
    return this.status;
  }
  getResponse() {
    return this.response;
  }
}

class UnprocessableError extends HttpException {
  readonly errors: Record<string, string>;
  constructor(errors: Record<string, string>) {
    super({ errors }, 422);
    this.errors = errors;
  }
}

/** A class whose constructor cannot be called with what crossed, and whose `code` the prototype reads only. */
class LockedError extends Error {
  constructor(required: { id: string }) {
    super(`locked ${required.id}`);
  }
  get code(): string {
    return 'LOCKED';
  }
}

const rebuild = compile<(error: unknown) => never>(
  rebuildSource([
    { name: 'HttpException', module: '@nestjs/common' },
    { name: 'UnprocessableError', file: 'src/shared/errors.ts' },
    { name: 'LockedError', file: 'src/shared/errors.ts' },
  ]),
  ['RemoteError', 'HttpException', 'UnprocessableError', 'LockedError'],
  'rebuild',
  [RemoteError, HttpException, UnprocessableError, LockedError],
);

const thrown = (run: () => unknown): Error & Record<string, unknown> => {
  try {
    run();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a throw');
};

describe("the server's description of an error", () => {
  it("reads the status from status, statusCode or Nest's getStatus(), 400 to 599 only", () => {
    expect(server.statusOf({ status: 404 })).toBe(404);
    expect(server.statusOf({ statusCode: 503 })).toBe(503);
    expect(server.statusOf(new HttpException('taken', 409))).toBe(409);
    expect(server.statusOf({ getStatus: () => 422 })).toBe(422);
    expect(server.statusOf({ status: 200 })).toBeUndefined();
    expect(server.statusOf({ status: 404.5 })).toBeUndefined();
    expect(
      server.statusOf({
        getStatus() {
          throw new Error('no');
        },
      }),
    ).toBeUndefined();
    expect(server.statusOf(undefined)).toBeUndefined();
  });

  it('carries the class name, the message and every enumerable own field', () => {
    expect(server.describe(new HttpException('taken', 409), true)).toEqual({
      response: 'taken',
      status: 409,
      message: 'taken',
      name: 'HttpException',
    });
    // `errors` is in the response and a field of its own: the same object twice is not a cycle.
    const errors = { email: 'is not an address' };
    expect(server.describe(new UnprocessableError(errors), true)).toEqual({
      response: { errors },
      status: 422,
      message: 'Http Exception',
      errors,
      name: 'UnprocessableError',
    });
  });

  it('leaves out stacks and frames at any depth, and cuts cycles, unless debugging', () => {
    const error = Object.assign(new Error('refused'), {
      status: 502,
      cause: { message: 'socket hang up', stack: 'Error: socket hang up\n    at connect (/srv/app/net.ts:3:9)' },
      detail: 'Error: boom\n    at charge (/srv/app/bank.ts:12:5)',
      request: { url: 'https://bank.example', error: {} },
    });
    error.request.error = error;
    expect(server.describe(error, true)).toEqual({
      status: 502,
      cause: { message: 'socket hang up' },
      detail: 'Error: boom',
      request: { url: 'https://bank.example', error: '[Circular]' },
      message: 'refused',
      name: 'Error',
    });
    const debug = server.describe(error, true, true);
    expect(debug.stack).toMatch(/^Error: refused\n\s+at /);
    expect(debug.detail).toBe('Error: boom\n    at charge (/srv/app/bank.ts:12:5)');
  });

  it('says only the class of an unexpected error: its message may name files', () => {
    expect(server.describe(new TypeError("cannot read 'x' of /srv/app/a.ts"), false)).toEqual({
      name: 'TypeError',
      message: 'users failed unexpectedly (its log has the details)',
    });
    expect(server.describe('a string', true)).toEqual({ name: 'Error', message: 'a string' });
  });
});

describe("the facade's rebuild of a remote error", () => {
  it("is the monolith's class, a package's included, with its fields and methods", () => {
    const error = thrown(() =>
      rebuild(new RemoteError(409, { name: 'HttpException', message: 'taken', response: 'taken', status: 409 })),
    );
    expect(error).toBeInstanceOf(HttpException);
    expect(error).toBeInstanceOf(Error);
    expect([error.message, error.name, (error as unknown as HttpException).getStatus()]).toEqual([
      'taken',
      'HttpException',
      409,
    ]);
    expect(Object.keys(error)).toEqual(['response', 'status']);
    expect(error.stack).toMatch(/^HttpException: taken\n/);
  });

  it('is a subclass as thrown, so a handler of its parent class still catches it', () => {
    const errors = { email: 'is not an address' };
    const wire = { name: 'UnprocessableError', message: 'Http Exception', response: { errors }, status: 422, errors };
    const error = thrown(() => rebuild(new RemoteError(422, wire)));
    expect(error).toBeInstanceOf(UnprocessableError);
    expect(error).toBeInstanceOf(HttpException);
    expect((error as unknown as HttpException).getResponse()).toEqual({ errors });
    expect(error.errors).toEqual(errors);
  });

  it('never calls the constructor, and defines fields a getter of the prototype would refuse', () => {
    const error = thrown(() =>
      rebuild(new RemoteError(423, { name: 'LockedError', message: 'locked 7', code: 'HELD' })),
    );
    expect(error).toBeInstanceOf(LockedError);
    expect([error.message, error.code]).toEqual(['locked 7', 'HELD']);
  });

  it('keeps a message that is not a string as the class set it (an old HttpException)', () => {
    const message = { statusCode: 400, error: 'Bad Request' } as unknown as string;
    const error = thrown(() => rebuild(new RemoteError(400, { name: 'HttpException', message, status: 400 })));
    expect(error).toBeInstanceOf(HttpException);
    expect(error.message).toEqual({ statusCode: 400, error: 'Bad Request' });
  });

  it('leaves a class the monolith does not know, and names of Object.prototype, as RemoteError', () => {
    for (const name of ['QueryFailedError', 'constructor', '__proto__', 'toString']) {
      const remote = new RemoteError(500, { name, message: 'failed' });
      expect(thrown(() => rebuild(remote))).toBe(remote);
    }
    const other = new TypeError('not remote');
    expect(thrown(() => rebuild(other))).toBe(other);
  });
});
