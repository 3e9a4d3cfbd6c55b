import type { IsEntry } from './entries.ts';
import type { OwnerOf } from './ownership.ts';

/** A folder `seams extract` wrote: its `extraction.json` names the service it was extracted for. */
export interface Extraction {
  /** The folder, relative to the project root (`extracted/payment`). */
  folder: string;
  /** The plan's id of the service. */
  service: string;
}

/**
 * The extraction folders that hold any of `files` (those the plan does not list: generated files
 * never are), found by an `extraction.json` in one of their folders that reads as extract's
 * manifest (`version` 1, `service`, `plan`, `entries`); `read` gives a file's text relative to the
 * root, or undefined. The root folder never counts: it would make every unlisted file generated.
 */
export function extractionsOf(files: readonly string[], read: (path: string) => string | undefined): Extraction[] {
  const found = new Map<string, Extraction | undefined>();
  for (const file of files)
    for (let folder = parentOf(file); folder !== '' && !found.has(folder); folder = parentOf(folder))
      found.set(folder, manifestIn(folder, read));
  return [...found.values()].filter((extraction) => extraction !== undefined);
}

function manifestIn(folder: string, read: (path: string) => string | undefined): Extraction | undefined {
  const text = read(`${folder}/extraction.json`);
  if (text === undefined) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return undefined; // Not extract's: some other file of that name.
  }
  const { version, service, plan, entries } = (manifest ?? {}) as Record<string, unknown>;
  const isManifest = version === 1 && typeof service === 'string' && typeof plan === 'string' && Array.isArray(entries);
  return isManifest ? { folder, service } : undefined;
}

/**
 * What the check makes of generated files: the service's own code (`<folder>/service/**`) is not
 * the monolith's, so it is left out like an excluded file; everything else in the folder is the
 * facade (and the client it calls), the service's face in the monolith, so it belongs to the service
 * and is one of its entries: callers the codemod pointed at it cross no boundary. What the facade
 * imports is what the service's entries import (their findings are on the service's own files), and
 * regenerating it would undo any edit, so its imports are not findings either (`isFacade`). A record
 * naming a service the plan no longer has decides nothing.
 */
export function generatedBy(extractions: readonly Extraction[], services: ReadonlySet<string>) {
  const known = extractions.filter((extraction) => services.has(extraction.service));
  // Usually none: the plan's own lookups, unwrapped (they run for every import of the graph).
  if (known.length === 0)
    return {
      isServiceCode: (_file: string) => false,
      isFacade: (_file: string) => false,
      ownerOf: (base: OwnerOf): OwnerOf => base,
      isEntry: (base: IsEntry): IsEntry => base,
    };
  const holding = (file: string) => known.find((extraction) => file.startsWith(`${extraction.folder}/`));
  const isServiceCode = (file: string) => {
    const extraction = holding(file);
    return extraction !== undefined && file.startsWith(`${extraction.folder}/service/`);
  };
  const facadeOf = (file: string) => {
    const extraction = holding(file);
    return extraction && !file.startsWith(`${extraction.folder}/service/`) ? extraction.service : undefined;
  };
  return {
    isServiceCode,
    isFacade: (file: string) => facadeOf(file) !== undefined,
    ownerOf:
      (base: OwnerOf): OwnerOf =>
      (file) => {
        const service = facadeOf(file);
        return service === undefined ? base(file) : { service, attributed: true };
      },
    isEntry:
      (base: IsEntry): IsEntry =>
      (file, service) =>
        facadeOf(file) === service || base(file, service),
  };
}

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
