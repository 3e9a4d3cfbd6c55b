// An HTTP smoke test of the public RealWorld ("Conduit") API, the one every RealWorld back-end implements
// (https://realworld-docs.netlify.app/specifications/backend/endpoints/): it registers two users, logs in,
// reads and updates the current user, follows a profile, creates, reads, lists, updates, favourites and
// deletes an article, comments on it and lists tags, checking each answer's status and shape as the
// spec gives them, and the errors the spec names (422 for a bad registration, 401 without a token).
// Lists are read as the article's author: some back-ends list only demo authors' articles and the reader's own.
// node eval/realworld-smoke.ts <base url, e.g. http://127.0.0.1:3000/api>
// Prints one line per check, then `N passed, N failed`, and how many answers came through seams' routing
// layer from an extracted service (its proxy adds `via: 1.1 seams`). Exit 1 when a check fails.
import { randomBytes } from 'node:crypto';
import { baseUrl, check, runSmoke, send, type Answer } from './smoke-run.ts';

const base = baseUrl(
  'node eval/realworld-smoke.ts <base url of the API, e.g. http://127.0.0.1:3000/api>',
  process.env['REALWORLD_API'],
);

async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers['authorization'] = `Token ${options.token}`;
  return send(base + path, method, headers, options.body === undefined ? undefined : JSON.stringify(options.body));
}

/** The value at a path of field names in a JSON answer, or undefined. */
function at(value: unknown, ...path: string[]): unknown {
  let here = value;
  for (const name of path)
    here = here !== null && typeof here === 'object' ? (here as Record<string, unknown>)[name] : undefined;
  return here;
}
const list = (value: unknown, ...path: string[]): unknown[] => {
  const found = at(value, ...path);
  return Array.isArray(found) ? (found as unknown[]) : [];
};
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

const isUser = (body: unknown, username: string) =>
  at(body, 'user', 'username') === username &&
  typeof at(body, 'user', 'token') === 'string' &&
  at(body, 'user', 'email') !== undefined;
const isProfile = (body: unknown, username: string, following: boolean) =>
  at(body, 'profile', 'username') === username && at(body, 'profile', 'following') === following;
const created = (answer: Answer) => answer.status === 200 || answer.status === 201;
// The checks follow the spec; the ids the next requests need are taken wherever a back-end put them (some
// answer an article or a comment unwrapped), so one deviation fails one check, not every one after it.
const found = (body: unknown, wrapper: string, field: string) => text(at(body, wrapper, field) ?? at(body, field));

async function main(): Promise<void> {
  const run = randomBytes(4).toString('hex');
  const [alice, bob] = [`alice${run}`, `bob${run}`];
  const password = `pw-${run}`;

  const registered = await call('POST', '/users', {
    body: { user: { username: alice, email: `${alice}@example.com`, password } },
  });
  check('register a user', created(registered) && isUser(registered.body, alice), registered);
  const second = await call('POST', '/users', {
    body: { user: { username: bob, email: `${bob}@example.com`, password } },
  });
  check('register a second user', created(second) && isUser(second.body, bob), second);
  const missing = await call('POST', '/users', { body: { user: { username: `x${run}`, password } } });
  check(
    'register without an email: 422 with errors',
    missing.status === 422 && at(missing.body, 'errors') !== undefined,
    missing,
  );

  const login = await call('POST', '/users/login', { body: { user: { email: `${alice}@example.com`, password } } });
  check('log in', login.status === 200 && isUser(login.body, alice), login);
  const token = text(at(login.body, 'user', 'token') ?? at(registered.body, 'user', 'token'));
  const bobToken = text(at(second.body, 'user', 'token'));

  const anonymous = await call('GET', '/user');
  check('current user without a token: 401', anonymous.status === 401, anonymous);
  const current = await call('GET', '/user', { token });
  check('current user', current.status === 200 && isUser(current.body, alice), current);
  const updated = await call('PUT', '/user', { token, body: { user: { bio: `bio ${run}` } } });
  check('update the current user', updated.status === 200 && at(updated.body, 'user', 'bio') === `bio ${run}`, updated);

  const profile = await call('GET', `/profiles/${bob}`, { token });
  check('a profile', profile.status === 200 && isProfile(profile.body, bob, false), profile);
  const followed = await call('POST', `/profiles/${bob}/follow`, { token });
  check('follow', created(followed) && isProfile(followed.body, bob, true), followed);

  const tag = `tag${run}`;
  const article = { title: `How to train ${run}`, description: 'Ever wonder how?', body: 'Very carefully.' };
  const posted = await call('POST', '/articles', {
    token: bobToken,
    body: { article: { ...article, tagList: [tag] } },
  });
  const slug = found(posted.body, 'article', 'slug');
  check(
    'create an article',
    created(posted) && slug !== '' && at(posted.body, 'article', 'title') === article.title,
    posted,
  );
  const read = await call('GET', `/articles/${slug}`, { token });
  check(
    'read the article',
    read.status === 200 &&
      at(read.body, 'article', 'slug') === slug &&
      at(read.body, 'article', 'author', 'username') === bob,
    read,
  );
  const listed = await call('GET', `/articles?author=${bob}`, { token: bobToken });
  check(
    'list articles by author',
    listed.status === 200 && list(listed.body, 'articles').length >= 1 && Number(at(listed.body, 'articlesCount')) >= 1,
    listed,
  );
  const byTag = await call('GET', `/articles?tag=${tag}`, { token: bobToken });
  check('list articles by tag', byTag.status === 200 && at(list(byTag.body, 'articles')[0], 'slug') === slug, byTag);
  const feed = await call('GET', '/articles/feed', { token });
  check(
    'the feed has the followed author',
    feed.status === 200 && list(feed.body, 'articles').some((a) => at(a, 'slug') === slug),
    feed,
  );
  const changed = await call('PUT', `/articles/${slug}`, {
    token: bobToken,
    body: { article: { body: `Edited ${run}` } },
  });
  check(
    'update the article',
    changed.status === 200 && at(changed.body, 'article', 'body') === `Edited ${run}`,
    changed,
  );
  const newSlug = found(changed.body, 'article', 'slug') || slug;

  const favorited = await call('POST', `/articles/${newSlug}/favorite`, { token });
  check(
    'favourite',
    created(favorited) &&
      at(favorited.body, 'article', 'favorited') === true &&
      at(favorited.body, 'article', 'favoritesCount') === 1,
    favorited,
  );
  const byFavorite = await call('GET', `/articles?favorited=${alice}`, { token: bobToken });
  check(
    'list articles favourited by a user',
    byFavorite.status === 200 && Number(at(byFavorite.body, 'articlesCount')) >= 1,
    byFavorite,
  );
  const unfavorited = await call('DELETE', `/articles/${newSlug}/favorite`, { token });
  check(
    'unfavourite',
    unfavorited.status === 200 && at(unfavorited.body, 'article', 'favorited') === false,
    unfavorited,
  );

  const comment = await call('POST', `/articles/${newSlug}/comments`, {
    token,
    body: { comment: { body: `Nice ${run}` } },
  });
  const commentId = found(comment.body, 'comment', 'id');
  check(
    'comment',
    created(comment) && at(comment.body, 'comment', 'body') === `Nice ${run}` && commentId !== '',
    comment,
  );
  const comments = await call('GET', `/articles/${newSlug}/comments`, { token });
  check(
    'list comments',
    comments.status === 200 && list(comments.body, 'comments').some((c) => text(at(c, 'id')) === commentId),
    comments,
  );
  const uncommented = await call('DELETE', `/articles/${newSlug}/comments/${commentId}`, { token });
  check('delete the comment', uncommented.status === 200 || uncommented.status === 204, uncommented);

  const tags = await call('GET', '/tags', { token: bobToken });
  check('tags', tags.status === 200 && list(tags.body, 'tags').includes(tag), tags);

  const unfollowed = await call('DELETE', `/profiles/${bob}/follow`, { token });
  check('unfollow', unfollowed.status === 200 && isProfile(unfollowed.body, bob, false), unfollowed);
  const deleted = await call('DELETE', `/articles/${newSlug}`, { token: bobToken });
  check('delete the article', deleted.status === 200 || deleted.status === 204, deleted);
  const gone = await call('GET', `/articles/${newSlug}`);
  check('the deleted article is gone: 404', gone.status === 404, gone);
}

await runSmoke(main);
