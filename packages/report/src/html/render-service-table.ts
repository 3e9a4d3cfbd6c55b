import { fixed2 } from '../format-number.ts';
import type { ReportModel, ServiceCard } from '../report-model.ts';
import { formatCount, formatPercent } from './format-values.ts';
import { html, type SafeHtml } from './html-template.ts';
import type { ServiceLookup } from './service-refs.ts';

interface Column {
  label: string;
  numeric: boolean;
  /** What the column sorts by; the browser script reads it from data-sort. */
  sortValue(card: ServiceCard, step: number | undefined): string | number;
  cell(card: ServiceCard, step: number | undefined): string;
}

const count = (n: number) => ({ sort: n, text: formatCount(n) });

const COLUMNS: Column[] = [
  numeric('Files', (card) => count(card.files.length)),
  numeric('Lines', (card) => count(card.loc)),
  numeric('Confidence', (card) => ({ sort: card.confidence, text: formatPercent(card.confidence) })),
  numeric('Cohesion', (card) => ({ sort: card.metrics.cohesion, text: fixed2(card.metrics.cohesion) })),
  numeric('Coupling', (card) => ({ sort: card.metrics.coupling, text: fixed2(card.metrics.coupling) })),
  numeric('API size', (card) => count(card.metrics.apiSize)),
  numeric('Used by', (card) => count(card.inbound.length)),
  numeric('Depends on', (card) => count(card.outbound.length)),
  // The count includes the direct ones: it is everyone who breaks.
  numeric('Blast radius', (card) => count(card.blastRadius.count)),
  // Services left out of the extraction order sort last.
  numeric('Extraction step', (_card, step) =>
    step === undefined ? { sort: Number.MAX_SAFE_INTEGER, text: '–' } : count(step),
  ),
];

function numeric(
  label: string,
  read: (card: ServiceCard, step: number | undefined) => { sort: number; text: string },
): Column {
  return {
    label,
    numeric: true,
    sortValue: (card, step) => read(card, step).sort,
    cell: (card, step) => read(card, step).text,
  };
}

/** The services and their metrics; every header is a button that sorts by its column. */
export function renderServiceTable(model: ReportModel, services: ServiceLookup): SafeHtml {
  const steps = new Map(model.extractionOrder.map((step) => [step.service, step.order]));
  return html`<section id="services" aria-labelledby="services-heading">
<h2 id="services-heading">Services</h2>
<p class="hint">Select a column heading to sort; select a service to open its card.</p>
<div class="scroll"><table id="service-table" class="sortable">
<thead><tr><th scope="col" aria-sort="none" data-type="text"><button type="button" class="sort">Service</button></th>${COLUMNS.map((column) => html`<th scope="col" class="num" aria-sort="none" data-type="number"><button type="button" class="sort">${column.label}</button></th>`)}</tr></thead>
<tbody>
${model.services.map((card) => {
  const step = steps.get(card.id);
  return html`<tr data-service="${card.id}"><th scope="row" data-sort="${card.name}">${services.ref(card.id)}</th>${COLUMNS.map((column) => html`<td class="num" data-sort="${column.sortValue(card, step)}">${column.cell(card, step)}</td>`)}</tr>
`;
})}</tbody>
</table></div>
<p class="legend">Confidence: share of seeded runs that agree with the placement. Cohesion: share of the possible dependencies inside the service that exist. Coupling: share of its dependencies that cross its boundary. API size: names other services import. Used by, depends on: other services. Blast radius: services that break if it is down.</p>
</section>`;
}
