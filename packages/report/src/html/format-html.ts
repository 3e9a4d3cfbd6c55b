import type { ReportModel } from '../report-model.ts';
import { embedJson, embedScript } from './embed-script.ts';
import { MAP_BUNDLE, MAP_BUNDLE_SHA256 } from './generated/map-bundle.ts';
import { html, raw } from './html-template.ts';
import { HTML_STYLES } from './html-styles.ts';
import { renderChanges } from './render-changes.ts';
import { renderMapSection } from './render-map-section.ts';
import { renderData } from './render-data.ts';
import { renderOwnership } from './render-ownership.ts';
import { pageModel } from './page-model.ts';
import { renderExtractionOrder, renderServiceCycles, renderSharedKernel } from './render-plan-sections.ts';
import { renderServiceTable } from './render-service-table.ts';
import { renderSummary } from './render-summary.ts';
import { serviceLookup } from './service-refs.ts';

// The page may not reach anything outside itself: no connections, fonts or images from the web, and
// only the one bundled script (by its hash), so a stray URL in the model can never load anything.
// Inserted raw: it is a constant without quotes, and escaping would make it hard to read in the page.
const csp = `default-src 'none'; script-src 'sha256-${MAP_BUNDLE_SHA256}'; style-src 'unsafe-inline'; img-src data:`;

/** The report as one self-contained HTML file that works offline: styles, model and map script inline. */
export function formatHtml(model: ReportModel): string {
  const services = serviceLookup(model);
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${raw(csp)}">
<meta name="generator" content="seams">
<title>${model.title}</title>
<style>${raw(HTML_STYLES)}</style>
</head>
<body>
<header class="page">
<h1>${model.title}</h1>
<p class="provenance">Root <code>${model.root}</code>: ${model.generatedFrom.graphFiles} files in the graph, ${model.generatedFrom.planServices} services in the plan${model.generatedFrom.signals.length > 0 && `, signals ${model.generatedFrom.signals.join(', ')}`}.</p>
</header>
<main>
${renderSummary(model)}
${renderMapSection(model, services)}
${renderServiceTable(model, services)}
${renderExtractionOrder(model, services)}${renderOwnership(model.ownership, services)}${renderData(model.data, services)}
${renderSharedKernel(model, services)}
${renderServiceCycles(model, services)}
${renderChanges(model, services)}
</main>
<footer class="page">Made by seams. The map uses sigma.js and graphology (MIT licence), bundled in this file.</footer>
<script type="application/json" id="seams-model">${raw(embedJson(pageModel(model)))}</script>
<script>${raw(embedScript(MAP_BUNDLE))}</script>
</body>
</html>
`;
  return page.safeHtml;
}
