/// <reference lib="dom" />

export interface Cards {
  /** Shows the service's card beside the map; with a file, marks that file's row. False if no such card. */
  open(serviceId: string, file?: string): boolean;
}

/**
 * The cards are all in the page (rendered by format-html); this shows one at a time in the panel
 * beside the map and keeps the panel, the table and the map's selection in step. `fill` adds a card's
 * per-file detail before it shows; printing fills every card first.
 */
export function setupCards(
  document: Document,
  onOpen: (serviceId: string) => void,
  fill: (card: HTMLElement, serviceId: string) => void,
): Cards {
  const panel = document.getElementById('cards');
  let current: HTMLElement | undefined;

  const open = (serviceId: string, file?: string): boolean => {
    const card = document.getElementById(`card-${serviceId}`);
    if (!card || !panel) return false;
    fill(card, serviceId);
    current?.classList.remove('open');
    card.classList.add('open');
    current = card;
    for (const row of document.querySelectorAll('tr.hit')) row.classList.remove('hit');
    for (const row of document.querySelectorAll('#service-table tr.selected')) row.classList.remove('selected');
    document.querySelector(`#service-table tr[data-service="${CSS.escape(serviceId)}"]`)?.classList.add('selected');
    const row = file === undefined ? null : card.querySelector<HTMLElement>(`tr[data-file="${CSS.escape(file)}"]`);
    row?.classList.add('hit');
    // Coming from the table or search far below, bring the panel back before scrolling inside it.
    const box = panel.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) panel.scrollIntoView({ block: 'nearest' });
    panel.scrollTop += scrollBy(panel, card, row);
    card.focus({ preventScroll: true });
    onOpen(serviceId);
    return true;
  };

  // Service names everywhere are fragment links; with the script they open the card in place.
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest<HTMLElement>('[data-open]');
    const row = target?.closest<HTMLElement>('#service-table tbody tr[data-service]');
    const serviceId = link?.dataset.open ?? row?.dataset.service;
    if (serviceId === undefined || !open(serviceId)) return;
    event.preventDefault();
  });

  window.addEventListener('beforeprint', () => {
    for (const card of document.querySelectorAll<HTMLElement>('article.card[data-service]'))
      fill(card, card.dataset.service!);
  });

  const fromHash = /^#card-(.+)$/.exec(location.hash);
  if (fromHash) open(decodeURIComponent(fromHash[1]!));
  return { open };
}

/**
 * How far to scroll the panel: the card's top just below the panel's sticky heading, so neither hides the other;
 * when that leaves the found row below the panel's bottom, the row in the middle instead (the card's name then
 * sticks under the heading).
 */
function scrollBy(panel: HTMLElement, card: HTMLElement, row: HTMLElement | null): number {
  const box = panel.getBoundingClientRect();
  const heading = panel.querySelector('h2')?.getBoundingClientRect().height ?? 0;
  // Where the open card's sticky name sits (html-styles.ts).
  panel.style.setProperty('--cards-heading', `${heading}px`);
  const toCard = card.getBoundingClientRect().top - box.top - heading - 8;
  if (!row) return toCard;
  const rowBox = row.getBoundingClientRect();
  return rowBox.bottom - toCard <= box.top + panel.clientHeight - 8
    ? toCard
    : rowBox.top - box.top - panel.clientHeight / 2;
}
