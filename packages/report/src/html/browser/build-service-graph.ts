import Graph from 'graphology';
import type { PageModel } from '../page-model.ts';
import { serviceColour } from '../service-colours.ts';
import { layoutServices } from './layout-services.ts';

export interface ServiceNode {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface ServiceEdge {
  weight: number;
  size: number;
  color: string;
}

/**
 * The map's graph: one node per service, sized by its file count (by area, so a service with four
 * times the files looks four times as big), and one directed edge per coupled pair, thicker and
 * darker as the dependency weight grows.
 */
export function buildServiceGraph(model: Pick<PageModel, 'services' | 'links'>): Graph<ServiceNode, ServiceEdge> {
  const graph = new Graph<ServiceNode, ServiceEdge>({ type: 'directed', multi: false, allowSelfLoops: false });
  const positions = layoutServices(
    model.services.map((service) => service.id),
    model.links,
  );
  const maxFiles = Math.max(1, ...model.services.map((service) => service.files.length));
  // Sigma sizes are screen pixels: the more services share the map, the smaller the biggest must be.
  const largest = Math.min(22, Math.max(8, 60 / Math.sqrt(model.services.length)));
  model.services.forEach((service, index) => {
    const { x, y } = positions.get(service.id)!;
    const size = largest * (0.3 + 0.7 * Math.sqrt(service.files.length / maxFiles));
    graph.addNode(service.id, { label: service.name, x, y, size, color: serviceColour(index) });
  });
  for (const link of model.links) {
    // The model may carry links to ids not drawn (a removed service); the map shows services only.
    if (link.from === link.to || !graph.hasNode(link.from) || !graph.hasNode(link.to)) continue;
    if (graph.hasEdge(link.from, link.to))
      graph.updateEdgeAttribute(link.from, link.to, 'weight', (weight) => (weight ?? 0) + link.weight);
    else graph.addEdge(link.from, link.to, { weight: link.weight, size: 1, color: '' });
  }
  const maxWeight = Math.max(1, ...graph.mapEdges((_edge, attributes) => attributes.weight));
  graph.updateEachEdgeAttributes((_edge, attributes) => {
    const share = Math.sqrt(attributes.weight / maxWeight);
    return { ...attributes, size: 1 + 6 * share, color: `rgba(55, 65, 81, ${(0.25 + 0.6 * share).toFixed(2)})` };
  });
  return graph;
}
