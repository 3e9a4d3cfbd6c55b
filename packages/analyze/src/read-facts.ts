import { hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { FileFacts } from './facts.ts';
import type { FactsCache } from './cache.ts';
import { languageOf } from './language-of.ts';

export interface ReadOutcome {
  facts: FileFacts;
  cached: boolean;
}

export type Parse = (path: string, text: string) => FileFacts;

/**
 * Returned instead of facts when the file must be parsed and no parser was given (loading it is deferred until needed).
 */
export const NEEDS_PARSER = Symbol('needs parser');

/**
 * A file the stat check did not settle, read: its facts and content hash, or `unchanged` when the hash is the
 * cached one. Files that could not be parsed (unreadable, binary, over the size limit) have no hash: they are
 * not cached, since the limit or the file's permissions may differ next run.
 */
export type SourceOutcome = { facts: FileFacts; hash: string } | 'unchanged';

const MB = 1024 * 1024;

/**
 * Facts of one file, from the cache when its size and mtime (or failing that its content hash) are unchanged.
 * Unreadable, binary and oversized files yield empty facts with an error instead of throwing.
 */
export function readFacts(
  absolutePath: string,
  rel: string,
  cache: FactsCache | undefined,
  maxBytes: number,
  parse: Parse | undefined,
  /** The file's stat when the caller already took it, so it is not taken twice. */
  known?: { size: number; mtimeMs: number },
): ReadOutcome | typeof NEEDS_PARSER {
  // Without a cache there is nothing to compare a stat or a hash with: read straight away.
  let size = 0;
  let mtimeMs = 0;
  const entry = cache?.get(rel);
  if (cache) {
    try {
      ({ size, mtimeMs } = known ?? statSync(absolutePath));
    } catch (error) {
      return failed(rel, `cannot read: ${(error as NodeJS.ErrnoException).code}`);
    }
    if (entry && entry.size === size && entry.mtimeMs === mtimeMs) return { facts: entry.facts, cached: true };
  }
  const outcome = readSource(absolutePath, rel, maxBytes, parse, cache ? { size, hash: entry?.hash } : undefined);
  if (outcome === NEEDS_PARSER) return outcome;
  if (outcome === 'unchanged') {
    cache!.set(rel, { ...entry!, size, mtimeMs });
    return { facts: entry!.facts, cached: true };
  }
  if (outcome.hash) cache?.set(rel, { size, mtimeMs, hash: outcome.hash, facts: outcome.facts });
  return { facts: outcome.facts, cached: false };
}

/**
 * Reads and parses one file. With `cached` (its stat and the cached content hash, if any) the content is hashed,
 * and a file whose hash is the cached one is `unchanged`, not parsed. Never throws.
 */
export function readSource(
  absolutePath: string,
  rel: string,
  maxBytes: number,
  parse: Parse | undefined,
  cached: { size: number; hash: string | undefined } | undefined,
): SourceOutcome | typeof NEEDS_PARSER {
  if (cached && cached.size > maxBytes) return { facts: tooLarge(rel, cached.size, maxBytes), hash: '' };
  let buffer: Buffer;
  try {
    buffer = readFileSync(absolutePath);
  } catch (error) {
    return { facts: failed(rel, `cannot read: ${(error as NodeJS.ErrnoException).code}`).facts, hash: '' };
  }
  if (buffer.length > maxBytes) return { facts: tooLarge(rel, buffer.length, maxBytes), hash: '' };
  const digest = cached ? hash('sha1', buffer) : '';
  if (cached?.hash === digest) return 'unchanged';
  if (isBinary(buffer))
    return { facts: failed(rel, 'binary file with a source extension: not parsed').facts, hash: '' };
  if (!parse) return NEEDS_PARSER;
  return { facts: parse(rel, decode(buffer)), hash: digest };
}

function tooLarge(rel: string, size: number, maxBytes: number): FileFacts {
  return failed(
    rel,
    `skipped: ${(size / MB).toFixed(1)} MB is over the ${(maxBytes / MB).toFixed(0)} MB limit (generated or bundled code?); raise --max-file-size to analyse it`,
  ).facts;
}

function failed(rel: string, message: string): ReadOutcome {
  return {
    facts: { ...languageOf(rel), loc: 0, imports: [], localExports: [], reexports: [], error: { message, line: 0 } },
    cached: false,
  };
}

function isBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8000).includes(0);
}

function decode(buffer: Buffer): string {
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
