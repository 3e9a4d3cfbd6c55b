// An HTTP smoke test of fastify/demo's API (https://github.com/fastify/demo) on its MariaDB database, seeded
// with its three users (basic, moderator, admin; password `Password123$`): logging in (its TypeBox schema
// refuses a bad body, its users repository and scrypt password manager check the password, @fastify/session
// answers a cookie), then the routes that need that session, and the one refused without it.
// Routed remote, the login is the route server's, made by the same plugins on the same database.
// node eval/fastify-demo-smoke.ts <base url, e.g. http://127.0.0.1:3000/api>
// Prints one line per check, then `Tests: N passed, N failed`, and how many answers came through seams' routing
// layer from an extracted service (its proxy adds `via: 1.1 seams`). Exit 1 when a check fails.
import { baseUrl, check, runSmoke, send, type Answer } from './smoke-run.ts';

const base = baseUrl('node eval/fastify-demo-smoke.ts <base url of the API, e.g. http://127.0.0.1:3000/api>');

async function call(method: string, path: string, options: { body?: unknown; cookie?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers['cookie'] = options.cookie;
  return send(base + path, method, headers, options.body === undefined ? undefined : JSON.stringify(options.body));
}

const field = (answer: Answer, name: string) => (answer.body as Record<string, unknown> | null)?.[name];
// The session cookie an answer sets, as a request sends it back.
const cookieOf = (answer: Answer) =>
  answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

// @fastify/under-pressure answers 503 while the event loop is as busy as at start (tsx compiling the app): the
// suite waits until the login route answers otherwise, as its `retry later` asks. That route is the one routed.
async function ready(): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 60_000;) {
    const answer = await fetch(`${base}/auth/login`, { method: 'POST', signal: AbortSignal.timeout(15_000) });
    if (answer.status !== 503) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the API answered 503 (under pressure) for a minute');
}

async function main(): Promise<void> {
  await ready();
  const invalid = await call('POST', '/auth/login', { body: { email: 'basic@example.com' } });
  check('login without a password: 400 from its schema', invalid.status === 400, invalid);
  const wrong = await call('POST', '/auth/login', { body: { email: 'basic@example.com', password: 'Wrong123$' } });
  check(
    'login with a wrong password: 401, its message',
    wrong.status === 401 && field(wrong, 'message') === 'Invalid email or password.',
    wrong,
  );
  const unknown = await call('POST', '/auth/login', {
    body: { email: 'nobody@example.com', password: 'Password123$' },
  });
  check('login of an unknown user: 401', unknown.status === 401, unknown);
  const login = await call('POST', '/auth/login', { body: { email: 'basic@example.com', password: 'Password123$' } });
  const cookie = cookieOf(login);
  check(
    'login: 200 { success: true } and a session cookie',
    login.status === 200 && field(login, 'success') === true && cookie !== '',
    login,
  );

  const anonymous = await call('GET', '/tasks');
  check('tasks without a session: 401', anonymous.status === 401, anonymous);
  const home = await call('GET', '/', { cookie });
  check(
    'the API home greets the user the session holds',
    home.status === 200 && /Hello basic!/.test(String(field(home, 'message'))),
    home,
  );
  const tasks = await call('GET', '/tasks', { cookie });
  check(
    'tasks with the session: 200, a page of tasks',
    tasks.status === 200 && Array.isArray(field(tasks, 'tasks')),
    tasks,
  );
  const missing = await call('GET', '/tasks/999999', { cookie });
  check(
    'a task that does not exist: 404, its message',
    missing.status === 404 && field(missing, 'message') === 'Task not found',
    missing,
  );
  const nowhere = await call('POST', '/auth/logout', { cookie });
  check('a route the app does not have: 404', nowhere.status === 404, nowhere);
}

await runSmoke(main);
