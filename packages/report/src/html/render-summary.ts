import { fixed2 } from '../format-number.ts';
import { METRIC_LABELS } from '../metric-labels.ts';
import { splitShared } from '../not-services.ts';
import type { ReportModel } from '../report-model.ts';
import { formatCount } from './format-values.ts';
import { html, type SafeHtml } from './html-template.ts';

// METRIC_LABELS covers the plan metrics every format shows; the two means are the HTML summary's own.
const MEANS: Array<{ key: 'cohesion' | 'coupling'; label: string; meaning: string }> = [
  {
    key: 'cohesion',
    label: 'Cohesion',
    meaning:
      'share of the possible dependencies inside a service that exist, averaged over services (0..1; higher is better)',
  },
  {
    key: 'coupling',
    label: 'Coupling',
    meaning:
      "share of a service's dependencies that cross its boundary, averaged over services (0..1; lower is better)",
  },
];

export function renderSummary(model: ReportModel): SafeHtml {
  const files = model.services.reduce((sum, service) => sum + service.files.length, 0);
  const loc = model.services.reduce((sum, service) => sum + service.loc, 0);
  const values = model.metrics as unknown as Record<string, number>;
  const metrics = [
    ...Object.entries(METRIC_LABELS).map(([key, label]) => ({
      label: `${capitalise(label.name)} (${label.short})`,
      value: values[key] ?? 0,
      meaning: `${capitalise(label.meaning)} (${label.range}; ${label.better} is better)`,
    })),
    ...MEANS.map((mean) => ({ label: mean.label, value: model.metrics[mean.key], meaning: capitalise(mean.meaning) })),
  ];
  const cycles = model.serviceCycles.length;
  const kernel = splitShared(model).kernel.length;
  const apart = model.shared.length - kernel;
  return html`<section id="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<p class="overview">${formatCount(model.services.length)} ${model.services.length === 1 ? 'service holds' : 'services hold'} ${formatCount(files)} files (${formatCount(loc)} lines);
${formatCount(kernel)} ${kernel === 1 ? 'file forms' : 'files form'} the shared kernel${apart === 0 ? '' : `, ${formatCount(apart)} ${apart === 1 ? 'file is' : 'files are'} not services (tests, tool configs...)`}; ${cycles === 0 ? 'no cycle links services' : `${formatCount(cycles)} ${cycles === 1 ? 'cycle links' : 'cycles link'} services`} together.</p>
<dl class="metric-grid">
${metrics.map(
  ({
    label,
    value,
    meaning,
  }) => html`<div class="metric"><dt>${label}</dt><dd class="metric-value">${fixed2(value)}</dd><dd class="metric-meaning">${meaning}</dd></div>
`,
)}</dl>
</section>`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
