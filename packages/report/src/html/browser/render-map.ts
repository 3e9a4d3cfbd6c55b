/// <reference lib="dom" />
import type Graph from 'graphology';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { ServiceEdge, ServiceNode } from './build-service-graph.ts';
import { placeLabels, type LabelBox, type LabelCandidate } from './place-labels.ts';

export interface ServiceMap {
  /** Keep a service and its neighbours in focus (the open card's service); undefined clears it. */
  select(serviceId: string | undefined): void;
  zoom(how: 'in' | 'out' | 'reset'): void;
  /** Where the service's node is drawn, in CSS pixels from the map's top-left corner. */
  nodePosition(serviceId: string): { x: number; y: number } | undefined;
  /** The labels of the last frame, with their boxes (the focused node's as sigma draws it). */
  labelBoxes(): Array<{ id: string; x: number; y: number; width: number; height: number }>;
}

const DIMMED = '#e3e6ea';
const LABEL_SIZE = 13;
const LABEL_FONT = `600 ${LABEL_SIZE}px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif`;

/** Draws the graph with sigma (WebGL) and wires hover, click and zoom. */
export function renderMap(
  container: HTMLElement,
  graph: Graph<ServiceNode, ServiceEdge>,
  onOpen: (serviceId: string) => void,
): ServiceMap {
  let hovered: string | undefined;
  let selected: string | undefined;
  let neighbours = new Set<string>();
  // The labels sigma offers in a frame, placed and drawn once it has offered them all (a crowded map's labels would
  // otherwise cover each other: sigma's label grid does not measure text, and a focus forces every neighbour's).
  let candidates: LabelCandidate[] = [];
  let labels: LabelBox[] = [];

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
    labelSize: LABEL_SIZE,
    labelWeight: '600',
    labelDensity: 1,
    zIndex: true,
    stagePadding: 40,
    minCameraRatio: 0.05,
    maxCameraRatio: 4,
    // Printing hides the map; without this, sigma's resize handler throws on the empty container.
    allowInvalidContainer: true,
    defaultDrawNodeLabel: (_context, data) => {
      if (!data.label) return;
      // sigma passes the node's key beside its display data, which its type does not declare.
      const key: unknown = data.key;
      candidates.push({
        id: typeof key === 'string' ? key : data.label,
        text: data.label,
        x: data.x,
        y: data.y,
        radius: data.size,
        priority: data.highlighted ? 2 : data.forceLabel ? 1 : 0,
        ...(data.highlighted ? { drawnBySigma: true } : {}),
      });
    },
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

  renderer.on('beforeRender', () => {
    candidates = [];
  });
  renderer.on('afterRender', () => {
    const context = renderer.getCanvases().labels?.getContext('2d');
    if (!context) return;
    context.font = LABEL_FONT;
    context.fillStyle = '#000';
    const { width, height } = renderer.getDimensions();
    labels = placeLabels(candidates, (text) => context.measureText(text).width, { width, height }, LABEL_SIZE);
    for (const label of labels) if (!label.drawnBySigma) context.fillText(label.text, label.textX, label.baseline);
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

  // The first frame was drawn in the constructor, before the labels were placed.
  renderer.refresh();

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
    labelBoxes: () => labels.map(({ id, x, y, width, height }) => ({ id, x, y, width, height })),
  };
}
