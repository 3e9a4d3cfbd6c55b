import { EFFORT_FORMULA } from './extraction-order.ts';
import { fixed2 } from './format-number.ts';
import { changesMarkdown } from './markdown-changes.ts';
import { dataMarkdown } from './markdown-data.ts';
import { ownershipMarkdown } from './markdown-ownership.ts';
import { serviceCardMarkdown } from './markdown-service-card.ts';
import { anchor, code, table, text } from './markdown-text.ts';
import { METRIC_LABELS } from './metric-labels.ts';
import { splitShared } from './not-services.ts';
import type { ReportModel } from './report-model.ts';
import { listing, plural } from './wording.ts';

/** A report for a pull request or a wiki page: GitHub-flavoured Markdown. */
export function formatMarkdown(model: ReportModel): string {
  const names = new Map(model.services.map((service) => [service.id, service.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const sections = [
    `# ${text(model.title)}`,
    intro(model),
    summary(model, nameOf),
    services(model),
    extraction(model, nameOf),
    ...(model.ownership ? [ownershipMarkdown(model.ownership, nameOf)] : []),
    ...(model.data ? [dataMarkdown(model.data, nameOf)] : []),
    '## Service cards\n\nNumbers after a service are file dependencies: pairs of files, one importing from the other.',
    ...model.services.map((card) => serviceCardMarkdown(card, model, nameOf)),
    sharedKernel(model, nameOf),
    ...notServices(model),
  ];
  if (model.changes) sections.push(changesMarkdown(model.changes, model, nameOf));
  return `${sections.join('\n\n')}\n`;
}

function intro(model: ReportModel): string {
  const inServices = model.services.reduce((sum, card) => sum + card.files.length, 0);
  const signals =
    model.generatedFrom.signals.length > 0 ? ` Boundaries proposed from ${listing(model.generatedFrom.signals)}.` : '';
  const { kernel, groups } = splitShared(model);
  const apart =
    groups.length === 0
      ? ''
      : ` and ${plural(model.shared.length - kernel.length, 'file')} that are not services (${groups.map(({ group, files }) => `${group} ${files.length}`).join(', ')})`;
  return `${plural(model.services.length, 'service')} over ${plural(inServices, 'file')}, plus ${plural(kernel.length, 'file')} in the shared kernel${apart}; the graph of ${code(model.root)} has ${plural(model.generatedFrom.graphFiles, 'file')}.${signals}`;
}

function summary(model: ReportModel, nameOf: (id: string) => string): string {
  const metrics = model.metrics as unknown as Record<string, number>;
  const rows = Object.entries(METRIC_LABELS).map(([key, label]) => [
    `${label.short} (${label.name})`,
    fixed2(metrics[key] ?? 0),
    `${label.meaning} (${label.range}; ${label.better} is better)`,
  ]);
  const cycles =
    model.serviceCycles.length === 0
      ? 'No service cycles.'
      : `${model.serviceCycles.map((cycle) => `**${listing(cycle.map((id) => text(nameOf(id))))}** depend on each other in a cycle.`).join(' ')} Services in a cycle deploy together until it is broken.`;
  return `## Summary\n\n${table(['metric', 'value', 'meaning'], 'lrl', rows)}\n\n${cycles}`;
}

function services(model: ReportModel): string {
  const rows = model.services.map((card) => [
    `[${text(card.name)}](#${anchor(card.name)})`,
    String(card.files.length),
    String(card.loc),
    fixed2(card.metrics.cohesion),
    fixed2(card.metrics.coupling),
    String(card.metrics.apiSize),
    fixed2(card.confidence),
  ]);
  const legend =
    'cohesion: share of possible dependencies inside the service that exist; coupling: share of its dependencies that cross its boundary; api: names other services import; confidence: share of seeded runs that agree with the placement.';
  return `## Services\n\n${table(['service', 'files', 'loc', 'cohesion', 'coupling', 'api', 'confidence'], 'lrrrrrr', rows)}\n\n${legend}`;
}

function extraction(model: ReportModel, nameOf: (id: string) => string): string {
  const rows = model.extractionOrder.map((step) => [
    String(step.order),
    text(nameOf(step.service)),
    `${step.effort} (${step.effortScore})`,
    text(step.reason),
  ]);
  const formula = EFFORT_FORMULA.map((line) => `    ${line}`).join('\n');
  const legend = `Effort, from the numbers in the service cards (inbound and outbound: file dependencies crossing the boundary; api: names other services import; tables: table reads and writes crossing the boundary, either way, when the graph has them):\n\n${formula}\n\nThe order sorts on entanglement, then effort score, then name.`;
  return `## Extraction order\n\nStrangler fig: extract the least entangled service first.\n\n${table(['step', 'service', 'effort', 'why'], 'rlll', rows)}\n\n${legend}`;
}

function sharedKernel(model: ReportModel, nameOf: (id: string) => string): string {
  const { kernel } = splitShared(model);
  if (model.shared.length === 0) return '## Shared kernel\n\nNone: every file belongs to a service.';
  if (kernel.length === 0) return '## Shared kernel\n\nNone: no file is shared between services.';
  const rows = kernel.map((file) => [
    code(file.path),
    text(file.reason),
    file.usedBy.length === 0 ? 'no service' : file.usedBy.map((id) => text(nameOf(id))).join(', '),
  ]);
  const note =
    'Files used across services, kept apart from them: a library every service links, not a service of its own.';
  return `## Shared kernel\n\n${note}\n\n${table(['file', 'why shared', 'used by'], 'lll', rows)}`;
}

// Tests, migrations, tool configs...: by group, a few files each (the plan lists them all).
function notServices(model: ReportModel): string[] {
  const { groups } = splitShared(model);
  if (groups.length === 0) return [];
  const rows = groups.map(({ group, files }) => [
    text(group),
    String(files.length),
    `${files
      .slice(0, 3)
      .map((file) => code(file.path))
      .join(', ')}${files.length > 3 ? ', ...' : ''}`,
  ]);
  const note = 'Files that belong to no service, set apart and out of the extraction order; the plan lists them all.';
  return [`## Not services\n\n${note}\n\n${table(['group', 'files', 'for example'], 'lrl', rows)}`];
}
