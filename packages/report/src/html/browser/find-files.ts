import type { ReportModel } from '../../report-model.ts';

export interface FileEntry {
  path: string;
  /** Undefined for a shared-kernel file, which belongs to no service. */
  service: string | undefined;
  serviceName: string;
}

export interface FileMatches {
  matches: FileEntry[];
  total: number;
}

export function fileIndex(model: ReportModel): FileEntry[] {
  const owned = model.services.flatMap((service) =>
    service.files.map((file) => ({
      path: file.path,
      service: service.id,
      serviceName: service.name,
    })),
  );
  const shared = model.shared.map((file) => ({ path: file.path, service: undefined, serviceName: 'shared kernel' }));
  return [...owned, ...shared];
}

/**
 * Files whose path contains the fragment, ignoring case. A match in the file name ranks before a
 * match in a folder name, then shorter paths first: typing "payment" should offer
 * `payments/payment.service.ts` before `payments/adapters/stripe/client.ts`.
 */
export function findFiles(index: readonly FileEntry[], fragment: string, limit = 20): FileMatches {
  const needle = fragment.trim().toLowerCase();
  if (needle === '') return { matches: [], total: 0 };
  const hits: Array<{ entry: FileEntry; rank: number }> = [];
  for (const entry of index) {
    const path = entry.path.toLowerCase();
    const at = path.indexOf(needle);
    if (at < 0) continue;
    const name = path.slice(path.lastIndexOf('/') + 1);
    const rank = name.startsWith(needle) ? 0 : name.includes(needle) ? 1 : 2;
    hits.push({ entry, rank });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.entry.path.length - b.entry.path.length ||
      (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0),
  );
  return { matches: hits.slice(0, limit).map((hit) => hit.entry), total: hits.length };
}
