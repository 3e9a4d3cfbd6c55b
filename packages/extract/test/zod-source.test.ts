import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withDocConstraints } from '../src/contract/doc-constraints.ts';
import { zodSource } from '../src/generate/zod-source.ts';

// The schema a contract builder emits for `Payment`-like data, and the zod code generated from it.
const payment = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { enum: ['captured', 'failed'] },
    amountCents: { type: 'number' },
    failureReason: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    card: { $ref: '#/components/schemas/CardDetails' },
    tags: { type: 'array', items: { type: 'string' } },
    meta: { type: 'object', additionalProperties: { type: 'number' } },
    at: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'status', 'amountCents', 'failureReason'],
  additionalProperties: false,
};

describe('zod source from JSON Schema', () => {
  it('writes code a person can read, one field a line', () => {
    expect(zodSource(payment)).toBe(`z.object({
  id: z.string(),
  status: z.enum(['captured', 'failed']),
  amountCents: z.number(),
  failureReason: z.string().nullable(),
  card: z.lazy(() => CardDetails).optional(),
  tags: z.array(z.string()).optional(),
  meta: z.record(z.string(), z.number()).optional(),
  at: z.string().datetime().optional(),
})`);
  });

  it('validates what the type allows and rejects what it does not', () => {
    const CardDetails = z.object({ number: z.string() });
    // Evaluating the generated source is the point: it must run, not only read well.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const schema = new Function('z', 'CardDetails', `return ${zodSource(payment)};`)(z, CardDetails) as z.ZodType;
    expect(
      schema.safeParse({
        id: 'pay_1',
        status: 'captured',
        amountCents: 10,
        failureReason: null,
        card: { number: '4242' },
      }).success,
    ).toBe(true);
    expect(schema.safeParse({ id: 'pay_1', status: 'refunded', amountCents: 10, failureReason: null }).success).toBe(
      false,
    );
    expect(
      schema.safeParse({ id: 'pay_1', status: 'failed', amountCents: '10', failureReason: 'declined' }).success,
    ).toBe(false);
  });

  it('covers literals, tuples, intersections and unknown', () => {
    expect(zodSource({ const: "it's" })).toBe("z.literal('it\\'s')");
    expect(zodSource({ enum: [1, 2] })).toBe('z.union([z.literal(1), z.literal(2)])');
    expect(zodSource({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] })).toBe(
      'z.tuple([z.string(), z.number().int()])',
    );
    expect(zodSource({ allOf: [{ type: 'object', properties: {} }, { $ref: '#/components/schemas/Audit' }] })).toBe(
      'z.intersection(z.object({}), z.lazy(() => Audit))',
    );
    expect(zodSource({ type: 'object', properties: { 'x-id': { type: 'string' } }, required: ['x-id'] })).toBe(
      'z.object({\n  "x-id": z.string(),\n})',
    );
    expect(zodSource({})).toBe('z.unknown()');
  });

  it("carries the checks the monolith's JSDoc states: a negative amount is refused", () => {
    const docs = ['/** Cents, at least one. @minimum 1 @integer */'];
    const amount = withDocConstraints({ type: 'number' }, docs);
    expect(amount).toEqual({ type: 'integer', minimum: 1 });
    expect(zodSource(amount)).toBe('z.number().int().min(1)');
    const code = withDocConstraints({ type: 'string' }, ['/**\n * @pattern ^[A-Z]{3}$\n * @maxLength 3\n */']);
    expect(zodSource(code)).toBe("z.string().max(3).regex(new RegExp('^[A-Z]{3}$', 'u'))");
    expect(zodSource(withDocConstraints({ type: 'string' }, ['/** @format email */']))).toBe('z.string().email()');
    // A reference keeps its own checks; a broken pattern is left out rather than generated.
    expect(withDocConstraints({ $ref: '#/components/schemas/Money' }, ['/** @minimum 1 */'])).toEqual({
      $ref: '#/components/schemas/Money',
    });
    expect(withDocConstraints({ type: 'string' }, ['/** @pattern ([a-z */'])).toEqual({ type: 'string' });
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const schema = new Function('z', `return ${zodSource(amount)};`)(z) as z.ZodType;
    expect([schema.safeParse(-5).success, schema.safeParse(1.5).success, schema.safeParse(4200).success]).toEqual([
      false,
      false,
      true,
    ]);
  });
});
