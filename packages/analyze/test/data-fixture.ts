import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../src/parse-file.ts';

/** One detector's fixture (fixtures/data/<detector>): each file's facts, and the entries its detector should report. */
export function detectorFixture(detector: string) {
  const root = join(import.meta.dirname, '../../../fixtures/data', detector);
  return {
    fixture: root,
    factsOf: (file: string) => parseFile(file, readFileSync(join(root, file), 'utf8')),
    access: (line: number, table: string, access: 'read' | 'write', fn?: string) => ({
      line,
      table,
      access,
      detector,
      ...(fn ? { function: fn } : {}),
    }),
    model: (line: number, name: string, table: string) => ({ line, name, table, detector }),
  };
}
