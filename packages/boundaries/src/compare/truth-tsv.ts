import type { Partition } from './partition.ts';

/**
 * Reads a ground-truth decomposition: one `path<TAB>label` per line; blank lines and lines whose
 * first non-blank character is `#` are skipped, fields are trimmed, CRLF is accepted.
 * Throws on a line without exactly two non-empty fields, or a path given two different labels.
 */
export function readTruthTsv(text: string): Partition {
  const truth = new Map<string, string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split('\t').map((field) => field.trim());
    const [path, label] = fields;
    if (fields.length !== 2 || !path || !label) {
      throw new Error(`truth line ${index + 1}: expected "path<TAB>label", got ${JSON.stringify(raw)}`);
    }
    const earlier = truth.get(path);
    if (earlier !== undefined && earlier !== label) {
      throw new Error(`truth line ${index + 1}: ${path} is labelled both ${earlier} and ${label}`);
    }
    truth.set(path, label);
  });
  return truth;
}
