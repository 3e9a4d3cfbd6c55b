import pluralize from 'pluralize';

/**
 * Domain words in file paths and identifiers: `OrderRepository`, `orders.routes.ts` and
 * `order-items/` all yield `order`. Technical words (layers, verbs, file kinds) are dropped:
 * they say how code is built, not which business capability it serves.
 */
const TECHNICAL = new Set(
  (
    'src lib app apps packages package module modules service services repository repositories repo repos model models ' +
    'route routes router routers controller controllers handler handlers middleware middlewares provider providers ' +
    'index main type types interface interfaces util utils helper helpers dto dtos entity entities schema schemas ' +
    'spec specs test tests mock mocks fixture fixtures e2e unit config configs constant constants const enum enums ' +
    'error errors exception exceptions base abstract impl default core common shared internal public private ' +
    'get set create update delete remove find list add put post patch fetch load save read write make build to from ' +
    'by for of in on at is has the a an and or with without new all one many id ids data info item items value values ' +
    'options option params param args request response req res result results context ctx state store' +
    ' js ts tsx jsx mjs cjs mts cts d'
  ).split(' '),
);

// Verbs among the technical words (`create-order.ts`, `getUser`): written in the plural they are nouns, the things an
// app is about (`posts/`, `price-lists/`, `updates.ts`), and name a domain.
const VERBS = new Set(
  'get set create update delete remove find list add put post patch fetch load save read write make build'.split(' '),
);

/** Whether a word says how code is built rather than what it is about: `services`, `create`, but not `posts`. */
function isTechnical(word: string): boolean {
  if (TECHNICAL.has(word)) return true;
  const singular = stem(word);
  return TECHNICAL.has(singular) && !(singular !== word && VERBS.has(singular));
}

/** Splits `OrderLineItem`, `order-line_item.ts` and `ORDER_LINES` into lower-case words. */
function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !/^\d+$/.test(word));
}

/** A folder or file name in kebab case (`accessRequests` -> `access-requests`); empty when it has no word. */
export function kebabName(name: string): string {
  return splitWords(name).join('-');
}

const singulars = new Map<string, string>();

/**
 * One stem for singular and plural (orders -> order, categories -> category, series -> series), by the pluralize
 * library.
 */
export function stem(word: string): string {
  let singular = singulars.get(word);
  if (singular === undefined) singulars.set(word, (singular = pluralize.singular(word)));
  return singular;
}

export interface WordOccurrence {
  stem: string;
  /** The word as written, to name a service the way the code does (`orders`, not `order`). */
  surface: string;
}

const wordsOfName = new Map<string, WordOccurrence[]>();

/** Domain words of a list of raw names (path segments, identifiers), technical ones dropped. */
export function domainWords(names: Iterable<string>): WordOccurrence[] {
  const out: WordOccurrence[] = [];
  for (const name of names) {
    // Folder names and exported identifiers come back thousands of times: each is split once.
    let words = wordsOfName.get(name);
    if (words === undefined) {
      words = [];
      for (const word of splitWords(name)) {
        const stemmed = stem(word);
        if (!isTechnical(word)) words.push({ stem: stemmed, surface: word });
      }
      wordsOfName.set(name, words);
    }
    out.push(...words);
  }
  return out;
}

// Words naming a file's kind in a layered codebase: after a domain word they mark the kind (`OrderService`,
// `order.module.ts`), before one they are part of the domain's name (`serviceTopics`, `moduleAction`).
const KINDS = new Set(
  (
    'module service repository repo model route router controller handler middleware provider entity dto schema ' +
    'interface type'
  ).split(' '),
);

const entityKeys = new Map<string, string>();

/**
 * A name's entity key: `order-lines.service.ts` -> `order line` (cut at the first dot, domain words,
 * singular). A kind word leading a name is kept (`serviceTopics` -> `service topic`, not `topic`): dropping it
 * would give one domain another's name.
 */
export function entityKey(name: string): string {
  let key = entityKeys.get(name);
  if (key === undefined) {
    const words = splitWords(name.split('.')[0]!);
    const first = words.findIndex((word) => !isTechnical(word));
    key = words
      .filter((word, i) => (i < first && KINDS.has(stem(word))) || !isTechnical(word))
      .map(stem)
      .join(' ');
    entityKeys.set(name, key);
  }
  return key;
}
