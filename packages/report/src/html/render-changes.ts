import { fixed2, signed2 } from '../format-number.ts';
import { METRIC_LABELS, verdict } from '../metric-labels.ts';
import type { PlanChanges, ReportModel } from '../report-model.ts';
import { html, type SafeHtml } from './html-template.ts';
import type { ServiceLookup } from './service-refs.ts';

/** What moved since the previous plan; nothing when no previous plan was given. */
export function renderChanges(model: ReportModel, services: ServiceLookup): SafeHtml {
  const { changes } = model;
  if (!changes) return html``;
  const facts = [
    ...changes.renamed.map((rename) => html`<li>Renamed: ${rename.from} → ${services.ref(rename.id)}</li>`),
    ...changes.added.map((id) => html`<li>Added: ${services.ref(id)}</li>`),
    // A removed service has no card and no current name; its id is all there is.
    ...changes.removed.map((id) => html`<li>Removed: <code>${id}</code></li>`),
    ...(changes.sharedAdded ?? []).map((path) => html`<li>Moved into the shared kernel: <code>${path}</code></li>`),
    ...(changes.sharedRemoved ?? []).map((path) => html`<li>Moved out of the shared kernel: <code>${path}</code></li>`),
  ];
  return html`<section id="changes" aria-labelledby="changes-heading">
<h2 id="changes-heading">Changes since the previous plan</h2>
${facts.length === 0 ? html`<p class="none">No service added, removed or renamed.</p>` : html`<ul class="facts">${facts}</ul>`}
${
  changes.movedFiles.length > 0 &&
  html`<h3>Files moved between services</h3>
<div class="scroll"><table class="moved"><thead><tr><th scope="col">File</th><th scope="col">From</th><th scope="col">To</th></tr></thead><tbody>
${changes.movedFiles.map(
  (
    move,
  ) => html`<tr><th scope="row"><code>${move.path}</code></th><td>${services.ref(move.from)}</td><td>${services.ref(move.to)}</td></tr>
`,
)}</tbody></table></div>`
}
${metricChanges(changes, model)}
</section>`;
}

function metricChanges(changes: PlanChanges, model: ReportModel): SafeHtml {
  const deltas = Object.entries(changes.metricDeltas);
  if (deltas.length === 0) return html``;
  const now = model.metrics as unknown as Record<string, number>;
  return html`<h3>Metrics</h3>
<div class="scroll"><table class="deltas"><thead><tr><th scope="col">Metric</th><th scope="col" class="num">Before</th><th scope="col" class="num">Now</th><th scope="col" class="num">Change</th></tr></thead><tbody>
${deltas.map(([metric, delta]) => {
  const label = METRIC_LABELS[metric];
  const current = now[metric] ?? 0;
  const judged = verdict(metric, delta);
  return html`<tr><th scope="row">${label ? `${label.name} (${label.short})` : metric}</th><td class="num">${fixed2(current - delta)}</td><td class="num">${fixed2(current)}</td><td class="num"><span class="${judged}">${signed2(delta)} (${judged})</span></td></tr>
`;
})}</tbody></table></div>`;
}
