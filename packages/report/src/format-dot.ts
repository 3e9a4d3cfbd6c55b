import { inCycle } from './cycle-links.ts';
import { fixed2 } from './format-number.ts';
import { splitShared } from './not-services.ts';
import type { ReportModel } from './report-model.ts';
import { plural } from './wording.ts';

// Parentheses and a space: no service id from seams looks like this, so the node cannot clash.
const SHARED_NODE = '(shared kernel)';
const CYCLE_COLOR = '#c0392b';

/** The service map as a Graphviz digraph: `dot -Tsvg report.dot > services.svg`. */
export function formatDot(model: ReportModel): string {
  const cyclic = inCycle(model);
  const weights = model.links.map((link) => link.weight);
  const heaviest = Math.max(1, ...weights);
  const lightest = Math.min(heaviest, ...weights);
  const lines = [
    'digraph services {',
    '  // Edge labels: file dependencies between services. Red edges form a cycle.',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica"];',
  ];
  for (const card of model.services)
    lines.push(`  ${quote(card.id)} [label=${quote(`${card.name}\n${plural(card.files.length, 'file')}`)}];`);
  const kernel = splitShared(model).kernel.length;
  if (kernel > 0)
    lines.push(
      `  ${quote(SHARED_NODE)} [label=${quote(`shared kernel\n${plural(kernel, 'file')}`)}, style="rounded,dashed"];`,
    );
  for (const link of model.links) {
    // Width 1..4 from the lightest to the heaviest link, so the map reads the same whatever the code base's size.
    const width = heaviest === lightest ? 1 : 1 + (3 * (link.weight - lightest)) / (heaviest - lightest);
    const attributes = [`label="${link.weight}"`, `penwidth=${fixed2(width)}`];
    if (cyclic(link)) attributes.push(`color="${CYCLE_COLOR}"`, `fontcolor="${CYCLE_COLOR}"`);
    lines.push(`  ${quote(link.from)} -> ${quote(link.to)} [${attributes.join(', ')}];`);
  }
  for (const card of model.services) {
    if (kernel > 0 && card.sharedKernelUsed.length > 0)
      lines.push(`  ${quote(card.id)} -> ${quote(SHARED_NODE)} [style=dashed, color=gray];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

// A DOT string: backslashes and quotes escaped, line breaks as DOT's centred "\n".
function quote(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`;
}
