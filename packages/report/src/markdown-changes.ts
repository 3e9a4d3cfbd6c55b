import { fixed2, signed2 } from './format-number.ts';
import { code, table, text } from './markdown-text.ts';
import { METRIC_LABELS, verdict } from './metric-labels.ts';
import type { PlanChanges, ReportModel } from './report-model.ts';

/** The "Changes since the previous plan" section. */
export function changesMarkdown(changes: PlanChanges, model: ReportModel, nameOf: (id: string) => string): string {
  const service = (id: string) => text(nameOf(id));
  const facts = [
    ...changes.renamed.map((rename) => `- Renamed: ${text(rename.from)} → ${text(rename.to)} (id ${code(rename.id)})`),
    ...changes.added.map((id) => `- Added: ${service(id)}`),
    ...changes.removed.map((id) => `- Removed: ${code(id)}`),
    ...(changes.sharedAdded ?? []).map((path) => `- Moved into the shared kernel: ${code(path)}`),
    ...(changes.sharedRemoved ?? []).map((path) => `- Moved out of the shared kernel: ${code(path)}`),
  ];
  const sections = [
    '## Changes since the previous plan',
    '',
    facts.length > 0 ? facts.join('\n') : 'No service added, removed or renamed.',
  ];
  if (changes.movedFiles.length > 0) {
    // A removed service has no current name; its id is all there is.
    const rows = changes.movedFiles.map((move) => [code(move.path), service(move.from), service(move.to)]);
    sections.push('', `**Files moved between services**\n\n${table(['file', 'from', 'to'], 'lll', rows)}`);
  }
  const metrics = model.metrics as Record<string, number>;
  const rows = Object.entries(changes.metricDeltas).map(([metric, delta]) => {
    const now = metrics[metric] ?? 0;
    return [
      METRIC_LABELS[metric]?.short ?? metric,
      fixed2(now - delta),
      fixed2(now),
      `${signed2(delta)} (${verdict(metric, delta)})`,
    ];
  });
  sections.push('', `**Metrics**\n\n${table(['metric', 'before', 'now', 'change'], 'lrrr', rows)}`);
  return sections.join('\n');
}
