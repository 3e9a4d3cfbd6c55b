// An HTTP smoke test of node-express-boilerplate's public API (https://github.com/hagopj13/node-express-boilerplate)
// that needs no database: every answer it checks is made before the app reads MongoDB. Its Joi validation
// middleware refuses bad bodies (400), its passport JWT middleware refuses a request without a token or with a
// forged one (401), and its 404 handler answers unknown routes; all of them through its error converter and
// handler (`{ code, message }`). It also checks, on those answers, that the app-level middleware ran: helmet's
// headers, CORS, gzip above compression's threshold, express-mongo-sanitize (a `$` key is gone before
// validation), xss-clean (`<` escaped before validation) and, when the app runs in production, the auth rate
// limiter's headers. Routed remote, the answers must be the route server's, made by the same middleware.
// node eval/express-boilerplate-smoke.ts <base url, e.g. http://127.0.0.1:3000/v1>
// Prints one line per check, then `Tests: N passed, N failed`, and how many answers came through seams' routing
// layer from an extracted service (its proxy adds `via: 1.1 seams`). Exit 1 when a check fails.
import { createHmac } from 'node:crypto';
import { baseUrl, check, runSmoke, send, type Answer } from './smoke-run.ts';

const base = baseUrl('node eval/express-boilerplate-smoke.ts <base url of the API, e.g. http://127.0.0.1:3000/v1>');

async function call(
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; authorization?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip' };
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
  if (options.authorization) headers['authorization'] = options.authorization;
  return send(
    base + path,
    method,
    headers,
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  );
}

const messageOf = (answer: Answer) => {
  const { message } = (answer.body ?? {}) as { message?: unknown };
  return typeof message === 'string' ? message : '';
};
// The app's error handler answers `{ code, message }` with the code the status; a route server's own handler would not.
const appError = (answer: Answer, status: number) =>
  answer.status === status && (answer.body as { code?: unknown } | null)?.code === status && messageOf(answer) !== '';
// A validation failure naming exactly these problems, in any order.
const refused = (answer: Answer, problems: string[]) =>
  appError(answer, 400) && [...messageOf(answer).split(', ')].sort().join('|') === [...problems].sort().join('|');

/** A JWT signed with a secret the app does not have: refused by signature, before any database read. */
function forgedToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: '5ebac534954b54139806c112', type: 'access', iat: 1, exp: 4102444800 })}`;
  return `${payload}.${createHmac('sha256', 'not-the-app-secret').update(payload).digest('base64url')}`;
}

async function main(): Promise<void> {
  // Validation (Joi, before the controller): the auth routes.
  const empty = await call('POST', '/auth/register', { body: {} });
  check(
    'register without a body: 400 naming each field',
    refused(empty, ['"email" is required', '"password" is required', '"name" is required']),
    empty,
  );
  const weak = await call('POST', '/auth/register', {
    body: { email: 'ann@example.com', password: 'short', name: 'Ann' },
  });
  check('register with a short password: 400', refused(weak, ['password must be at least 8 characters']), weak);
  const letters = await call('POST', '/auth/register', {
    body: { email: 'not-an-email', password: 'password', name: 'Ann' },
  });
  check(
    'register with a bad email and a password without a digit: 400',
    refused(letters, ['"email" must be a valid email', 'password must contain at least 1 letter and 1 number']),
    letters,
  );
  // xss-clean escapes `<` in the body before validation: `<<<<<<<1` becomes `&lt;...1`, which has letters.
  const escaped = await call('POST', '/auth/register', { body: { email: 'not-an-email', password: '<<<<<<<1' } });
  check(
    'xss-clean ran before validation (an escaped password has letters)',
    refused(escaped, ['"email" must be a valid email', '"name" is required']),
    escaped,
  );
  // express-mongo-sanitize drops keys that start with `$` before validation, which would refuse them.
  const sanitized = await call('POST', '/auth/login', { body: { email: 'ann@example.com', $gt: '' } });
  check('express-mongo-sanitize ran before validation', refused(sanitized, ['"password" is required']), sanitized);
  const unknown = await call('POST', '/auth/login', {
    body: { email: 'ann@example.com', password: 'password1', admin: true },
  });
  check('login with an unknown field: 400', refused(unknown, ['"admin" is not allowed']), unknown);
  for (const path of ['/auth/logout', '/auth/refresh-tokens']) {
    const answer = await call('POST', path, { body: {} });
    check(`${path} without a refresh token: 400`, refused(answer, ['"refreshToken" is required']), answer);
  }
  const forgot = await call('POST', '/auth/forgot-password', { body: { email: 'nobody' } });
  check('forgot-password with a bad email: 400', refused(forgot, ['"email" must be a valid email']), forgot);
  const reset = await call('POST', '/auth/reset-password', { body: { password: 'password1' } });
  check('reset-password without its token: 400', refused(reset, ['"token" is required']), reset);
  const verify = await call('POST', '/auth/verify-email', { body: {} });
  check('verify-email without its token: 400', refused(verify, ['"token" is required']), verify);
  const malformed = await call('POST', '/auth/login', { raw: '{"email": ' });
  check(
    "a body that is not JSON: the app's error converter answers",
    (malformed.status === 400 || malformed.status === 500) && appError(malformed, malformed.status),
    malformed,
  );
  const limited = letters.headers.get('x-ratelimit-limit');
  if (limited !== null) check('the auth rate limiter counts refused requests', limited === '20', letters);

  // Authentication (passport's JWT strategy, before validation): the user routes and one auth route.
  const verification = await call('POST', '/auth/send-verification-email');
  check('send-verification-email without a token: 401', appError(verification, 401), verification);
  const forged = forgedToken();
  for (const [method, path] of [
    ['GET', '/users'],
    ['POST', '/users'],
    ['GET', '/users/5ebac534954b54139806c112'],
    ['PATCH', '/users/5ebac534954b54139806c112'],
    ['DELETE', '/users/5ebac534954b54139806c112'],
  ] as const) {
    const bare = await call(method, path, method === 'GET' || method === 'DELETE' ? {} : { body: { name: 'Ann' } });
    check(
      `${method} ${path} without a token: 401`,
      appError(bare, 401) && messageOf(bare) === 'Please authenticate',
      bare,
    );
  }
  const forgedList = await call('GET', '/users', { authorization: `Bearer ${forged}` });
  check('GET /users with a forged token: 401', appError(forgedList, 401), forgedList);
  const garbled = await call('GET', '/users?limit=2', { authorization: 'Bearer not.a.jwt' });
  check('GET /users with a garbled token: 401', appError(garbled, 401), garbled);

  // The app-level middleware, on an answer of the user routes.
  const headers = (await call('GET', '/users')).headers;
  check(
    'helmet: nosniff and a frame policy',
    headers.get('x-content-type-options') === 'nosniff' && headers.has('x-frame-options'),
  );
  check(
    'helmet: a content security policy',
    (headers.get('content-security-policy') ?? '').includes("default-src 'self'"),
  );
  check('cors: any origin', headers.get('access-control-allow-origin') === '*');
  // Above compression's 1 kB threshold: 60 unknown fields, each named in the validation message.
  const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`field_${i}`, i]));
  const large = await call('POST', '/auth/login', { body: { email: 'a@b.co', password: 'password1', ...many } });
  check(
    'compression: a large answer is gzipped',
    refused(
      large,
      Object.keys(many).map((name) => `"${name}" is not allowed`),
    ) && large.headers.get('content-encoding') === 'gzip',
    large,
  );

  // What no router serves: the app's 404 handler.
  const missing = await call('GET', '/no-such-route');
  check('an unknown route: 404', appError(missing, 404) && messageOf(missing) === 'Not found', missing);
}

await runSmoke(main);
