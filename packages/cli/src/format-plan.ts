import { serviceLabels, type Plan } from '@seams/graph';

const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** The human summary of a plan: one row per service, the shared kernel, plan metrics, what to review. */
export function formatPlanText(plan: Plan, output?: string): string {
  // The kernel and the set-apart groups (tests, configs) are both in `shared`; a headline adding them up misleads.
  const kernelSize = plan.shared.filter((file) => !file.group).length;
  const lines = [
    `seams boundaries ${plan.graph.root}: ${plan.services.length} services, ${kernelSize} shared-kernel files, ${plan.shared.length - kernelSize} set apart (signals: ${plan.parameters.signals.join(', ')})`,
    '',
  ];
  const header = ['service', 'files', 'loc', 'cohesion', 'coupling', 'api', 'confidence'];
  const rows = plan.services.map((s) => [
    s.name,
    String(s.files.length),
    String(s.metrics.loc),
    fixed(s.metrics.cohesion),
    fixed(s.metrics.coupling),
    String(s.metrics.apiSurface.length),
    fixed(s.confidence),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const render = (cells: string[]) =>
    '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  lines.push(render(header), ...rows.map(render));
  const kernel = plan.shared.filter((file) => !file.group);
  if (kernel.length > 0) {
    lines.push(
      '',
      `  shared kernel (${kernel.length} ${kernel.length === 1 ? 'file' : 'files'}, kept out of every service):`,
    );
    for (const file of kernel.slice(0, 8)) lines.push(`    ${file.path}  ${file.reason}`);
    if (kernel.length > 8) lines.push(`    ... ${kernel.length - 8} more in the plan file`);
  }
  const groups = new Map<string, string[]>();
  for (const file of plan.shared)
    if (file.group) (groups.get(file.group) ?? groups.set(file.group, []).get(file.group)!).push(file.path);
  if (groups.size > 0) {
    lines.push('', '  not services (set apart, out of the extraction order):');
    for (const [group, files] of groups)
      lines.push(`    ${group} (${files.length}): ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}`);
  }
  const m = plan.metrics;
  // Cycles and review entries hold service ids; a person reads names (ids stay when a service is renamed).
  const label = serviceLabels(plan.services);
  lines.push(
    '',
    `  plan metrics: Q ${fixed(m.modularity)}  SM ${fixed(m.structuralModularity)}  ICP ${fixed(m.icp)}  IFN ${fixed(m.ifn, 1)}  NED ${fixed(m.ned)}  MQ ${fixed(m.mq)}${m.bcp === undefined ? '' : `  BCP ${fixed(m.bcp)}`}`,
  );
  // A loop of dozens of services is one line a person cannot read: its size and first members, the plan has them all.
  const loop = (cycle: string[]) =>
    cycle.length <= LONG_LOOP
      ? cycle.map(label).join(' <-> ')
      : `${cycle.length} services (${cycle.slice(0, LONG_LOOP).map(label).join(', ')}, ...; all in the plan's metrics)`;
  if (m.serviceCycles.length > 0) lines.push(`  cycles between services: ${m.serviceCycles.map(loop).join('; ')}`);
  if (plan.review.length > 0) {
    lines.push(`  review: ${plan.review.length} files below ${plan.parameters.lowConfidence} confidence`);
    for (const item of plan.review.slice(0, 5))
      lines.push(
        `    ${item.path}  in ${label(item.service)} (${fixed(item.confidence)})${item.alternative ? `, maybe ${label(item.alternative)}` : ''}`,
      );
  }
  if (output) lines.push(`  plan written to ${output}`);
  return lines.join('\n') + '\n';
}

// Past this many services a loop is summarised in the text output.
const LONG_LOOP = 8;

/** `path<TAB>service` for every file of the graph, `shared` for the shared kernel: the format ground truths use. */
export function formatPlanTsv(plan: Plan): string {
  const rows: string[] = [];
  for (const service of plan.services) for (const file of service.files) rows.push(`${file}\t${service.name}`);
  for (const file of plan.shared) rows.push(`${file.path}\tshared`);
  return rows.sort().join('\n') + '\n';
}
