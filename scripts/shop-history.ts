// Gives a copy of the example monolith (fixtures/shop) a scripted, realistic git history, so
// `seams analyze --history` has churn, owners, teams and co-change to show. Deterministic: the
// same seed gives the same commits, hashes included. One `git fast-import` writes all of it.
// Usage: node scripts/shop-history.ts <dest>   (dest must not exist or be empty)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const SHOP = join(import.meta.dirname, '..', 'fixtures', 'shop');
const COMMITS = 300;
const START = Date.UTC(2023, 6, 3); // a Monday; 300 commits spread over 79 weeks of weekdays
const WORKDAYS = 79 * 5;
const HUGE_AT = new Set([120, 205, 262]);
const OWNERS_AT = 30;

// Team -> the domains it owns (from domains.tsv) and its people: [name, email user, time zone].
const TEAMS: Record<string, { domains: string[]; people: Array<[string, string, string]> }> = {
  'checkout-team': {
    domains: ['cart', 'orders', 'customers'],
    people: [
      ['Ada Lovelace', 'ada', '+0100'],
      ['Alan Turing', 'alan', '+0000'],
    ],
  },
  'payments-team': {
    domains: ['payments'],
    people: [
      ['Barbara Liskov', 'barbara', '-0500'],
      ['Edsger Dijkstra', 'edsger', '+0100'],
    ],
  },
  'catalog-team': {
    domains: ['catalog', 'inventory'],
    people: [
      ['Grace Hopper', 'grace', '-0500'],
      ['Ken Thompson', 'ken', '-0800'],
    ],
  },
  'delivery-team': {
    domains: ['shipping', 'notifications'],
    people: [
      ['Linus Torvalds', 'linus', '+0200'],
      ['Margaret Hamilton', 'margaret', '-0500'],
    ],
  },
  'platform-team': {
    domains: ['shared'],
    people: [
      ['Dennis Ritchie', 'dennis', '-0500'],
      ['Frances Allen', 'frances', '+0000'],
    ],
  },
};
// Uneven on purpose: orders and payments are the hot spots, customers is nearly frozen.
const DOMAIN_WEIGHTS: Array<[string, number]> = [
  ['orders', 26],
  ['payments', 20],
  ['cart', 12],
  ['catalog', 9],
  ['shared', 9],
  ['shipping', 7],
  ['inventory', 6],
  ['notifications', 5],
  ['customers', 3],
];
// Changes that cross a boundary: the coupling a split would have to cut.
const COUPLINGS: Array<[[string, string], number]> = [
  [['orders', 'payments'], 5],
  [['cart', 'catalog'], 2],
  [['orders', 'shipping'], 2],
  [['orders', 'notifications'], 1],
  [['cart', 'inventory'], 1],
];
const TESTS: Record<string, string[]> = {
  cart: ['test/cart.test.ts'],
  catalog: ['test/catalog.test.ts'],
  inventory: ['test/inventory.test.ts'],
  orders: ['test/checkout.test.ts', 'test/invoice.test.ts'],
  payments: ['test/checkout.test.ts'],
  shipping: ['test/shipping.test.ts'],
  notifications: ['test/notifications.test.ts'],
};
const WORDS = {
  verb: ['fix', 'handle', 'refactor', 'rename', 'validate', 'log', 'simplify', 'cache', 'retry', 'document'],
  what: [
    'rounding',
    'edge case',
    'timeouts',
    'null totals',
    'currency',
    'status change',
    'error path',
    'limits',
    'stale data',
    'ids',
  ],
};

// mulberry32, as in bench/prng.ts: Math.random would give a new history every run.
let seed = 20230703;
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
function weighted<T>(items: ReadonlyArray<[T, number]>): T {
  let left = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [item, weight] of items) if ((left -= weight) < 0) return item;
  return items[items.length - 1]![0];
}

const dest = resolve(process.argv[2] ?? '');
if (!process.argv[2] || (existsSync(dest) && readdirSync(dest).length > 0)) {
  console.error('usage: node scripts/shop-history.ts <dest>   (an empty or new folder)');
  process.exit(2);
}
const started = performance.now();

const contents = new Map<string, string>();
(function copy(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== '.seams') copy(path);
    if (entry.isFile()) contents.set(relative(SHOP, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
})(SHOP);
const domainFiles = new Map<string, string[]>();
for (const line of readFileSync(join(SHOP, 'domains.tsv'), 'utf8').split('\n')) {
  const [path, domain] = line.split('\t');
  if (!path || !domain || path.startsWith('#')) continue;
  domainFiles.set(domain, [...(domainFiles.get(domain) ?? []), path]);
}
// Within a domain a few files take most changes: services first, then a fixed random order.
const fileWeights = new Map(
  [...domainFiles].map(([domain, files]) => {
    const keyed = files.map((file) => ({ file, key: (file.includes('service') ? 0 : 1) + random() }));
    const ranked = keyed.sort((a, b) => a.key - b.key).map(({ file }) => file);
    return [domain, ranked.map((file, rank): [string, number] => [file, 1 / (rank + 1)])];
  }),
);
const teamOf = new Map(Object.entries(TEAMS).flatMap(([team, { domains }]) => domains.map((domain) => [domain, team])));

function author(domain: string): [string, string, string] {
  // Mostly the owning team; now and then someone from another team.
  const team = random() < 0.85 ? teamOf.get(domain)! : pick(Object.keys(TEAMS));
  return pick(TEAMS[team]!.people);
}

function filesOf(domain: string, count: number): string[] {
  const chosen = new Set<string>();
  const candidates = fileWeights.get(domain)!;
  while (chosen.size < Math.min(count, candidates.length)) chosen.add(weighted(candidates));
  if (TESTS[domain] && random() < 0.2) chosen.add(pick(TESTS[domain]));
  return [...chosen];
}

// A change is a comment line appended or rewritten: the code stays valid TypeScript.
const appended = new Map<string, number>();
function edit(path: string, note: string): void {
  const text = contents.get(path)!;
  if ((appended.get(path) ?? 0) > 0 && random() < 0.4) {
    contents.set(path, text.replace(/\/\/ SHOP-.*\n$/, `// ${note}\n`));
    return;
  }
  const lines = int(1, 3);
  contents.set(path, text + Array.from({ length: lines }, (_, i) => `// ${note}${i ? ` (${i + 1})` : ''}\n`).join(''));
  appended.set(path, (appended.get(path) ?? 0) + lines);
}

// Folders where a domain has its own; in the layered folders (models, repositories, routes,
// services, jobs) file-name patterns without a slash, which match at any depth.
const CODEOWNERS = `# Platform reviews anything no team claims below: shared kernel, infra, build files.
*                                      @shop/platform-team

/src/cart/                             @shop/checkout-team
/src/modules/orders/                   @shop/checkout-team
/src/modules/customers/                @shop/checkout-team
cart*.ts                               @shop/checkout-team
coupon*.ts                             @shop/checkout-team
abandoned-cart.job.ts                  @shop/checkout-team
/src/jobs/cancel-stale-orders.job.ts   @shop/checkout-team
/src/legacy/tax-rates.cjs              @shop/checkout-team
/src/utils/order-number.ts             @shop/checkout-team

/src/payments/                         @shop/payments-team
payment*.ts                            @shop/payments-team
refund*.ts                             @shop/payments-team
fraud-check*.ts                        @shop/payments-team
webhooks.routes.ts                     @shop/payments-team

/src/modules/catalog/                  @shop/catalog-team
/src/inventory/                        @shop/catalog-team
inventory*.ts                          @shop/catalog-team
reservation*.ts                        @shop/catalog-team
release-reservations.job.ts            @shop/catalog-team
stock*.ts                              @shop/catalog-team
warehouse*.ts                          @shop/catalog-team
restock*.ts                            @shop/catalog-team

/src/shipping/                         @shop/delivery-team
/src/notifications/                    @shop/delivery-team
shipping*.ts                           @shop/delivery-team
shipment*.ts                           @shop/delivery-team
parcel*.ts                             @shop/delivery-team
tracking*.ts                           @shop/delivery-team
/src/legacy/postcode.js                @shop/delivery-team
notification*.ts                       @shop/delivery-team
outbox*.ts                             @shop/delivery-team
email.service.ts                       @shop/delivery-team
sms.service.ts                         @shop/delivery-team
template.service.ts                    @shop/delivery-team
`;

const stream: string[] = [];
const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
const times: number[] = [];
let huge = 0;
for (let i = 0; i < COMMITS; i++) {
  const workday = Math.min(WORKDAYS - 1, Math.floor((i * WORKDAYS) / COMMITS) + int(0, 1));
  const day = START + (Math.floor(workday / 5) * 7 + (workday % 5)) * 86_400_000;
  const time = Math.max((times.at(-1) ?? 0) + 60, Math.floor(day / 1000) + int(8 * 3600, 18 * 3600));
  times.push(time);
  let person: [string, string, string];
  let message: string;
  let paths: string[];
  if (i === 0) {
    [person, message, paths] = [
      TEAMS['platform-team']!.people[0]!,
      'Import the shop monolith',
      [...contents.keys()].sort(),
    ];
  } else if (i === OWNERS_AT) {
    contents.set('.github/CODEOWNERS', CODEOWNERS);
    const teams = Object.fromEntries(
      Object.entries(TEAMS).map(([team, { people }]) => [
        team,
        people.map(([name, user]) => (user === 'dennis' ? name : `${user}@shop.example`)),
      ]),
    );
    contents.set('seams.config.json', `${JSON.stringify({ teams }, null, 2)}\n`);
    [person, message, paths] = [
      TEAMS['platform-team']!.people[1]!,
      'chore: add CODEOWNERS and the team map',
      ['.github/CODEOWNERS', 'seams.config.json'],
    ];
  } else if (HUGE_AT.has(i)) {
    // Formatting sweeps over most of the tree: what maxFilesPerCommit is there to leave out.
    const all = [...domainFiles.values()].flat().sort();
    paths = all.filter(() => random() < 0.75);
    huge++;
    for (const path of paths) edit(path, `SHOP-${1000 + i}: formatting sweep ${huge}`);
    [person, message] = [
      pick(TEAMS['platform-team']!.people),
      `style: formatting sweep ${huge} (${paths.length} files)`,
    ];
  } else {
    const domains = random() < 0.15 ? weighted(COUPLINGS) : [weighted(DOMAIN_WEIGHTS)];
    paths = [
      ...new Set(
        domains.flatMap((domain) =>
          filesOf(
            domain,
            domains.length > 1
              ? int(1, 3)
              : weighted([
                  [1, 4],
                  [2, 4],
                  [3, 3],
                  [4, 2],
                  [5, 1],
                  [6, 1],
                ]),
          ),
        ),
      ),
    ];
    const note = `SHOP-${1000 + i}: ${pick(WORDS.verb)} ${pick(WORDS.what)} in ${domains.join(' and ')}`;
    for (const path of paths) edit(path, note);
    [person, message] = [author(domains[0]!), note];
  }
  const [name, user, zone] = person;
  const who = `${name} <${user}@shop.example> ${time} ${zone}`;
  stream.push(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\n${data(message)}`);
  for (const path of paths) stream.push(`M 100644 inline ${path}\n${data(contents.get(path)!)}`);
  stream.push('\n');
}

const git = (args: string[], input?: string) => {
  const result = spawnSync('git', args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
};
git(['init', '--quiet', '--initial-branch=main', dest]);
git(['-C', dest, 'fast-import', '--quiet'], stream.join(''));
git(['-C', dest, 'reset', '--quiet', '--hard']);
const dateOf = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
const people = Object.values(TEAMS).flatMap((team) => team.people).length;
console.log(
  `shop history: ${COMMITS} commits (${huge} formatting sweeps) by ${people} authors in ${Object.keys(TEAMS).length} teams, ${dateOf(times[0]!)} to ${dateOf(times.at(-1)!)}, in ${dest} (${Math.round(performance.now() - started)} ms)`,
);
