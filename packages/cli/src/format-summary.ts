import { formatCount as n, type GraphSummary } from '@seams/graph';

const count = (value: number, one: string, many = `${one}s`) => `${n(value)} ${value === 1 ? one : many}`;

/** The human summary of an analysis, as printed after the progress bar. */
export function formatSummary(summary: GraphSummary, output?: string): string {
  const lines: string[] = [
    `seams analyze ${summary.root} (${summary.source === 'seams' ? 'source' : `imported from ${summary.source}`})`,
  ];
  const row = (label: string, text: string) => lines.push(`  ${label.padEnd(12)} ${text}`);
  row(
    'files',
    `${n(summary.files)}${summary.declarationFiles ? ` (${n(summary.declarationFiles)} declaration)` : ''}, ${n(summary.loc)} lines of code`,
  );
  const kinds = Object.entries(summary.edgesByKind)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${n(count)}`);
  row('edges', `${n(summary.edges)}${kinds.length ? `: ${kinds.join(', ')}` : ''}`);
  const ext = summary.externals;
  row(
    'externals',
    `${count(ext.references, 'reference')} to ${count(ext.packages, 'package')} and ${count(ext.builtins, 'Node built-in')}`,
  );
  if (ext.top.length)
    row(
      '',
      `most used: ${ext.top
        .slice(0, 5)
        .map((p) => `${p.package} (${p.files})`)
        .join(', ')}`,
    );
  const reasons = Object.entries(summary.unresolved.byReason).map(([reason, count]) => `${reason} ${n(count)}`);
  row('unresolved', `${n(summary.unresolved.total)}${reasons.length ? `: ${reasons.join(', ')}` : ''}`);
  for (const item of summary.unresolved.top.slice(0, 5)) {
    row('', `${item.specifier}  ${item.reason}${item.count > 1 ? ` x${item.count}` : ''}  (${item.example})`);
  }
  row('parse errors', n(summary.parseErrorCount));
  for (const error of summary.parseErrors.slice(0, 5))
    row('', `${error.path}${error.line ? `:${error.line}` : ''}  ${error.message}`);
  row(
    'cycles',
    summary.cycles.groups === 0
      ? 'none'
      : `${count(summary.cycles.groups, 'group')} of files importing each other (${count(summary.cycles.files, 'file')})`,
  );
  for (const group of summary.cycles.largest)
    row(
      '',
      `${group.loop.join(' -> ')}${group.files > group.loop.length - 1 ? `  (group of ${n(group.files)} files)` : ''}`,
    );
  if (summary.workspaces) row('workspaces', count(summary.workspaces, 'package'));
  const data = summary.data;
  if (data)
    row(
      'data',
      `${count(data.tables, 'table')} (${n(data.declared)} declared): ${count(data.reads, 'read')}, ${count(data.writes, 'write')}${data.detectors.length ? ` (${data.detectors.join(', ')})` : ''}`,
    );
  const history = summary.history;
  if (history) {
    row(
      'history',
      `${count(history.commits, 'commit')}${history.since ? ` since ${history.since.slice(0, 10)}` : ''}${history.skipped ? ` (${count(history.skipped, 'huge one')} left out)` : ''}, ${count(history.filesChanged, 'file')} changed, ${count(history.pairs, 'pair')} changed together`,
    );
    if (history.topPair)
      row(
        '',
        `most often together: ${history.topPair.a} + ${history.topPair.b} (${n(history.topPair.commits)} commits)`,
      );
  }
  const steps = Object.entries(summary.timings)
    .filter(([step]) => step !== 'total')
    .map(([step, ms]) => `${step} ${n(ms)} ms`);
  if (steps.length) row('time', `${steps.join(', ')}; total ${n(summary.timings.total ?? 0)} ms`);
  if (output) row('graph', `written to ${output}`);
  return lines.join('\n') + '\n';
}
