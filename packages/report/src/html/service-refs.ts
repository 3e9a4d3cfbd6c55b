import type { ReportModel } from '../report-model.ts';
import { html, type SafeHtml } from './html-template.ts';
import { colourClass, serviceColour } from './service-colours.ts';

/** What every section needs to name and link services: their display names and colours. */
export interface ServiceLookup {
  nameOf(id: string): string;
  colourOf(id: string): string;
  /** A link to the service's card: a fragment link without JavaScript, opens the card with it. */
  ref(id: string): SafeHtml;
  refs(ids: readonly string[], empty: string): SafeHtml;
}

export function cardId(serviceId: string): string {
  return `card-${serviceId}`;
}

export function serviceLookup(model: ReportModel): ServiceLookup {
  const names = new Map(model.services.map((service) => [service.id, service.name]));
  const colours = new Map(model.services.map((service, index) => [service.id, serviceColour(index)]));
  const classes = new Map(model.services.map((service, index) => [service.id, colourClass(index)]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const colourOf = (id: string) => colours.get(id) ?? '#5f6b7a';
  const ref = (id: string): SafeHtml =>
    names.has(id)
      ? html`<a class="service-ref ${classes.get(id)!}" href="#${encodeURIComponent(cardId(id))}" data-open="${id}">${nameOf(id)}</a>`
      : html`<span class="service-ref">${id}</span>`;
  const refs = (ids: readonly string[], empty: string): SafeHtml =>
    ids.length === 0
      ? html`<span class="none">${empty}</span>`
      : html`${ids.map((id, i) => html`${i > 0 && ', '}${ref(id)}`)}`;
  return { nameOf, colourOf, ref, refs };
}
