import { EFFORT_FORMULA } from '../extraction-order.ts';
import { splitShared } from '../not-services.ts';
import type { ReportModel } from '../report-model.ts';
import { formatCount } from './format-values.ts';
import { html, type SafeHtml } from './html-template.ts';
import { cycleAnchor, cycleText } from './render-service-card.ts';
import type { ServiceLookup } from './service-refs.ts';

export function renderExtractionOrder(model: ReportModel, services: ServiceLookup): SafeHtml {
  return html`<section id="extraction-order" aria-labelledby="extraction-heading">
<h2 id="extraction-heading">Extraction order</h2>
${
  model.extractionOrder.length === 0
    ? html`<p class="none">No service to extract.</p>`
    : html`<p class="hint">Strangler fig: extract the least entangled service first. Effort is S, M, L or XL, with its score.</p>
<div class="scroll"><table class="steps"><thead><tr><th scope="col" class="num">Step</th><th scope="col">Service</th><th scope="col">Effort</th><th scope="col">Why here</th></tr></thead><tbody>
${model.extractionOrder.map(
  (
    step,
  ) => html`<tr><td class="num">${step.order}</td><th scope="row">${services.ref(step.service)}</th><td><span class="effort effort-${step.effort}">${step.effort}</span> <span class="score">${step.effortScore}</span></td><td>${step.reason}</td></tr>
`,
)}</tbody></table></div>
<details class="formula"><summary>How effort is estimated</summary>
<pre>${EFFORT_FORMULA.join('\n')}</pre>
<p>Inbound and outbound count file dependencies crossing the boundary; api counts the names other services import; tables counts the table reads and writes crossing the boundary, either way, when the graph has them. The order sorts on entanglement, then effort score, then name.</p>
</details>`
}
</section>`;
}

export function renderSharedKernel(model: ReportModel, services: ServiceLookup): SafeHtml {
  const { kernel, groups } = splitShared(model);
  return html`<section id="shared-kernel" aria-labelledby="shared-heading">
<h2 id="shared-heading">Shared kernel</h2>
${
  kernel.length === 0
    ? html`<p class="none">No file is shared between services.</p>`
    : html`<p class="hint">Files used across services, kept apart from them: a library every service links, not a service of its own.</p>
<div class="scroll"><table class="shared"><thead><tr><th scope="col">File</th><th scope="col">Why shared</th><th scope="col">Used by</th></tr></thead><tbody>
${kernel.map(
  (
    file,
  ) => html`<tr data-file="${file.path}"><th scope="row"><code>${file.path}</code></th><td>${file.reason}</td><td>${services.refs(file.usedBy, 'no service')}</td></tr>
`,
)}</tbody></table></div>`
}${
    groups.length === 0
      ? ''
      : html`
<h3>Not services</h3>
<p class="hint">Files that belong to no service, set apart and out of the extraction order.</p>
<ul class="not-services">
${groups.map(
  ({ group, files }) => html`<li><details><summary>${group} (${formatCount(files.length)})</summary><ul>
${files.map(
  (file) => html`<li data-file="${file.path}"><code>${file.path}</code></li>
`,
)}</ul></details></li>
`,
)}</ul>`
  }
</section>`;
}

export function renderServiceCycles(model: ReportModel, services: ServiceLookup): SafeHtml {
  return html`<section id="service-cycles" aria-labelledby="cycles-heading">
<h2 id="cycles-heading">Service cycles</h2>
${
  model.serviceCycles.length === 0
    ? html`<p class="none">No service depends on itself through others.</p>`
    : html`<p class="hint">Services in a cycle need each other and would have to be deployed together: each cycle is a boundary to fix.</p>
<ul class="cycles">${model.serviceCycles.map((cycle, i) => html`<li id="${cycleAnchor(i + 1)}">${cycleText(cycle, services)}</li>`)}</ul>`
}
</section>`;
}
