/// <reference lib="dom" />
import type Graph from 'graphology';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { ServiceEdge, ServiceNode } from './build-service-graph.ts';

export interface ServiceMap {
  /** Keep a service and its neighbours in focus (the open card's service); undefined clears it. */
  select(serviceId: string | undefined): void;
  zoom(how: 'in' | 'out' | 'reset'): void;
  /** Where the service's node is drawn, in CSS pixels from the map's top-left corner. */
  nodePosition(serviceId: string): { x: number; y: number } | undefined;
}

const DIMMED = '#e3e6ea';

/** Draws the graph with sigma (WebGL) and wires hover, click and zoom. */
export function renderMap(
  container: HTMLElement,
  graph: Graph<ServiceNode, ServiceEdge>,
  onOpen: (serviceId: string) => void,
): ServiceMap {
  let hovered: string | undefined;
  let selected: string | undefined;
  let neighbours = new Set<string>();

  // Hover wins over the selection while the pointer is on a node, so exploring does not lose the card.
  const focus = () => hovered ?? selected;
  const refocus = () => {
    const node = focus();
    neighbours = new Set(node === undefined ? [] : graph.neighbors(node));
    renderer.refresh({ skipIndexation: true });
  };

  const renderer = new Sigma<ServiceNode, ServiceEdge>(graph, container, {
    defaultEdgeType: 'arrow',
    labelRenderedSizeThreshold: 0,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    labelSize: 13,
    labelWeight: '600',
    labelDensity: 1,
    zIndex: true,
    stagePadding: 40,
    minCameraRatio: 0.05,
    maxCameraRatio: 4,
    // Printing hides the map; without this, sigma's resize handler throws on the empty container.
    allowInvalidContainer: true,
    nodeReducer: (node, data): Partial<NodeDisplayData> => {
      const current = focus();
      if (current === undefined) return data;
      if (node === current) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
      if (neighbours.has(node)) return { ...data, forceLabel: true, zIndex: 1 };
      return { ...data, color: DIMMED, label: '', zIndex: 0 };
    },
    edgeReducer: (edge, data): Partial<EdgeDisplayData> => {
      const current = focus();
      if (current === undefined) return data;
      const touches = graph.source(edge) === current || graph.target(edge) === current;
      return touches
        ? { ...data, color: graph.getNodeAttribute(current, 'color'), zIndex: 1 }
        : { ...data, hidden: true };
    },
  });

  renderer.on('enterNode', ({ node }) => {
    hovered = node;
    container.style.cursor = 'pointer';
    refocus();
  });
  renderer.on('leaveNode', () => {
    hovered = undefined;
    container.style.cursor = '';
    refocus();
  });
  renderer.on('clickNode', ({ node }) => onOpen(node));
  // A click on empty map space drops the focus, as users expect from map viewers.
  renderer.on('clickStage', () => {
    selected = undefined;
    refocus();
  });

  const camera = renderer.getCamera();
  return {
    select(serviceId) {
      selected = serviceId !== undefined && graph.hasNode(serviceId) ? serviceId : undefined;
      refocus();
    },
    zoom(how) {
      if (how === 'in') void camera.animatedZoom({ duration: 200 });
      else if (how === 'out') void camera.animatedUnzoom({ duration: 200 });
      else void camera.animatedReset({ duration: 200 });
    },
    nodePosition(serviceId) {
      // Display data holds sigma's normalised ("framed") coordinates, not the layout's.
      const data = renderer.getNodeDisplayData(serviceId);
      return data && renderer.framedGraphToViewport(data);
    },
  };
}
