import { fixed2 } from './format-number.ts';
import { dataLine } from './markdown-data.ts';
import { ownershipLine } from './markdown-ownership.ts';
import { code, table, text } from './markdown-text.ts';
import type { ReportModel, ServiceCard } from './report-model.ts';
import { listing, plural } from './wording.ts';

// Past this many files a card's file table folds away, so the cards stay skimmable.
const FOLD_FILES_OVER = 10;

/** One "### service" section: facts first, then the file and API tables. */
export function serviceCardMarkdown(card: ServiceCard, model: ReportModel, nameOf: (id: string) => string): string {
  const others = model.services.length - 1;
  const weighted = (links: ServiceCard['inbound']) =>
    links.length === 0 ? 'none' : links.map((link) => `${text(nameOf(link.service))} (${link.weight})`).join(', ');
  const lines = [
    `### ${text(card.name)}`,
    '',
    `${plural(card.files.length, 'file')}, ${plural(card.loc, 'line')} of code, confidence ${fixed2(card.confidence)}; cohesion ${fixed2(card.metrics.cohesion)}, coupling ${fixed2(card.metrics.coupling)}.`,
    '',
    `- **Used by**: ${weighted(card.inbound)}`,
    `- **Depends on**: ${weighted(card.outbound)}`,
    `- **Cycles**: ${card.cycles.length === 0 ? 'none' : card.cycles.map((cycle) => `with ${listing(cycle.filter((id) => id !== card.id).map((id) => text(nameOf(id))))}`).join('; ')}`,
    `- **Shared kernel used**: ${card.sharedKernelUsed.length === 0 ? 'none' : card.sharedKernelUsed.map(code).join(', ')}`,
    `- **Blast radius** (who breaks if it is down): ${blastRadius(card, others, nameOf)}`,
    ...(card.ownership ? [ownershipLine(card.ownership)] : []),
    ...(card.data ? [dataLine(card.data, nameOf)] : []),
    '',
    filesSection(card, model.generatedFrom.lowConfidence),
    '',
    apiSection(card),
  ];
  return lines.join('\n');
}

function blastRadius(card: ServiceCard, others: number, nameOf: (id: string) => string): string {
  const { direct, count, through } = card.blastRadius;
  if (count === 0) return 'nobody; no other service depends on it';
  const names = (ids: readonly string[]) => listing(ids.map((id) => text(nameOf(id))));
  const indirect = count - direct.length;
  const reached = through ? names(through) : plural(indirect, 'more service');
  return `${count} of ${others} other ${others === 1 ? 'service' : 'services'}; ${names(direct)} directly${indirect > 0 ? `, ${reached} through them` : ''}`;
}

function filesSection(card: ServiceCard, lowConfidence = 0): string {
  const rows = card.files.map((file) => [
    code(file.path),
    String(file.loc),
    `${fixed2(file.confidence)}${file.confidence < lowConfidence ? ' (review)' : ''}`,
  ]);
  const files = table(['file', 'loc', 'confidence'], 'lrr', rows);
  if (card.files.length <= FOLD_FILES_OVER) return `**Files**\n\n${files}`;
  return `<details>\n<summary><b>Files</b> (${card.files.length})</summary>\n\n${files}\n\n</details>`;
}

function apiSection(card: ServiceCard): string {
  if (card.publicApi.length === 0) return '**Public API**: none; no other service imports from it.';
  const rows = card.publicApi.map((entry) => [
    `${code(entry.name)}${entry.name === '*' ? ' (whole module)' : entry.typeOnly ? ' (type)' : ''}`,
    code(entry.file),
    entry.callers.map(code).join(', '),
  ]);
  return `**Public API**: ${plural(card.publicApi.length, 'name')} other services import\n\n${table(['name', 'declared in', 'called from'], 'lll', rows)}`;
}
