/// <reference lib="dom" />
// Entry of the browser bundle (scripts/build-browser.ts): runs inside the HTML report, reads the
// embedded model and makes the page interactive. Everything it needs is in the page itself.
import type { PageModel } from '../page-model.ts';
import { buildServiceGraph } from './build-service-graph.ts';
import { cardDetail } from './card-detail.ts';
import { setupCards } from './cards.ts';
import { setupFileSearch } from './file-search.ts';
import { fileIndex, findFiles, type FileMatches } from './find-files.ts';
import { renderMap, type ServiceMap } from './render-map.ts';
import { setupSortableTable } from './sort-table.ts';

/** What the page exposes as `window.seamsReport`, for tests and for anyone scripting the report. */
export interface SeamsReportApi {
  /** The page model (format-html's `pageModel`), not the whole report model. */
  model: PageModel;
  openCard(serviceId: string, file?: string): boolean;
  findFiles(fragment: string): FileMatches;
  nodePosition(serviceId: string): { x: number; y: number } | undefined;
  /** The map's labels as drawn last, in CSS pixels from its top-left corner: [] without a map. */
  labelBoxes(): ReturnType<ServiceMap['labelBoxes']>;
  /** Why the map could not be drawn (no WebGL, say); the rest of the page still works. */
  mapError: string | undefined;
}

declare global {
  interface Window {
    seamsReport?: SeamsReportApi;
  }
}

function main(): void {
  document.documentElement.classList.add('js');
  const model = JSON.parse(document.getElementById('seams-model')?.textContent ?? 'null') as PageModel;
  let map: ServiceMap | undefined;
  let mapError: string | undefined;
  const cards = setupCards(document, (serviceId) => map?.select(serviceId), cardDetail(model));
  const container = document.getElementById('map');
  if (container) {
    try {
      map = renderMap(container, buildServiceGraph(model), (serviceId) => cards.open(serviceId));
    } catch (error) {
      mapError = error instanceof Error ? error.message : String(error);
      const message = document.createElement('p');
      message.className = 'map-message';
      message.textContent = `The map could not be drawn here (${mapError}); the table, cards and lists have everything it shows.`;
      container.replaceChildren(message);
    }
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
    button.addEventListener('click', () => map?.zoom(button.dataset.zoom as 'in' | 'out' | 'reset'));
  }
  const table = document.getElementById('service-table');
  if (table instanceof HTMLTableElement) setupSortableTable(table);
  const index = fileIndex(model);
  setupFileSearch(document, index, (entry) => {
    if (entry.service !== undefined) cards.open(entry.service, entry.path);
    else showSharedFile(entry.path);
  });
  window.seamsReport = {
    model,
    openCard: (serviceId, file) => cards.open(serviceId, file),
    findFiles: (fragment) => findFiles(index, fragment),
    nodePosition: (serviceId) => map?.nodePosition(serviceId),
    labelBoxes: () => map?.labelBoxes() ?? [],
    mapError,
  };
}

function showSharedFile(path: string): void {
  for (const row of document.querySelectorAll('tr.hit')) row.classList.remove('hit');
  const row = document.querySelector(`#shared-kernel tr[data-file="${CSS.escape(path)}"]`);
  row?.classList.add('hit');
  row?.scrollIntoView({ block: 'center' });
}

main();
