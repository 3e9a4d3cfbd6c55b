// The generated service and facade, run as in production on 127.0.0.1: fixtures/extract/service-safety
// is extracted into a scratch copy, its service started (readiness: its "listening" line), and called
// through the generated facade and over raw HTTP. No sleeps: every wait is for an answer or an exit.
import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { createServer as createTcpServer, connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caught,
  cleanUp,
  extractInto,
  LISTENING,
  linkPackages,
  Processes,
  scratchApp,
  tsx,
} from './support/extracted-app.ts';

const { scratch, app } = scratchApp('seams-safety-', 'fixtures/extract/service-safety');
const TOKEN = 'test-secret-1234';
const processes = new Processes(app);
const servers: Server[] = [];

type Facade = Record<string, (...args: unknown[]) => Promise<unknown>> & {
  ServiceUnavailableError: new (...args: never[]) => Error;
  RemoteError: new (...args: never[]) => Error;
};
let facade: Facade;
let bus: { subscribe: (handler: (event: { type: string; note?: string }) => void) => void };
let NotFoundError: new (...args: never[]) => Error;
let UpstreamError: new (...args: never[]) => Error;
let serviceUrl: string;

const exited = (args: string[], env: Record<string, string | undefined>) => processes.exited(tsx, args, env);

/** A server on 127.0.0.1 (port chosen by the system), for the shapes a real service or proxy can take. */
async function listening(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  if ('closeAllConnections' in server) servers.push(server);
  return (server.address() as AddressInfo).port;
}

/** One raw HTTP exchange with the service, as curl would make it. */
function post(path: string, headers: Record<string, string | number>, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const call = request(`${serviceUrl}${path}`, { method: 'POST', headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, body: text }));
    });
    call.on('error', reject);
    if (body === undefined) call.flushHeaders();
    else call.end(body);
  });
}

beforeAll(async () => {
  linkPackages(app, ['@types/node', 'zod']);
  await extractInto(app, {
    service: 'payment',
    name: 'Payments & refunds',
    files: ['src/payments/payment.service.ts', 'src/payments/payment.ts'],
    tsconfig: 'tsconfig.json',
    monolith: 'safety-monolith',
    edits: false,
  });
  const ready = await processes.started(
    tsx,
    ['extracted/payment/service/src/main.ts'],
    { SEAMS_PAYMENT_TOKEN: TOKEN, PORT: '0', HOST: undefined },
    LISTENING,
  );
  serviceUrl = ready[1]!;
  // The breaker opens after 3 failures in a row here, so the test can reach it.
  writeFileSync(
    join(app, 'routing.json'),
    JSON.stringify({ payment: { breaker: { failures: 3, cooldownMs: 600_000 } } }),
  );
  Object.assign(process.env, {
    SEAMS_ROUTING: join(app, 'routing.json'),
    SEAMS_ROUTE_PAYMENT: 'remote',
    SEAMS_PAYMENT_URL: serviceUrl,
    SEAMS_PAYMENT_TOKEN: TOKEN,
  });
  facade = (await import(join(app, 'extracted/payment/facade/payment.facade.ts'))) as Facade;
  bus = (await import(join(app, 'src/shared/event-bus.ts'))).eventBus;
  ({ NotFoundError, UpstreamError } = await import(join(app, 'src/shared/errors.ts')));
}, 60_000);

afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  cleanUp(scratch, processes, [
    'SEAMS_ROUTING',
    'SEAMS_ROUTE_PAYMENT',
    'SEAMS_PAYMENT_URL',
    'SEAMS_PAYMENT_TOKEN',
    'SEAMS_PAYMENT_TIMEOUT_MS',
  ]);
});

describe('the generated service, on 127.0.0.1', () => {
  it('refuses to start without its shared secret', async () => {
    const run = await exited(['extracted/payment/service/src/main.ts'], { SEAMS_PAYMENT_TOKEN: undefined, PORT: '0' });
    expect(run).toEqual({
      code: 1,
      output:
        'payment service: set SEAMS_PAYMENT_TOKEN to the secret the facade sends (or SEAMS_PAYMENT_INSECURE=1 for local development only)\n',
    });
  });

  it('answers a call without the secret, or with a wrong one, 401', async () => {
    const json = { 'content-type': 'application/json' };
    expect((await post('/v1/getPayment', json, '{"id":"pay_1"}')).status).toBe(401);
    expect((await post('/v1/getPayment', { ...json, authorization: 'Bearer nope' }, '{"id":"pay_1"}')).status).toBe(
      401,
    );
  });

  it('answers a body that is not JSON 415, as a cross-site text/plain POST is', async () => {
    const answer = await post(
      '/v1/getPayment',
      { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` },
      '{}',
    );
    expect(answer).toEqual({
      status: 415,
      body: '{"error":{"name":"UnsupportedMediaType","code":"NOT_JSON","message":"send content-type: application/json"},"events":[]}',
    });
  });

  it('answers an oversized body 413 from its headers, before a byte of it is sent', async () => {
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${TOKEN}`,
      'content-length': 100_000_000,
    };
    expect((await post('/v1/capturePayment', headers)).status).toBe(413);
  });

  it('answers an error with a cycle and a BigInt 500, without its message or stack, and keeps serving', async () => {
    const error = await caught(facade.chargeBank!('ord_1'));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.message).toBe('payment failed unexpectedly (its log has the details)');
    const health = await fetch(`${serviceUrl}/health`);
    expect(await health.json()).toEqual({ status: 'ok', service: 'payment' });
  });

  it('answers a domain error with its own status, rebuilt as the monolith class', async () => {
    const error = await caught(facade.getPayment!('pay_missing'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect([error.status, error.code, error.message]).toEqual([404, 'NOT_FOUND', 'Payment pay_missing not found']);
  });

  it("refuses what the monolith's JSDoc rules out: a negative amount", async () => {
    const error = await caught(facade.capturePayment!({ orderId: 'ord_1', amountCents: -5 }));
    expect(error).toBeInstanceOf(facade.RemoteError);
    expect([error.status, error.remoteName]).toEqual([400, 'ValidationError']);
  });
});

describe('the generated Lambda adapter', () => {
  it('makes the same checks as the server: secret, JSON, body limit', async () => {
    const { handler } = (await import(join(app, 'extracted/payment/service/src/lambda.ts'))) as {
      handler: (event: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const call = (headers: Record<string, string>, body: string) =>
      handler({ rawPath: '/v1/countCaptured', body, headers, requestContext: { http: { method: 'POST' } } }).then(
        (answer) => answer.statusCode,
      );
    const json = { 'content-type': 'application/json' };
    const token = { authorization: `Bearer ${TOKEN}` };
    expect(await call(json, '{}')).toBe(401);
    expect(await call({ ...token, 'content-type': 'text/plain' }, '{}')).toBe(415);
    expect(await call({ ...token, ...json }, `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`)).toBe(413);
    expect(await call({ ...token, ...json }, '{}')).toBe(200);
  });
});

describe('the generated facade', () => {
  it('brings the events back in the body, however large, and publishes them here', async () => {
    const seen: Array<{ type: string; note?: string }> = [];
    bus.subscribe((event) => seen.push(event));
    expect(await facade.capturePayment!({ orderId: 'ord_2', amountCents: 4200 })).toMatchObject({ amountCents: 4200 });
    // 40 notes of 1 KB each: more than the 16 KB a response header may hold.
    expect(await facade.notePayment!('pay_1', 40)).toBe(40);
    expect(seen.map((e) => e.type)).toEqual(['payment.captured', ...Array<string>(40).fill('payment.noted')]);
  });

  it('serves 1,000 concurrent calls over a bounded number of connections', async () => {
    let open = 0;
    let most = 0;
    const target = new URL(serviceUrl);
    const proxy = createTcpServer((socket) => {
      open++;
      most = Math.max(most, open);
      const upstream = connect(Number(target.port), '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      const close = () => (socket.destroy(), upstream.destroy());
      socket.on('close', () => (open--, close()));
      upstream.on('error', close);
      socket.on('error', close);
    });
    const port = await listening(proxy);
    process.env.SEAMS_PAYMENT_URL = `http://127.0.0.1:${port}`;
    // Bounded by connections, not by time: a slow machine must not turn queueing into timeouts here.
    process.env.SEAMS_PAYMENT_TIMEOUT_MS = '120000';
    const before = (await facade.countCaptured!()) as number;
    const results = await Promise.allSettled(
      Array.from({ length: 1000 }, (_, i) => facade.capturePayment!({ orderId: `ord_${i}`, amountCents: 100 })),
    );
    process.env.SEAMS_PAYMENT_URL = serviceUrl;
    delete process.env.SEAMS_PAYMENT_TIMEOUT_MS;
    proxy.close();
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect((await facade.countCaptured!()) as number).toBe(before + 1000);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(64);
  }, 60_000);

  it('gives up on a hung service after its timeout, with an error the monolith can catch', async () => {
    process.env.SEAMS_PAYMENT_TIMEOUT_MS = '300';
    const error = await caught(facade.awaitSettlement!('pay_1'));
    delete process.env.SEAMS_PAYMENT_TIMEOUT_MS;
    expect(error).toBeInstanceOf(facade.ServiceUnavailableError);
    expect(error.reason).toBe('timeout');
    await facade.countCaptured!(); // an answer closes the breaker's count again
  });

  it('keeps the status of a non-JSON 5xx from a proxy, and drops events the service does not publish', async () => {
    const proxy = createHttpServer((req, res) => {
      if (req.url === '/v1/capturePayment')
        return res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ result: 7, events: [{ type: 'payment.captured', paymentId: 'p' }, { type: 'evil.wire' }] }),
      );
    });
    process.env.SEAMS_PAYMENT_URL = `http://127.0.0.1:${await listening(proxy)}`;
    const error = await caught(facade.capturePayment!({ orderId: 'ord_3', amountCents: 100 }));
    const seen: string[] = [];
    bus.subscribe((event) => seen.push(event.type));
    expect(await facade.countCaptured!()).toBe(7);
    process.env.SEAMS_PAYMENT_URL = serviceUrl;
    expect(error).toBeInstanceOf(facade.ServiceUnavailableError);
    expect([error.status, error.reason]).toEqual([502, 'bad-answer']);
    expect(seen).toEqual(['payment.captured']);
  });

  it('falls back to local for a read when the service is down, never for a write, then opens the circuit', async () => {
    const closed = createTcpServer();
    const port = await listening(closed);
    await new Promise((resolve) => closed.close(resolve));
    process.env.SEAMS_PAYMENT_URL = `http://127.0.0.1:${port}`;
    // The read is served by the monolith's own code: this process captured nothing locally.
    expect(await facade.countCaptured!()).toBe(0);
    const write = await caught(facade.capturePayment!({ orderId: 'ord_down', amountCents: 100 }));
    expect([write.name, write.reason]).toEqual(['ServiceUnavailableError', 'down']);
    expect(await facade.countCaptured!()).toBe(0);
    // Three failures in a row open the circuit: the next call fails without trying.
    const open = await caught(facade.capturePayment!({ orderId: 'ord_down', amountCents: 100 }));
    process.env.SEAMS_PAYMENT_URL = serviceUrl;
    expect([open.name, open.reason]).toEqual(['ServiceUnavailableError', 'circuit-open']);
  });

  it('never keeps the process alive for a shadow call to a service that does not answer', async () => {
    const hung = createHttpServer(() => undefined);
    const port = await listening(hung);
    // capturePayment writes: shadow replays it only because the routing file says so for it.
    writeFileSync(join(app, 'replay.json'), JSON.stringify({ payment: { shadow: { capturePayment: 'replay' } } }));
    writeFileSync(
      join(app, 'shadow-call.ts'),
      `import { capturePayment } from './extracted/payment/facade/payment.facade';\n` +
        `capturePayment({ orderId: 'ord_shadow', amountCents: 100 }).then((p) => console.log('served', p.id));\n`,
    );
    const run = await exited(['shadow-call.ts'], {
      SEAMS_ROUTE_PAYMENT: 'shadow',
      SEAMS_ROUTING: join(app, 'replay.json'),
      SEAMS_PAYMENT_URL: `http://127.0.0.1:${port}`,
      SEAMS_PAYMENT_TIMEOUT_MS: '600000',
    });
    expect(run).toEqual({ code: 0, output: 'served pay_1\n' });
    // Waiting for shadow calls on purpose does keep it alive, until they end (here, by their timeout).
    writeFileSync(
      join(app, 'shadow-wait.ts'),
      `import { capturePayment } from './extracted/payment/facade/payment.facade';\n` +
        `import { setShadowReporter, shadowsSettled } from './extracted/payment/facade/routing';\n` +
        `setShadowReporter((report) => console.log(report.error));\n` +
        `capturePayment({ orderId: 'ord_shadow', amountCents: 100 }).then(shadowsSettled);\n`,
    );
    const waited = await exited(['shadow-wait.ts'], {
      SEAMS_ROUTE_PAYMENT: 'shadow',
      SEAMS_ROUTING: join(app, 'replay.json'),
      SEAMS_PAYMENT_URL: `http://127.0.0.1:${port}`,
      SEAMS_PAYMENT_TIMEOUT_MS: '200',
    });
    expect(waited).toEqual({
      code: 0,
      output: 'payment is unavailable (timeout): no answer to capturePayment within 200 ms\n',
    });
  }, 60_000);
});
