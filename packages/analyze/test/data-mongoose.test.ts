import { describe, expect, test } from 'vitest';
import { analyze } from '../src/analyze.ts';
import { detectorFixture } from './data-fixture.ts';

const { fixture, factsOf, access: m, model } = detectorFixture('mongoose');

describe('mongoose detector', () => {
  test('mongoose.model and model() declare the model name and its variable: a third argument, the schema collection option, or the default plural', () => {
    expect(factsOf('src/models/order.model.ts').models).toEqual([
      model(14, 'Order', 'orders'),
      model(16, 'LegacyOrder', 'orders_v1'),
      model(16, 'LegacyOrderModel', 'orders_v1'),
    ]);
    expect(factsOf('src/models/review.model.ts').models).toEqual([
      model(14, 'Review', 'reviews'),
      model(14, 'ReviewModel', 'reviews'),
      model(16, 'Category', 'categories'),
    ]);
    expect(factsOf('src/models/order.model.ts').data).toBeUndefined();
    expect(factsOf('src/models/review.model.ts').data).toBeUndefined();
  });

  test('Nest: @Schema classes declare themselves; forFeature declares names the class files do not', () => {
    expect(factsOf('src/reviews/review.schema.ts')).toMatchObject({
      models: [model(5, 'ProductReview', 'product_reviews'), model(17, 'ReviewVote', 'reviewvotes')],
    });
    expect(factsOf('src/reviews/review.schema.ts').data).toBeUndefined();
    expect(factsOf('src/reviews/reviews.module.ts').models).toEqual([
      model(10, 'ArchivedReview', 'reviews_archive'),
      model(11, 'Vote', 'votes'),
    ]);
    expect(factsOf('src/reviews/reviews.module.ts').data).toBeUndefined();
  });

  test('Nest: @InjectModel parameters and properties, new this.model(...).save(), chained queries as one access', () => {
    expect(factsOf('src/reviews/reviews.service.ts').data).toEqual([
      m(17, 'ProductReview', 'write', 'ReviewsService.add'),
      m(21, 'ProductReview', 'read', 'ReviewsService.forProduct'),
      m(25, 'ProductReview', 'read', 'ReviewsService.archiveOld'),
      m(26, 'ArchivedReview', 'write', 'ReviewsService.archiveOld'),
      m(27, 'ProductReview', 'write', 'ReviewsService.archiveOld'),
      m(31, 'Vote', 'read', 'ReviewsService.upvotes'),
    ]);
    expect(factsOf('src/reviews/reviews.service.ts').models).toBeUndefined();
  });

  test('imported models: statics, new Model(...).save() and a loaded document saved in the same function', () => {
    expect(factsOf('src/orders/order.service.ts').data).toEqual([
      m(7, 'Order', 'write', 'placeOrder'),
      m(8, 'ReviewModel', 'write', 'placeOrder'),
      m(13, 'Order', 'read', 'openOrders'),
      m(17, 'Order', 'read', 'markPaid'),
      m(20, 'Order', 'write', 'markPaid'),
      m(23, 'Order', 'write', 'cancel'),
      m(26, 'Category', 'read', 'categoryTitles'),
      m(26, 'Category', 'read', 'categoryTitles'),
    ]);
  });

  test('native driver collections name the collection itself; mongoose.model(name) looks a model up', () => {
    expect(factsOf('src/audit/audit.log.ts').data).toEqual([
      m(5, 'audit_log', 'write', 'record'),
      m(9, 'audit_log', 'read', 'recent'),
      m(14, 'audit_reports', 'write', 'purgeReports'),
      m(15, 'Order', 'read', 'purgeReports'),
    ]);
  });

  test('look-alikes: a local class with create and save, array and map methods, globals, Firestore collections', () => {
    for (const file of ['src/cart/cart.ts', 'src/notifications/push-tokens.ts']) {
      const facts = factsOf(file);
      expect([facts.data, facts.models]).toEqual([undefined, undefined]);
    }
  });
});

describe('models imported into a file that never names Mongoose', () => {
  test('are tentative in the facts, and count in the graph only where a model of that name is declared', async () => {
    const tentative = (line: number, table: string, access: 'read' | 'write', fn: string) => ({
      ...m(line, table, access, fn),
      tentative: true,
    });
    expect(factsOf('src/admin/purge.js').data).toEqual([
      tentative(6, 'Order', 'write', 'purgeOrders'),
      tentative(8, 'Review', 'read', 'reviewCount'),
      tentative(11, 'Widget', 'read', 'widgets'),
    ]);
    const graph = await analyze({ root: fixture, cache: false });
    expect(
      graph.data!.filter((d) => d.from === 'src/admin/purge.js').map(({ line, table, model }) => [line, table, model]),
    ).toEqual([
      [6, 'orders', 'Order'],
      [8, 'reviews', 'Review'],
    ]);
  });
});
