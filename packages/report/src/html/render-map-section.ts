import type { ReportModel } from '../report-model.ts';
import { html, type SafeHtml } from './html-template.ts';
import { cycleNumbers, renderServiceCard, type CardContext } from './render-service-card.ts';
import type { ServiceLookup } from './service-refs.ts';

/**
 * The map, its tools and the service cards beside it. The map element stays empty until the
 * bundled script draws into it; without script (or print) the cards below it are the report.
 */
export function renderMapSection(model: ReportModel, services: ServiceLookup): SafeHtml {
  const steps = new Map(model.extractionOrder.map((step) => [step.service, step]));
  const context: CardContext = {
    services,
    serviceCount: model.services.length,
    lowConfidence: model.generatedFrom.lowConfidence ?? 0,
    cycleNumber: cycleNumbers(model.serviceCycles),
  };
  return html`<section id="map-section" aria-labelledby="map-heading">
<h2 id="map-heading">Service map</h2>
<p class="hint">Each circle is a service, sized by its files; each arrow a dependency, thicker when stronger. Hover to see a service's neighbours, select it to open its card.</p>
<div class="map-tools">
<div class="search">
<label for="file-search">Find a file</label>
<input id="file-search" type="search" autocomplete="off" spellcheck="false" placeholder="path fragment, e.g. payment.service" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="search-results">
<ul id="search-results" role="listbox" aria-label="Matching files" hidden></ul>
<p id="search-status" class="search-status" aria-live="polite"></p>
</div>
<div class="zoom">
<button type="button" data-zoom="in" aria-label="Zoom in" title="Zoom in">+</button>
<button type="button" data-zoom="out" aria-label="Zoom out" title="Zoom out">−</button>
<button type="button" data-zoom="reset" title="Show the whole map">Fit</button>
</div>
</div>
<div class="map-layout">
<div id="map" class="map" role="img" aria-label="Map of ${model.services.length} services and the dependencies between them"><noscript><p class="map-message">The map needs JavaScript; the table, cards and lists below have everything it shows.</p></noscript></div>
<section id="cards" class="cards" aria-labelledby="cards-heading">
<h2 id="cards-heading">Service cards</h2>
<p class="hint cards-hint">Select a service on the map, in the table or in a list to see its card here.</p>
<noscript><p class="hint">Each card's files are listed with JavaScript; the Markdown report lists them too.</p></noscript>
${model.services.map((card) => renderServiceCard(card, steps.get(card.id), context))}
</section>
</div>
</section>`;
}
