import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ValidatedInput } from '@seams/analyze';

/** A value read from a JSON input, with the warnings its validation gave. */
export interface Validated<T> {
  value: T;
  warnings: string[];
}

/**
 * JSON inputs of a command (the plan, the baseline), validated unless these very bytes passed validation
 * with this seams before: their hashes are remembered in the project's cache folder (`.seams/cache`, where
 * analysis keeps its cache; a new seams starts a new file). Validating the 2 MB plan of a 10k-file project
 * took ~0.1 s, a third of a warm `check --changed`. Any other bytes are validated in full. A value is
 * remembered only when validation gave back the JSON as read (nothing dropped or defaulted), so the plain
 * parse used next time is the same value.
 */
export class ValidatedInputs {
  private changed = false;
  private readonly folder: string | undefined;
  private readonly known: Map<string, ValidatedInput>;
  private readonly store: typeof import('@seams/analyze') | undefined;

  private constructor(
    folder: string | undefined,
    known: Map<string, ValidatedInput>,
    store: typeof import('@seams/analyze') | undefined,
  ) {
    this.folder = folder;
    this.known = known;
    this.store = store;
  }

  /** The memory of project `dir`; none (every input validated) when `dir` cannot be resolved. */
  static async of(dir: string | undefined): Promise<ValidatedInputs> {
    let folder: string | undefined;
    try {
      folder = dir === undefined ? undefined : join(realpathSync(dir), '.seams', 'cache');
    } catch {
      // Missing: the analysis says so.
    }
    if (folder === undefined) return new ValidatedInputs(undefined, new Map(), undefined);
    const store = await import('@seams/analyze');
    return new ValidatedInputs(folder, store.loadValidatedInputs(folder), store);
  }

  /** `text` of input `kind` as `validate` reads it: checked by it, unless these bytes passed it before. */
  read<T>(kind: string, text: string, validate: (text: string) => Validated<T>): Validated<T> {
    const hash = createHash('sha256').update(text).digest('hex');
    const known = this.known.get(kind);
    if (known?.hash === hash) return { value: JSON.parse(text) as T, warnings: known.warnings };
    const validated = validate(text);
    if (this.folder && isDeepStrictEqual(validated.value, JSON.parse(text))) {
      this.known.set(kind, { hash, warnings: validated.warnings });
      this.changed = true;
    } else if (this.known.delete(kind)) this.changed = true;
    return validated;
  }

  /** Remembers what passed, once the cache folder exists (after analysis); a failure only costs the next run time. */
  save(): void {
    if (!this.changed || !this.folder || !this.store) return;
    try {
      this.store.saveValidatedInputs(this.folder, this.known);
      this.changed = false;
    } catch {
      // Not ours to write (a folder seams did not make), or read-only: validated again next time.
    }
  }
}
