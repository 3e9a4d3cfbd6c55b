// What ownership rests on: Prisma nested writes named through the schema's relations, SQL migrations
// applied in order (a dropped table is gone, a renamed one moves), TypeORM relations as foreign keys,
// Sequelize associations as foreign keys, and tests kept apart from the app (fixtures/data/prisma-nested,
// fixtures/data/typeorm-relations, fixtures/data/sequelize-associations).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Graph } from '@seams/graph';
import { analyze } from '../src/analyze.ts';
import { isTestFile } from '../src/data/is-test-file.ts';
import { applySql, sqlModels, type SqlSchema } from '../src/data/sql/schema-models.ts';

const fixtures = join(import.meta.dirname, '../../../fixtures/data');
const accesses = (graph: Graph) =>
  (graph.data ?? []).map(
    (d) => `${d.from}:${d.line} ${d.access} ${d.table}${d.model ? ` (${d.model})` : ''}${d.test ? ' test' : ''}`,
  );
const tables = (graph: Graph) =>
  (graph.tables ?? []).map(
    (t) =>
      `${t.name} <- ${t.models.map((m) => `${m.from}:${m.line}${m.references ? ` -> ${m.references.join(',')}` : ''}`).join(' | ')}`,
  );

describe('prisma-nested', async () => {
  const graph = await analyze({ root: join(fixtures, 'prisma-nested'), cache: false });

  test('nested writes write the related model, implicit many-to-many links their join table', () => {
    expect(accesses(graph)).toEqual([
      'src/__tests__/article.service.test.ts:7 write Tag (tag) test',
      'src/__tests__/article.service.test.ts:8 write seedMarker test',
      'src/article.service.ts:6 write Article (article)',
      // connectOrCreate creates tags and links them; `author: { connect }` sets the article's own key.
      'src/article.service.ts:10 write Tag (tag)',
      'src/article.service.ts:10 write _ArticleToTag',
      'src/article.service.ts:18 write Article (article)',
      'src/article.service.ts:18 write _ArticleToTag',
      'src/article.service.ts:22 write Article (article)',
      'src/article.service.ts:22 write _UserFavorites',
      'src/article.service.ts:26 write ArticleComment (comment)',
      'src/article.service.ts:30 write User (user)',
      // Two levels down: the user's new article, and that article's new tag.
      'src/article.service.ts:34 write Article (article)',
      'src/article.service.ts:34 write Tag (tag)',
      'src/article.service.ts:34 write _ArticleToTag',
    ]);
  });

  test('migrations apply in folder order: ArticleTags dropped, Comment renamed, the test seed no table', () => {
    const initial = 'prisma/migrations/20240101120000_initial/migration.sql';
    expect(tables(graph)).toEqual([
      `Article <- ${initial}:1 -> User | prisma/schema.prisma:6 -> User`,
      `ArticleComment <- ${initial}:13 -> Article | prisma/schema.prisma:16 -> Article`,
      `Tag <- ${initial}:19 | prisma/schema.prisma:25`,
      `User <- ${initial}:24 | prisma/schema.prisma:31`,
      '_ArticleToTag <- prisma/migrations/20240215093000_implicit_tags/migration.sql:8 -> Article,Tag',
      `_UserFavorites <- ${initial}:29 -> Article,User`,
    ]);
  });
});

test('typeorm-relations: @ManyToOne, owning @OneToOne and @ManyToMany + @JoinTable are foreign keys', async () => {
  const graph = await analyze({ root: join(fixtures, 'typeorm-relations'), cache: false });
  // @OneToMany and the inverse @OneToOne add nothing: the other side holds the key. The test entity is no table.
  expect(tables(graph)).toEqual([
    'article <- src/article/article.entity.ts:6 -> user',
    'comment <- src/article/comment.entity.ts:5 -> article',
    'user <- src/user/user.entity.ts:6 -> article,user_profile',
    'user_profile <- src/user/profile.entity.ts:5',
  ]);
});

test('sequelize-associations: belongsTo keys the source, hasOne/hasMany the target, belongsToMany the join; decorators too', async () => {
  const graph = await analyze({ root: join(fixtures, 'sequelize-associations'), cache: false });
  // `through: 'NoteTags'` is a model Sequelize defines (declared by both sides); `roles.hasOne()` and
  // `Acl.belongsTo()` in lib/permissions.js name no declared model and add nothing.
  expect(tables(graph)).toEqual([
    'Follows <- models/follow.js:3 -> Tags,Users',
    'NoteTags <- models/note.js:7 -> notes,Tags | models/tag.js:7 -> notes,Tags',
    'Tags <- models/tag.js:11',
    'Users <- models/user.js:4',
    // sequelize-typescript's decorators: a `through` string, a join model, @ForeignKey/@BelongsTo, @HasMany.
    'coupon_uses <- typed/order.model.ts:25 -> coupons,orders',
    'coupons <- typed/order.model.ts:24',
    'notes <- models/note.js:3 -> Users',
    'order_coupons <- typed/order.model.ts:30 -> coupons,orders',
    'order_lines <- typed/order.model.ts:14 -> orders',
    'orders <- typed/order.model.ts:5',
    'profiles <- models/profile.js:6 -> Users',
  ]);
});

test('applySql: statements in order, across files in the order given', () => {
  const schema: SqlSchema = new Map();
  applySql(
    schema,
    '1.sql',
    'CREATE TABLE a (id int);\nCREATE TABLE b (a_id int REFERENCES a(id));\nCREATE TABLE c (x int);',
  );
  applySql(
    schema,
    '2.sql',
    'ALTER TABLE a RENAME TO accounts;\nDROP TABLE IF EXISTS c CASCADE;\nRENAME TABLE b TO bills;',
  );
  expect(sqlModels(schema)).toEqual([
    { from: '1.sql', line: 1, name: 'accounts', table: 'accounts', detector: 'sql' },
    { from: '1.sql', line: 2, name: 'bills', table: 'bills', detector: 'sql', references: ['accounts'] },
  ]);
});

test('isTestFile: test names and test folders, not names that merely contain them', () => {
  const paths = [
    'src/orders.spec.ts',
    'src/orders.test.js',
    'test/app.e2e-spec.ts',
    'src/__tests__/orders.ts',
    'e2e/login.ts',
    'src/fixtures/seed.ts',
    'src/testing-utils.ts',
    'src/contest/entry.ts',
    'src/specification.ts',
  ];
  expect(paths.filter(isTestFile)).toEqual(paths.slice(0, 6));
});
