// buildContract on fixtures/extract/contract-billing (every kind of blocker, types across files, a
// name clash) and on the example monolith's payment service. Expectations are written from the
// fixtures' source; the declarations a person reviews are file snapshots next to the fixture.
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContract, type ContractModel } from '../src/contract/build-contract.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');
const BILLING = join(FIXTURES, 'extract/contract-billing');
const SHOP = join(FIXTURES, 'shop');

const service = 'src/billing/invoice.service.ts';
const billingInput = {
  root: BILLING,
  serviceFiles: [
    'src/billing/address.ts',
    'src/billing/invoice.ts',
    service,
    'src/billing/invoice-pdf.ts',
    'src/billing/settings.ts',
  ],
  operations: [
    `${service}#createInvoice`,
    `${service}#formatAmount`,
    `${service}#onPaid`,
    `${service}#chargeCustomer`,
    'src/billing/invoice.ts#InvoiceStatus',
    'src/billing/invoice-pdf.ts#InvoicePdf',
    'src/billing/settings.ts#CURRENCIES',
  ],
};

const shopInput = {
  root: SHOP,
  serviceFiles: [
    'src/models/payment.ts',
    'src/models/refund.ts',
    'src/payments/index.ts',
    'src/payments/providers/fake-card.provider.ts',
    'src/payments/providers/invoice.provider.ts',
    'src/payments/providers/provider.ts',
    'src/payments/providers/registry.ts',
    'src/repositories/payment.repository.ts',
    'src/repositories/refund.repository.ts',
    'src/routes/payment.routes.ts',
    'src/services/fraud-check.service.ts',
    'src/services/payment.service.ts',
    'src/services/refund.service.ts',
  ],
  operations: [
    'src/services/payment.service.ts#capturePayment',
    'src/services/refund.service.ts#refundPayment',
    'src/models/payment.ts#CardDetails',
    'src/models/payment.ts#PaymentMethod',
  ],
};

const ref = (name: string) => ({ text: name, schema: { $ref: `#/components/schemas/${name}` } });
const string = { text: 'string', schema: { type: 'string' } };
const number = { text: 'number', schema: { type: 'number' } };
const object = (properties: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const refSchema = (name: string) => ref(name).schema;
const nullableString = { anyOf: [{ type: 'string' }, { type: 'null' }] };
const stringRecord = { type: 'object', additionalProperties: { type: 'string' } };
const sharedState = (file: string, line: number, name: string) => ({
  kind: 'shared-state',
  file,
  line,
  message: `module state \`${name}\` lives in one process: after extraction the monolith and the service each have their own copy`,
});

/** What contract.ts starts with: every declaration, as the generators write it. */
const declarations = (model: ContractModel) =>
  `// types[].text of buildContract, in order\n\n${model.types.map((t) => t.text).join('\n\n')}\n`;

// The texts must compile on their own: declarations plus every operation's signature, nothing imported.
function compileErrors(model: ContractModel): string[] {
  const signatures = model.operations.map((o) => {
    const params = o.params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type.text}`).join(', ');
    return `export declare function ${o.name}(${params}): ${o.async ? `Promise<${o.returns.text}>` : o.returns.text};`;
  });
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [] },
  });
  project.createSourceFile('/contract.ts', [...model.types.map((t) => t.text), ...signatures].join('\n\n'));
  return project
    .getPreEmitDiagnostics()
    .map((d) => ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n'));
}

describe('buildContract on a billing service', () => {
  let model: ContractModel;
  beforeAll(() => {
    model = buildContract(billingInput);
  }, 30_000);

  it('describes operations, types, others and blockers', () => {
    const line = {
      description: string.schema,
      quantity: number.schema,
      unitCents: number.schema,
      vatRate: { enum: [0, 7, 19] },
    };
    expect({ ...model, types: model.types.map(({ text: _, ...rest }) => rest) }).toEqual({
      // The project's functions each operation calls (their table writes are its writes): only the transaction helper.
      callees: {
        chargeCustomer: [],
        createInvoice: [{ file: 'src/shared/db.ts', function: 'withTransaction' }],
        formatAmount: [],
        onPaid: [],
      },
      operations: [
        {
          name: 'createInvoice',
          file: service,
          line: 15,
          async: true,
          params: [{ name: 'input', optional: false, type: ref('InvoiceInput') }],
          returns: ref('Invoice'),
          // Only the first paragraph of the JSDoc.
          doc: 'Creates an open invoice with the next free number.',
        },
        {
          name: 'formatAmount',
          file: service,
          line: 26,
          async: false,
          params: [
            { name: 'cents', optional: false, type: number },
            // A default value makes it optional.
            { name: 'currency', optional: true, type: ref('Currency') },
          ],
          returns: string,
          doc: 'Formats cents for print: 1234 is "€12.34".',
        },
        {
          name: 'onPaid',
          file: service,
          line: 31,
          async: false,
          params: [{ name: 'handler', optional: false, type: { text: '(invoice: Invoice) => void', schema: {} } }],
          returns: { text: 'void', schema: {} },
          doc: 'Calls `handler` whenever an invoice is paid.',
        },
        {
          name: 'chargeCustomer',
          file: service,
          line: 35,
          async: true,
          params: [
            { name: 'customer', optional: false, type: { text: 'unknown', schema: {} } },
            { name: 'invoiceId', optional: false, type: string },
          ],
          returns: ref('Receipt'),
        },
      ],
      // Dependencies first; the customers' Address clashes with billing's and becomes Address2.
      types: [
        { name: 'Currency', schema: { enum: ['EUR', 'USD'] }, file: 'src/billing/invoice.ts' },
        { name: 'CountryCode', schema: { enum: ['DE', 'FR', 'NL'] }, file: 'src/billing/address.ts' },
        {
          name: 'Address',
          schema: {
            type: 'object',
            properties: {
              name: string.schema,
              line1: string.schema,
              line2: string.schema,
              country: refSchema('CountryCode'),
            },
            required: ['name', 'line1', 'country'],
            additionalProperties: false,
          },
          file: 'src/billing/address.ts',
        },
        {
          name: 'InvoiceLine',
          schema: object(line, ['description', 'quantity', 'unitCents', 'vatRate']),
          file: 'src/billing/invoice.ts',
        },
        {
          name: 'InvoiceInput',
          schema: {
            type: 'object',
            properties: {
              customerId: string.schema,
              currency: refSchema('Currency'),
              billTo: refSchema('Address'),
              lines: { type: 'array', items: refSchema('InvoiceLine') },
              labels: stringRecord,
            },
            required: ['customerId', 'currency', 'billTo', 'lines'],
            additionalProperties: false,
          },
          file: 'src/billing/invoice.ts',
        },
        { name: 'InvoiceStatus', schema: { enum: ['draft', 'open', 'paid', 'void'] }, file: 'src/billing/invoice.ts' },
        {
          name: 'Invoice',
          schema: object(
            {
              id: string.schema,
              number: string.schema,
              customerId: string.schema,
              status: refSchema('InvoiceStatus'),
              currency: refSchema('Currency'),
              billTo: refSchema('Address'),
              lines: { type: 'array', items: refSchema('InvoiceLine') },
              totalCents: number.schema,
              labels: stringRecord,
              issuedAt: { type: 'string', format: 'date-time' },
              paidAt: nullableString,
            },
            [
              'id',
              'number',
              'customerId',
              'status',
              'currency',
              'billTo',
              'lines',
              'totalCents',
              'labels',
              'issuedAt',
              'paidAt',
            ],
          ),
          file: 'src/billing/invoice.ts',
        },
        {
          name: 'Address2',
          schema: object({ street: string.schema, city: string.schema, postcode: string.schema }, [
            'street',
            'city',
            'postcode',
          ]),
          file: 'src/customers/customer.ts',
        },
        {
          name: 'Receipt',
          schema: object({ invoiceId: string.schema, amountCents: number.schema, shippedTo: refSchema('Address2') }, [
            'invoiceId',
            'amountCents',
            'shippedTo',
          ]),
          file: 'src/billing/invoice.ts',
        },
      ],
      others: [
        { entry: 'src/billing/invoice.ts#InvoiceStatus', kind: 'type', file: 'src/billing/invoice.ts', line: 6 },
        { entry: 'src/billing/invoice-pdf.ts#InvoicePdf', kind: 'class', file: 'src/billing/invoice-pdf.ts', line: 4 },
        { entry: 'src/billing/settings.ts#CURRENCIES', kind: 'value', file: 'src/billing/settings.ts', line: 1 },
      ],
      blockers: [
        {
          // Reported where the field is declared, for the operation that carries it.
          kind: 'unsupported-type',
          operation: 'createInvoice',
          file: 'src/billing/invoice.ts',
          line: 28,
          message:
            '`Invoice.issuedAt` (used by `createInvoice`) is a Date: it arrives as a string over HTTP: declare it as an ISO string, or turn it back into a Date on arrival',
        },
        {
          kind: 'transaction',
          operation: 'createInvoice',
          file: service,
          line: 16,
          message:
            '`createInvoice` calls `withTransaction`: a transaction here cannot span the monolith and the service: use a saga or an outbox',
        },
        {
          kind: 'sync',
          operation: 'formatAmount',
          file: service,
          line: 26,
          message:
            '`formatAmount` is synchronous: callers use the result synchronously; a remote call is async: make it async, then route it',
        },
        {
          kind: 'sync',
          operation: 'onPaid',
          file: service,
          line: 31,
          message:
            '`onPaid` is synchronous: callers use the result synchronously; a remote call is async: make it async, then route it',
        },
        {
          // The Invoice the callback receives is not reported again: the callback is the problem.
          kind: 'callback',
          operation: 'onPaid',
          file: service,
          line: 31,
          message:
            'Parameter `handler` of `onPaid` is a function: a callback cannot cross a network boundary: pass data, or an event',
        },
        {
          kind: 'class-instance',
          operation: 'chargeCustomer',
          file: service,
          line: 35,
          message:
            'Parameter `customer` of `chargeCustomer` is an instance of class `Customer`: its methods and identity are lost over the network: pass a plain data type instead',
        },
        {
          kind: 'class-instance',
          operation: 'InvoicePdf',
          file: 'src/billing/invoice-pdf.ts',
          line: 4,
          message:
            "Class `InvoicePdf` is used outside the service but never constructed there (`new InvoicePdf`): its instances come from the service's code, and their methods and identity cannot cross a network boundary: expose functions that take and return plain data instead",
        },
        // A `let`, a Map and an array changed by the file's functions, an exported object. Not
        // CURRENCY_SYMBOLS (never changed) nor CURRENCIES (`as const`).
        sharedState(service, 6, 'nextNumber'),
        sharedState(service, 7, 'invoices'),
        sharedState(service, 8, 'paidHandlers'),
        sharedState('src/billing/settings.ts', 4, 'lateFees'),
      ],
    });
  });

  it('declares the types with their doc comments, in text that compiles on its own', async () => {
    await expect(declarations(model)).toMatchFileSnapshot(join(BILLING, 'contract-types.ts'));
    expect(compileErrors(model)).toEqual([]);
  });
});

describe("buildContract on the example monolith's payment service", () => {
  let model: ContractModel;
  beforeAll(() => {
    model = buildContract(shopInput);
  }, 30_000);

  it('gives two async operations whose types are declared', () => {
    expect(model.operations).toEqual([
      {
        name: 'capturePayment',
        file: 'src/services/payment.service.ts',
        line: 16,
        async: true,
        params: [{ name: 'input', optional: false, type: ref('CapturePaymentInput') }],
        returns: ref('Payment'),
        doc: 'Charge the customer for an order. Never throws for a declined payment: the returned payment has status `failed` and a `failureReason` instead.',
      },
      {
        name: 'refundPayment',
        file: 'src/services/refund.service.ts',
        line: 20,
        async: true,
        params: [
          { name: 'paymentId', optional: false, type: string },
          { name: 'reason', optional: false, type: string },
          { name: 'amountCents', optional: true, type: number },
        ],
        returns: ref('RefundOutcome'),
        doc: 'Refund all (default) or part of a captured payment.',
      },
    ]);
    expect(model.types.map((t) => `${t.file}#${t.name}`)).toEqual([
      'src/models/payment.ts#PaymentMethod',
      'src/models/payment.ts#CardDetails',
      'src/models/payment.ts#CapturePaymentInput',
      'src/models/payment.ts#PaymentStatus',
      'src/models/payment.ts#Payment',
      'src/models/refund.ts#Refund',
      'src/services/refund.service.ts#RefundOutcome',
    ]);
    expect(model.types.find((t) => t.name === 'CapturePaymentInput')?.text).toBe(
      'export interface CapturePaymentInput {\n  orderId: string;\n  customerEmail: string;\n  country: string;\n  amountCents: number;\n  currency: string;\n  method: PaymentMethod;\n  card?: CardDetails;\n}',
    );
    const payment = {
      id: string.schema,
      orderId: string.schema,
      method: refSchema('PaymentMethod'),
      provider: string.schema,
      providerRef: nullableString,
      status: refSchema('PaymentStatus'),
      amountCents: number.schema,
      refundedCents: number.schema,
      currency: string.schema,
      failureReason: nullableString,
      fraudScore: number.schema,
      createdAt: string.schema,
      updatedAt: string.schema,
    };
    expect(model.types.find((t) => t.name === 'Payment')?.schema).toEqual(object(payment, Object.keys(payment)));
    expect(model.types.find((t) => t.name === 'PaymentStatus')?.schema).toEqual({
      enum: ['authorized', 'captured', 'failed', 'partially_refunded', 'refunded'],
    });
    expect(model.types.find((t) => t.name === 'RefundOutcome')?.schema).toEqual(
      object({ refund: refSchema('Refund'), payment: refSchema('Payment') }, ['refund', 'payment']),
    );
    expect(compileErrors(model)).toEqual([]);
  });

  it('lists the type entries and the providers registry that tests swap providers in', () => {
    expect(model.others).toEqual([
      { entry: 'src/models/payment.ts#CardDetails', kind: 'type', file: 'src/models/payment.ts', line: 21 },
      { entry: 'src/models/payment.ts#PaymentMethod', kind: 'type', file: 'src/models/payment.ts', line: 1 },
    ]);
    // registerProvider() changes the Map: the monolith's tests would swap a provider the service never sees.
    expect(model.blockers).toEqual([sharedState('src/payments/providers/registry.ts', 6, 'providers')]);
  });
});
