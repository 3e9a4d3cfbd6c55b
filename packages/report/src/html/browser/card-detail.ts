/// <reference lib="dom" />
import { compareCodeUnits } from '../../code-unit-order.ts';
import { callersOf, reachersOf } from '../../service-links.ts';
import { formatCount, formatPercent } from '../format-values.ts';
import type { PageModel } from '../page-model.ts';
import { colourClass } from '../service-colours.ts';

/**
 * Fills a card's per-file detail from the page model the first time it opens (format-html leaves it
 * out of the page, which stays small on big plans): the files table, and the services a long blast
 * radius reaches through the direct callers, which it computes from the links as the report does.
 */
export function cardDetail(model: PageModel): (card: HTMLElement, serviceId: string) => void {
  const index = new Map(model.services.map((service, i) => [service.id, i]));
  let callers: Map<string, string[]> | undefined;
  const byName = (a: string, b: string) => compareCodeUnits(nameOf(a), nameOf(b)) || compareCodeUnits(a, b);
  const nameOf = (id: string) => model.services[index.get(id) ?? -1]?.name ?? id;
  const filled = new WeakSet<HTMLElement>();

  return (card, serviceId) => {
    if (filled.has(card)) return;
    filled.add(card);
    const service = model.services[index.get(serviceId) ?? -1];
    const body = card.querySelector(`table[data-files] tbody`);
    if (service && body) body.replaceChildren(...service.files.map((file) => fileRow(file, model.lowConfidence)));
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

function fileRow([path, loc, confidence]: PageModel['services'][number]['files'][number], low: number): HTMLElement {
  const row = document.createElement('tr');
  row.dataset.file = path;
  const name = document.createElement('td');
  name.append(Object.assign(document.createElement('code'), { textContent: path }));
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
