// Output formats: SARIF checked against the official 2.1.0 schema and reviewed as a file, GitHub
// workflow commands escaped exactly as GitHub documents, JSON whole, exit codes for every format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyBaseline,
  checkPlan,
  createBaseline,
  formatCheck,
  FORMATTERS,
  withoutCommands,
  type CheckResult,
  type Finding,
} from '../src/index.ts';
import { FIXTURES, loadFixture } from './check-fixture.ts';

const CASES = [
  'internal-import',
  'undeclared-dependency',
  'service-cycle',
  'forbidden-shared',
  'unplanned-files',
  'table-write',
  'moved-files',
];

async function findingsOf(name: string): Promise<Finding[]> {
  const { graph, plan } = await loadFixture(join(FIXTURES, name));
  return checkPlan(graph, plan);
}

function sarifValidator() {
  const schemaFile = new URL('./schemas/sarif-2.1.0-rtm.5.json', import.meta.url);
  // The schema's `language` pattern has a stray `]` that only non-Unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // Ajv ships no formats; these are the three the schema uses, checked as their RFCs define them.
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
}

describe('sarif', () => {
  let internal: Finding[];
  beforeAll(async () => {
    internal = await findingsOf('internal-import');
  });

  it('matches the reviewed file: new findings only, fingerprints, locations under the prefix', async () => {
    // The first finding is baselined and so left out; a stale entry has no place in SARIF.
    const baseline = createBaseline(internal.slice(0, 1));
    const result = applyBaseline(internal, {
      ...baseline,
      findings: [...baseline.findings, { ...baseline.findings[0]!, fingerprint: 'gone' }],
    });
    const { output, exitCode } = await formatCheck('sarif', result, {
      root: '/home/dev/monorepo',
      prefix: 'apps/shop/',
    });
    expect(exitCode).toBe(1);
    await expect(output).toMatchFileSnapshot(join(FIXTURES, 'internal-import', 'check.sarif'));
  });

  it('validates against the SARIF 2.1.0 schema for every fixture, a line-less finding and a clean run', async () => {
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] }), 'a run without its tool is invalid').toBe(false);
    const all = (await Promise.all(CASES.map(findingsOf))).flat();
    const lineless = { ...internal[0]!, line: 0 };
    for (const fresh of [all, [lineless], []]) {
      const log = JSON.parse(
        (await formatCheck('sarif', { fresh, known: [], stale: [] }, { root: 'C:/work/shop' })).output,
      );
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    }
    const log = JSON.parse((await formatCheck('sarif', { fresh: [lineless], known: [], stale: [] })).output);
    // SARIF lines start at 1: a finding from an imported graph that has no line points at the file.
    expect(log.runs[0].results[0].locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'src/orders/order-service.ts', uriBaseId: '%SRCROOT%' } } },
    ]);
  });
});

describe('github', () => {
  const finding: Finding = {
    rule: 'internal-import',
    from: 'src/100%/a,b:c.ts',
    line: 7,
    to: 'src/payments/refunds.ts',
    specifier: '../payments',
    fromService: 'orders',
    toService: 'payments',
    message: 'orders imports src/payments/refunds.ts: 100% internal,\r\nreally',
    fix: 'use an entry',
    fingerprint: '0123456789abcdef0123',
  };

  it('escapes % CR LF in messages, and : , too in properties', async () => {
    const result: CheckResult = {
      fresh: [finding, { ...finding, from: 'src/imported.ts', line: 0 }],
      known: [],
      stale: [
        {
          rule: 'service-cycle',
          from: 'src/billing/index.ts',
          to: 'src/orders/index.ts',
          fingerprint: 'f',
          message: 'm',
        },
      ],
    };
    const { output, exitCode } = await formatCheck('github', result, { prefix: 'apps/shop' });
    expect(output).toBe(
      '::error file=apps/shop/src/100%25/a%2Cb%3Ac.ts,line=7,title=seams%3A internal-import::orders imports src/payments/refunds.ts: 100%25 internal,%0D%0Areally%0Afix: use an entry\n' +
        '::error file=apps/shop/src/imported.ts,title=seams%3A internal-import::orders imports src/payments/refunds.ts: 100%25 internal,%0D%0Areally%0Afix: use an entry\n' +
        '::warning title=seams%3A stale baseline::1 baseline entry no longer found (drop with --update-baseline):%0Aservice-cycle  apps/shop/src/billing/index.ts → apps/shop/src/orders/index.ts\n',
    );
    expect(exitCode).toBe(1);
  });

  it('prints nothing and passes when every finding is baselined', async () => {
    expect(await formatCheck('github', { fresh: [], known: [finding], stale: [] })).toEqual({
      output: '',
      exitCode: 0,
    });
  });
});

describe('text', () => {
  const injected = 'src/z\n::warning file=README.md,line=1::INJECTED\n.ts';
  const finding: Finding = {
    rule: 'unassigned-file',
    from: injected,
    line: 0,
    to: injected,
    specifier: '',
    message: 'no service holds this file: \x1b[2Jcleared',
    fix: 'add it to a service',
    fingerprint: '0123456789abcdef0123',
  };

  it('prints control characters in paths and messages as escapes, so every finding is one line', async () => {
    const result = { fresh: [finding], known: [], stale: [{ ...finding, message: 'm' }] };
    const { output } = await formatCheck('text', result);
    expect(output).toBe(
      [
        'src/z\\n::warning file=README.md,line=1::INJECTED\\n.ts  unassigned-file  no service holds this file: \\x1b[2Jcleared',
        '  fix: add it to a service',
        '',
        'stale baseline entries, no longer found (drop them with --update-baseline):',
        '  unassigned-file  src/z\\n::warning file=README.md,line=1::INJECTED\\n.ts → src/z\\n::warning file=README.md,line=1::INJECTED\\n.ts',
        '',
        'seams check: 1 new, 0 baselined, 1 stale',
        '',
      ].join('\n'),
    );
  });

  it('is shown in GitHub Actions with workflow commands off, the same token on every run', () => {
    const text = '::warning::x.ts:1  internal-import  ...\n';
    const wrapped = withoutCommands(text);
    const token = /^::stop-commands::([0-9a-f]{32})\n/.exec(wrapped)?.[1];
    expect(wrapped).toBe(`::stop-commands::${token}\n${text}::${token}::\n`);
    expect(withoutCommands(text)).toBe(wrapped);
    expect(withoutCommands('other\n')).not.toContain(token);
  });
});

describe('formats', () => {
  it('write the result whole as JSON', async () => {
    const findings = await findingsOf('forbidden-shared');
    const result = applyBaseline(findings, createBaseline(findings.slice(1)));
    const { output, exitCode } = await formatCheck('json', result);
    expect(JSON.parse(output)).toEqual({
      version: 1,
      fresh: findings.slice(0, 1),
      known: findings.slice(1),
      stale: [],
    });
    expect(exitCode).toBe(1);
  });

  it('exit 0 when nothing is new, in every format', async () => {
    const known = await findingsOf('service-cycle');
    for (const format of Object.keys(FORMATTERS)) {
      expect((await formatCheck(format, { fresh: [], known, stale: [] })).exitCode, format).toBe(0);
    }
  });

  it('refuse an unknown format, naming the known ones', async () => {
    await expect(formatCheck('xml', { fresh: [], known: [], stale: [] })).rejects.toThrowError(
      expect.objectContaining({
        code: 'SEAMS_OPTION_INVALID',
        message: "Unknown check format 'xml'; choose one of text, json, sarif, github.",
      }),
    );
  });
});
