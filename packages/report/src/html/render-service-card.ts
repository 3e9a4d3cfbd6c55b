import { fixed2 } from '../format-number.ts';
import type { ExtractionStep, ServiceCard } from '../report-model.ts';
import { renderDataLine } from './render-data.ts';
import { renderOwnershipLine } from './render-ownership.ts';
import { formatCount, formatPercent } from './format-values.ts';
import { html, type SafeHtml } from './html-template.ts';
import { cardId, type ServiceLookup } from './service-refs.ts';

export interface CardContext {
  services: ServiceLookup;
  /** How many services the plan has, to say "2 of 5 other services". */
  serviceCount: number;
  /** Files below this confidence are flagged for review. */
  lowConfidence: number;
  /** A cycle's number in the Service cycles section (from 1). */
  cycleNumber: (cycle: readonly string[]) => number | undefined;
}

/**
 * Cycles longer than this are linked from a card, not spelled out in it: one of 400 services, in 400 cards, was 20 MB.
 */
const CYCLE_SHOWN = 12;
/** Blast radii beyond the direct callers longer than this are listed by the script when the card opens. */
const THROUGH_SHOWN = 12;

export const cycleAnchor = (number: number) => `service-cycle-${number}`;

export function cycleNumbers(cycles: readonly string[][]): (cycle: readonly string[]) => number | undefined {
  // Cards hold the plan's own cycle arrays: found by identity, a cycle through 5,000 services is not joined into
  // a string once per card. The text is the key of a copy.
  const byArray = new Map<readonly string[], number>(cycles.map((cycle, i) => [cycle, i + 1]));
  let byText: Map<string, number> | undefined;
  return (cycle) =>
    byArray.get(cycle) ?? (byText ??= new Map(cycles.map((c, i) => [c.join('\0'), i + 1]))).get(cycle.join('\0'));
}

/**
 * One service's card. Every card is in the page from the start with its summary, so the report reads
 * without JavaScript; the map script shows one at a time beside the map and, when it opens, fills in
 * what would make a big plan's page huge: the files table and a long blast radius, from the page model.
 */
export function renderServiceCard(card: ServiceCard, step: ExtractionStep | undefined, context: CardContext): SafeHtml {
  const { services } = context;
  const id = cardId(card.id);
  return html`<article class="card" id="${id}" data-service="${card.id}" aria-labelledby="${id}-title" tabindex="-1" style="--service-colour: ${services.colourOf(card.id)}">
<h3 id="${id}-title"><span class="swatch" aria-hidden="true"></span>${card.name}</h3>
<p class="card-facts">${formatCount(card.files.length)} ${card.files.length === 1 ? 'file' : 'files'} · ${formatCount(card.loc)} lines · confidence ${formatPercent(card.confidence)}${step && html` · extraction step ${step.order}, effort ${step.effort}`}</p>
${renderOwnershipLine(card.ownership)}${renderDataLine(card.data, services)}<dl class="card-metrics">
<div><dt>Cohesion</dt><dd>${fixed2(card.metrics.cohesion)}</dd></div>
<div><dt>Coupling</dt><dd>${fixed2(card.metrics.coupling)}</dd></div>
<div><dt>API size</dt><dd>${formatCount(card.metrics.apiSize)}</dd></div>
<div><dt>Interface files</dt><dd>${formatCount(card.metrics.interfaceFiles)}</dd></div>
</dl>
<h4>Blast radius</h4>
<p>${blastRadius(card, context)}</p>
<h4>Depends on</h4>
${weighted(card.outbound, services)}
<h4>Used by</h4>
${weighted(card.inbound, services)}
${
  card.cycles.length > 0 &&
  html`<h4>Cycles</h4>
<ul class="cycles">${card.cycles.map((cycle) => html`<li>${cycleItem(cycle, context)}</li>`)}</ul>`
}
<h4>Shared kernel used</h4>
${card.sharedKernelUsed.length === 0 ? html`<p class="none">None.</p>` : html`<ul class="paths">${card.sharedKernelUsed.map((path) => html`<li><code>${path}</code></li>`)}</ul>`}
<h4>Public API</h4>
${publicApi(card)}
<h4>Files</h4>
<div class="scroll"><table class="files" data-files="${card.id}"><thead><tr><th scope="col">File</th><th scope="col" class="num">Lines</th><th scope="col" class="num">Confidence</th></tr></thead><tbody></tbody></table></div>
</article>`;
}

function cycleItem(cycle: readonly string[], context: CardContext): SafeHtml {
  if (cycle.length <= CYCLE_SHOWN) return cycleText(cycle, context.services);
  const number = context.cycleNumber(cycle);
  if (number === undefined) return cycleText(cycle, context.services);
  return html`<a href="#${cycleAnchor(number)}">cycle ${number}</a>, through ${formatCount(cycle.length)} services`;
}

/** The count includes the direct ones: the text names the direct ones, then those reached through them. */
function blastRadius(card: ServiceCard, { services, serviceCount }: CardContext): SafeHtml {
  const { direct, count, through } = card.blastRadius;
  if (count === 0) return html`<span class="none">Nobody: no other service depends on it.</span>`;
  const others = serviceCount - 1;
  const indirect = count - direct.length;
  const named =
    through && indirect <= THROUGH_SHOWN
      ? html`${services.refs(through, '')} through them`
      : html`<span data-through="${card.id}">${formatCount(indirect)} more through them</span>`;
  return html`If it is down, ${count} of ${others} other ${others === 1 ? 'service breaks' : 'services break'}: ${services.refs(direct, 'none')} directly${indirect > 0 && html`, ${named}`}.`;
}

function weighted(list: ServiceCard['inbound'], services: ServiceLookup): SafeHtml {
  if (list.length === 0) return html`<p class="none">No other service.</p>`;
  return html`<ul class="weighted">${list.map((item) => html`<li>${services.ref(item.service)} <span class="weight">${formatCount(item.weight)} file ${item.weight === 1 ? 'dependency' : 'dependencies'}</span></li>`)}</ul>`;
}

// The rows (names, declaring and calling files) are filled in from the page model when the card opens.
function publicApi(card: ServiceCard): SafeHtml {
  if (card.publicApi.length === 0) return html`<p class="none">None: no other service imports from it.</p>`;
  return html`<div class="scroll"><table class="api" data-api="${card.id}"><thead><tr><th scope="col">Name</th><th scope="col">Declared in</th><th scope="col">Called from</th></tr></thead><tbody></tbody></table></div>`;
}

/** A cycle reads as a loop back to where it started: a → b → a. */
export function cycleText(cycle: readonly string[], services: ServiceLookup): SafeHtml {
  const loop = cycle.length > 0 ? [...cycle, cycle[0]!] : [];
  return html`${loop.map((id, i) => html`${i > 0 && ' → '}${services.ref(id)}`)}`;
}
