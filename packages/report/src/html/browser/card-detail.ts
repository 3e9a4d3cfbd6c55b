/// <reference lib="dom" />
import { compareCodeUnits } from '../../code-unit-order.ts';
import { callersOf, reachersOf } from '../../service-links.ts';
import { formatCount, formatPercent } from '../format-values.ts';
import type { PageModel } from '../page-model.ts';
import { colourClass } from '../service-colours.ts';

/**
 * Fills a card's per-file detail from the page model the first time it opens (format-html leaves it
 * out of the page, which stays small on big plans): the files and public API tables, and the services
 * a long blast radius reaches through the direct callers, computed from the links as the report does.
 */
export function cardDetail(model: PageModel): (card: HTMLElement, serviceId: string) => void {
  const index = new Map(model.services.map((service, i) => [service.id, i]));
  let callers: Map<string, string[]> | undefined;
  const byName = (a: string, b: string) => compareCodeUnits(nameOf(a), nameOf(b)) || compareCodeUnits(a, b);
  const nameOf = (id: string) => model.services[index.get(id) ?? -1]?.name ?? id;
  const filled = new WeakSet<HTMLElement>();
  const paths = [...model.services.flatMap((service) => service.files.map(([path]) => path)), ...model.otherFiles];

  return (card, serviceId) => {
    if (filled.has(card)) return;
    filled.add(card);
    const service = model.services[index.get(serviceId) ?? -1];
    const body = card.querySelector(`table[data-files] tbody`);
    if (service && body) body.replaceChildren(...service.files.map((file) => fileRow(file, model.lowConfidence)));
    const api = card.querySelector(`table[data-api] tbody`);
    if (service && api) api.replaceChildren(...service.api.map((entry) => apiRow(entry, paths)));
    const through = card.querySelector<HTMLElement>('[data-through]');
    if (through) {
      callers ??= callersOf(model.links);
      const direct = new Set(callers.get(serviceId) ?? []);
      const indirect = reachersOf(serviceId, callers)
        .filter((id) => !direct.has(id))
        .sort(byName);
      through.replaceChildren(
        ...indirect.flatMap((id, i) => [...(i > 0 ? [', '] : []), serviceRef(id)]),
        ' through them',
      );
    }
  };

  function serviceRef(id: string): HTMLElement {
    const at = index.get(id);
    if (at === undefined)
      return Object.assign(document.createElement('span'), { className: 'service-ref', textContent: id });
    const link = document.createElement('a');
    link.className = `service-ref ${colourClass(at)}`;
    link.href = `#${encodeURIComponent(`card-${id}`)}`;
    link.dataset.open = id;
    link.textContent = nameOf(id);
    return link;
  }
}

function apiRow([name, file, callers, typeOnly]: PageModel['services'][number]['api'][number], paths: string[]) {
  const row = document.createElement('tr');
  const nameCell = document.createElement('td');
  nameCell.append(code(name));
  const tag = name === '*' ? 'whole module' : typeOnly ? 'type' : undefined;
  if (tag) nameCell.append(' ', Object.assign(document.createElement('span'), { className: 'tag', textContent: tag }));
  const declared = document.createElement('td');
  declared.append(code(paths[file] ?? ''));
  const calling = document.createElement('td');
  callers.forEach((caller, i) => {
    if (i > 0) calling.append(document.createElement('br'));
    calling.append(code(paths[caller] ?? ''));
  });
  row.append(nameCell, declared, calling);
  return row;
}

const code = (text: string) => Object.assign(document.createElement('code'), { textContent: text });

function fileRow([path, loc, confidence]: PageModel['services'][number]['files'][number], low: number): HTMLElement {
  const row = document.createElement('tr');
  row.dataset.file = path;
  const name = document.createElement('td');
  name.append(code(path));
  const lines = Object.assign(document.createElement('td'), { className: 'num', textContent: formatCount(loc) });
  const share = Object.assign(document.createElement('td'), { className: 'num' });
  if (confidence < low) {
    const review = Object.assign(document.createElement('span'), { className: 'review', textContent: 'review' });
    review.title = `below the plan's confidence threshold of ${formatPercent(low)}`;
    share.append(review, ' ');
  }
  share.append(formatPercent(confidence));
  row.append(name, lines, share);
  return row;
}
