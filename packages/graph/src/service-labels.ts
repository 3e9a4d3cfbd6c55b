import type { Service } from './plan-schema.ts';

/**
 * How messages name a service: by its name, which people edit, not its id, which stays stable
 * behind it. A name several services share (or an empty one) gets the id added, so no message is
 * ambiguous; an id the plan does not know (a stale `dependsOn` entry) is shown as it is.
 */
export function serviceLabels(services: readonly Pick<Service, 'id' | 'name'>[]): (id: string) => string {
  const uses = new Map<string, number>();
  for (const { name } of services) uses.set(name, (uses.get(name) ?? 0) + 1);
  const labelOf = ({ id, name }: Pick<Service, 'id' | 'name'>) =>
    !name ? id : uses.get(name) === 1 || name === id ? name : `${name} (${id})`;
  const labels = new Map(services.map((service) => [service.id, labelOf(service)]));
  return (id) => labels.get(id) ?? id;
}
