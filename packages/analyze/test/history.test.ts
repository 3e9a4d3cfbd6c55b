// readHistory on a tiny repository scripted here commit by commit (fixed authors and dates),
// so every number in the expected History can be traced to the commits below.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '@seams/graph';
import { readHistory } from '../src/history/read-history.ts';

const ADA = ['Ada Lovelace', 'ada@shop.example'];
const GRACE = ['Grace Hopper', 'Grace@Shop.example'];
const LINUS = ['Linus Torvalds', 'linus@shop.example'];
const LOGO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1]);
const TEN_LINES = (name: string) => Array.from({ length: 10 }, (_, i) => `export const ${name}${i} = ${i};\n`).join('');
const CODEOWNERS = `# Platform reviews anything unclaimed
*                  @shop/platform-team
/src/orders/       @shop/checkout-team
payment*.ts        @shop/payments-team @shop/platform-team
/src/assets/
`;

let repo: string;

function git(args: string[], [name, email]: string[] = ADA, date = '2024-03-01T09:00:00+01:00'): void {
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
    GIT_COMMITTER_DATE: date,
  };
  execFileSync('git', ['-C', repo, ...args], { env, stdio: 'pipe' });
}

/** Writes (or, for null, deletes) files, then commits all of it as author on date. */
function commit(author: string[], date: string, changes: Record<string, string | Buffer | null>): void {
  for (const [path, content] of Object.entries(changes)) {
    if (content === null) rmSync(join(repo, path));
    else {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), content);
    }
  }
  git(['add', '--all']);
  git(['commit', '--quiet', '--message', `change on ${date}`], author, date);
}

const read = (path: string) => readFileSync(join(repo, path), 'utf8');

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'seams-history-'));
  git(['init', '--quiet', '--initial-branch=main']);
  commit(ADA, '2024-03-01T09:00:00+01:00', {
    'src/orders/order.service.ts': TEN_LINES('service'),
    'src/orders/order.model.ts': TEN_LINES('model'),
    'src/payments/payment.service.ts': TEN_LINES('payment'),
    'README.md': '# shop\n',
    '.github/CODEOWNERS': CODEOWNERS,
  });
  commit(GRACE, '2024-03-02T10:00:00+01:00', {
    'src/orders/order.service.ts': read('src/orders/order.service.ts').replace('service0 = 0', 'service0 = 100'),
    'src/payments/payment.service.ts': read('src/payments/payment.service.ts') + '// retries\n',
    'src/orders/draft.ts': 'export {};\n',
  });
  commit(ADA, '2024-03-03T09:00:00+01:00', {
    'src/orders/order.service.ts': read('src/orders/order.service.ts') + '// totals\n',
    'src/payments/payment.service.ts': read('src/payments/payment.service.ts') + '// refunds\n// partial\n',
    'src/orders/order.model.ts': read('src/orders/order.model.ts') + '// status\n',
  });
  // A rename with an edit: counted under the new name only.
  commit(LINUS, '2024-03-04T18:00:00+02:00', {
    'src/orders/order.entity.ts': read('src/orders/order.model.ts') + '// entity\n',
    'src/orders/order.model.ts': null,
    'src/orders/draft.ts': null,
    'src/assets/logo.png': LOGO,
  });
  commit(GRACE, '2024-03-05T10:00:00-05:00', {
    'src/orders/order.service.ts': read('src/orders/order.service.ts') + '// tax\n',
    'src/orders/order.entity.ts': read('src/orders/order.entity.ts') + '// lines\n',
    'src/assets/logo.png': Buffer.concat([LOGO, LOGO]),
  });
  // Four files: over maxFilesPerCommit 3, a formatting sweep.
  commit(ADA, '2024-03-06T09:00:00+01:00', {
    'src/orders/order.service.ts': read('src/orders/order.service.ts') + '// format\n',
    'src/orders/order.entity.ts': read('src/orders/order.entity.ts') + '// format\n',
    'src/payments/payment.service.ts': read('src/payments/payment.service.ts') + '// format\n',
    'src/orders/extra.ts': '// format\n',
  });
  // A branch merged with a merge commit: the branch's commit counts, the merge does not.
  git(['checkout', '--quiet', '-b', 'feature']);
  commit(LINUS, '2024-03-07T09:00:00+01:00', {
    'src/payments/payment.service.ts': read('src/payments/payment.service.ts') + '// webhook\n',
    'src/orders/order.service.ts': read('src/orders/order.service.ts') + '// paid\n',
  });
  git(['checkout', '--quiet', 'main']);
  git(['merge', '--quiet', '--no-ff', '--message', 'merge feature', 'feature'], ADA, '2024-03-08T09:00:00+01:00');
  // Changes no analysed file: not read at all.
  commit(ADA, '2024-03-09T09:00:00+01:00', { 'README.md': '# shop\n\nThe example monolith.\n' });
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('readHistory', () => {
  it('counts commits, churn, authors, owners and co-change of the analysed files', () => {
    const history = readHistory({
      root: repo,
      files: [
        'src/assets/logo.png',
        'src/orders/order.entity.ts',
        'src/orders/order.service.ts',
        'src/payments/payment.service.ts',
      ],
      maxFilesPerCommit: 3,
      teams: { 'checkout-team': ['ada@shop.example', 'Grace Hopper'], 'payments-team': ['Linus@shop.example'] },
    });
    expect(history).toEqual({
      commits: 7,
      skipped: 1,
      since: '2024-03-01T08:00:00.000Z',
      until: '2024-03-07T08:00:00.000Z',
      maxFilesPerCommit: 3,
      files: [
        {
          path: 'src/assets/logo.png',
          commits: 2,
          churn: 0,
          authors: { 'grace@shop.example': 1, 'linus@shop.example': 1 },
        },
        {
          path: 'src/orders/order.entity.ts',
          commits: 2,
          churn: 2,
          authors: { 'grace@shop.example': 1, 'linus@shop.example': 1 },
          owners: ['@shop/checkout-team'],
        },
        {
          path: 'src/orders/order.service.ts',
          commits: 5,
          churn: 15,
          authors: { 'ada@shop.example': 2, 'grace@shop.example': 2, 'linus@shop.example': 1 },
          owners: ['@shop/checkout-team'],
        },
        {
          path: 'src/payments/payment.service.ts',
          commits: 4,
          churn: 14,
          authors: { 'ada@shop.example': 2, 'grace@shop.example': 1, 'linus@shop.example': 1 },
          owners: ['@shop/payments-team', '@shop/platform-team'],
        },
      ],
      cochange: [
        { a: 'src/orders/order.service.ts', b: 'src/payments/payment.service.ts', commits: 4 },
        { a: 'src/assets/logo.png', b: 'src/orders/order.entity.ts', commits: 2 },
      ],
      teams: {
        'ada@shop.example': 'checkout-team',
        'grace@shop.example': 'checkout-team',
        'linus@shop.example': 'payments-team',
      },
    });
  });

  it('gives paths relative to a subfolder root and matches CODEOWNERS from the repository top', () => {
    const history = readHistory({ root: join(repo, 'src', 'orders'), files: ['order.entity.ts', 'order.service.ts'] });
    expect(history).toEqual({
      commits: 7,
      skipped: 0,
      since: '2024-03-01T08:00:00.000Z',
      until: '2024-03-07T08:00:00.000Z',
      maxFilesPerCommit: 50,
      files: [
        {
          path: 'order.entity.ts',
          commits: 3,
          churn: 3,
          authors: { 'ada@shop.example': 1, 'grace@shop.example': 1, 'linus@shop.example': 1 },
          owners: ['@shop/checkout-team'],
        },
        {
          path: 'order.service.ts',
          commits: 6,
          churn: 16,
          authors: { 'ada@shop.example': 3, 'grace@shop.example': 2, 'linus@shop.example': 1 },
          owners: ['@shop/checkout-team'],
        },
      ],
      cochange: [{ a: 'order.entity.ts', b: 'order.service.ts', commits: 2 }],
    });
  });

  it('reads only the newest maxCommits, and only commits since a date', () => {
    const files = ['src/orders/order.service.ts'];
    const newest = readHistory({ root: repo, files, maxCommits: 2 });
    expect([newest.commits, newest.since, newest.until]).toEqual([
      2,
      '2024-03-06T08:00:00.000Z',
      '2024-03-07T08:00:00.000Z',
    ]);
    const recent = readHistory({ root: repo, files, since: '2024-03-05T00:00:00Z' });
    expect([recent.commits, recent.since, recent.files]).toEqual([
      3,
      '2024-03-05T15:00:00.000Z',
      [
        {
          path: 'src/orders/order.service.ts',
          commits: 3,
          churn: 3,
          authors: { 'ada@shop.example': 1, 'grace@shop.example': 1, 'linus@shop.example': 1 },
          owners: ['@shop/checkout-team'],
        },
      ],
    ]);
  });

  it('gives an empty history for a repository without commits', () => {
    const empty = mkdtempSync(join(tmpdir(), 'seams-history-empty-'));
    try {
      execFileSync('git', ['-C', empty, 'init', '--quiet']);
      expect(readHistory({ root: empty, files: ['index.ts'] })).toEqual({
        commits: 0,
        skipped: 0,
        maxFilesPerCommit: 50,
        files: [],
        cochange: [],
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('fails with SEAMS_GIT_FAILED outside a git repository', () => {
    const plain = mkdtempSync(join(tmpdir(), 'seams-history-plain-'));
    try {
      let error: unknown;
      try {
        readHistory({ root: plain, files: ['index.ts'] });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({
        code: 'SEAMS_GIT_FAILED',
        message: `cannot read the git history of ${plain}: not a git repository (or any of the parent directories): .git`,
      });
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
