import { inCycle } from './cycle-links.ts';
import { splitShared } from './not-services.ts';
import type { ReportModel } from './report-model.ts';
import { plural } from './wording.ts';

const SHARED_NODE = 'shared_kernel';
const CYCLE_STYLE = 'stroke:#c0392b,stroke-width:2px';

/** The service map as a Mermaid flowchart, for Markdown that renders Mermaid (GitHub, GitLab, wikis). */
export function formatMermaid(model: ReportModel): string {
  const ids = nodeIds(model.services.map((service) => service.id));
  const node = (id: string) => ids.get(id) ?? SHARED_NODE;
  const cyclic = inCycle(model);
  const lines = ['flowchart LR', '  %% Edge labels: file dependencies between services. Red edges form a cycle.'];
  for (const card of model.services)
    lines.push(`  ${node(card.id)}["${label(card.name)}<br/>${plural(card.files.length, 'file')}"]`);
  const kernel = splitShared(model).kernel.length;
  if (kernel > 0) lines.push(`  ${SHARED_NODE}[("shared kernel<br/>${plural(kernel, 'file')}")]`);

  const red: number[] = [];
  model.links.forEach((link, index) => {
    lines.push(`  ${node(link.from)} -->|${link.weight}| ${node(link.to)}`);
    if (cyclic(link)) red.push(index);
  });
  if (kernel > 0) {
    for (const card of model.services)
      if (card.sharedKernelUsed.length > 0) lines.push(`  ${node(card.id)} -.-> ${SHARED_NODE}`);
    lines.push(`  classDef shared stroke-dasharray:5 5`, `  class ${SHARED_NODE} shared`);
  }
  if (red.length > 0) lines.push(`  linkStyle ${red.join(',')} ${CYCLE_STYLE}`);
  return `${lines.join('\n')}\n`;
}

// Mermaid ids allow letters, digits and underscores; a prefix keeps ids like "end" or "graph" from being keywords.
function nodeIds(serviceIds: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of serviceIds) {
    const base = `svc_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let unique = base;
    for (let n = 2; taken.has(unique); n++) unique = `${base}_${n}`;
    taken.add(unique);
    ids.set(id, unique);
  }
  return ids;
}

// Mermaid reads "#name;" as an entity, so '#' goes first; quotes and angle brackets would end the label or open HTML.
function label(value: string): string {
  return value
    .replaceAll('#', '#35;')
    .replaceAll('"', '#quot;')
    .replaceAll('<', '#lt;')
    .replaceAll('>', '#gt;')
    .replaceAll('&', '#amp;');
}
