// Ground truths built from a checkout's file list, by the rules written in eval/monoliths.json.
import { posix } from 'node:path';
import { singular } from '@seams/boundaries';

/** Each file's domain is the first group of the pattern (domain folders: `^src/modules/([^/]+)/`). */
export interface FolderRule {
  kind: 'folders';
  pattern: string;
}

/**
 * Domain folders where the app has them, and, under technical layer roots (`services/`, `models/`),
 * the domain a file's name or sub-folder names carry. The domain list is the app's own: the first
 * groups of `domains` over its files (route groups, entities), normalised like file names.
 */
export interface LayeredRule {
  kind: 'layered';
  /** Patterns whose first group names a domain; a file they match belongs to it. */
  domains: string[];
  /** Patterns matching a layer root at the start of a path (`^src/services/`); the rest of the path is read by name. */
  layers: string[];
  /** Names given by the domain patterns that are not domains (`index`, `middlewares`). */
  ignore?: string[];
}

/** `name` tells two truths of one kind apart in the tables (default: the kind). */
export type TruthRule = (FolderRule | LayeredRule) & { name?: string };

// Words that say what kind of file it is, not what it is about: dropped before matching.
const TECHNICAL = new Set(
  (
    'service controller model repository dto schema entity route router routes validation validator ' +
    'policy presenter command handler subscriber strategy loader middleware resolver module ' +
    'interface util helper index test spec mock fixture factory migration seed'
  ).split(' '),
);

/**
 * `order-line_items.service.ts` -> ['order', 'line', 'item']: cut at the first dot, split, singular, technical words
 * dropped.
 */
export function nameWords(name: string): string[] {
  const stem = name.split('.')[0]!;
  return stem
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => singular(word))
    .filter((word) => !TECHNICAL.has(word));
}

export function buildTruth(rule: TruthRule, files: readonly string[]): Map<string, string> {
  return rule.kind === 'folders' ? folderTruth(rule, files) : layeredTruth(rule, files);
}

function folderTruth(rule: FolderRule, files: readonly string[]): Map<string, string> {
  const pattern = new RegExp(rule.pattern);
  const truth = new Map<string, string>();
  for (const file of files) {
    const domain = pattern.exec(file)?.[1];
    if (domain) truth.set(file, domain);
  }
  return truth;
}

function layeredTruth(rule: LayeredRule, files: readonly string[]): Map<string, string> {
  const ignore = new Set(rule.ignore ?? []);
  const domainPatterns = rule.domains.map((p) => new RegExp(p));
  const layerPatterns = rule.layers.map((p) => new RegExp(p));
  // Domain key: its normalised words; two spellings of one domain (`order`, `orders`) are one domain.
  const domains = new Map<string, string>();
  const direct = new Map<string, string>();
  for (const file of files) {
    for (const pattern of domainPatterns) {
      const name = pattern.exec(file)?.[1];
      if (!name || ignore.has(name)) continue;
      const words = nameWords(name);
      if (words.length === 0) continue;
      const key = words.join(' ');
      domains.set(key, key);
      direct.set(file, key);
      break;
    }
  }
  const truth = new Map<string, string>();
  for (const file of files) {
    const own = direct.get(file);
    if (own) {
      truth.set(file, own);
      continue;
    }
    const layer = layerPatterns.map((p) => p.exec(file)).find((m) => m);
    if (!layer) continue;
    const rest = file.slice(layer.index + layer[0].length).split('/');
    const label = longestMatch(rest, domains);
    if (label) truth.set(file, label);
  }
  return truth;
}

/** The domain whose words occur, whole and in order, in one of the names; the longest wins, a tie is no label. */
function longestMatch(names: readonly string[], domains: ReadonlyMap<string, string>): string | undefined {
  let best: string | undefined;
  let bestLength = 0;
  let tie = false;
  for (const name of names) {
    const words = nameWords(posix.basename(name));
    for (let start = 0; start < words.length; start++) {
      for (let end = words.length; end > start; end--) {
        const domain = domains.get(words.slice(start, end).join(' '));
        if (!domain) continue;
        const length = end - start;
        if (length > bestLength) [best, bestLength, tie] = [domain, length, false];
        else if (length === bestLength && domain !== best) tie = true;
      }
    }
  }
  return tie ? undefined : best;
}
