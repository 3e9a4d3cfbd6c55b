import type { Plan } from '@seams/graph';
import { ownerOf, nameOf } from './lookups.ts';
import type { View } from './ui-state.ts';

export interface SearchHit {
  label: string;
  detail: string;
  view: View;
}

const LIMIT = 200;

/** Services by name, then files by path, matching every word of the query in any order. */
export function search(plan: Plan, query: string): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const matches = (text: string) => words.every((word) => text.toLowerCase().includes(word));
  const services: SearchHit[] = plan.services
    .filter((s) => matches(s.name) || matches(s.id))
    .map((s) => ({
      label: s.name,
      detail: `service, ${s.files.length} files`,
      view: { kind: 'service', id: s.id, part: 'files', cursor: 0 },
    }));
  const files: SearchHit[] = [];
  for (const [path, service] of ownerOf(plan)) {
    if (files.length + services.length >= LIMIT) break;
    if (matches(path))
      files.push({ label: path, detail: nameOf(plan, service), view: { kind: 'file', path, cursor: 0 } });
  }
  return [...services, ...files.sort((a, b) => a.label.localeCompare(b.label))];
}
