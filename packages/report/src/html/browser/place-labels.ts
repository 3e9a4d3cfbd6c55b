/** A node's label sigma would draw: where the node is (CSS pixels in the map) and how much it matters. */
export interface LabelCandidate {
  id: string;
  text: string;
  x: number;
  y: number;
  /** The node's radius as drawn. */
  radius: number;
  /** Higher places first: the focused service, then its neighbours, then the others (bigger nodes first). */
  priority: number;
  /** Placed where sigma draws it itself (the focused node's boxed label): kept clear, not drawn again. */
  drawnBySigma?: boolean;
}

/** A label's box (CSS pixels from the map's top-left corner) and where its text starts. */
export interface LabelBox {
  id: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The text's start and baseline. */
  textX: number;
  baseline: number;
  drawnBySigma?: boolean;
}

const GAP = 3;

/**
 * Where labels go so none covers another: each, most important first, to the right of its node as sigma draws it,
 * else to the left, else not at all; never past the map's edges. `measure` gives a text's width in the label font.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  measure: (text: string) => number,
  view: { width: number; height: number },
  fontSize: number,
): LabelBox[] {
  const placed: LabelBox[] = [];
  const order = [...candidates].sort((a, b) => b.priority - a.priority || b.radius - a.radius);
  for (const label of order) {
    const width = measure(label.text);
    // sigma's baseline: a third of the font size below the node's centre; the box spans ascent and descent.
    const baseline = label.y + fontSize / 3;
    const y = baseline - fontSize;
    const height = fontSize * 1.3;
    const box = (x: number): LabelBox => ({ id: label.id, text: label.text, x, y, width, height, textX: x, baseline });
    const right = box(label.x + label.radius + GAP);
    // sigma's own box round the node and its label (drawDiscNodeHover), whatever is there: it comes first.
    if (label.drawnBySigma) {
      const radius = Math.max(label.radius, fontSize / 2) + 2;
      const boxHeight = fontSize + 4;
      const [left, top] = [label.x - radius, label.y - Math.max(radius, boxHeight / 2)];
      placed.push({
        ...right,
        x: left,
        y: top,
        width: 2 * radius + width + 5,
        height: 2 * (label.y - top),
        drawnBySigma: true,
      });
      continue;
    }
    const fits = (b: LabelBox) =>
      b.x >= 0 &&
      b.y >= 0 &&
      b.x + b.width <= view.width &&
      b.y + b.height <= view.height &&
      !placed.some((other) => intersects(b, other));
    const chosen = [right, box(label.x - label.radius - GAP - width)].find(fits);
    if (chosen) placed.push(chosen);
  }
  return placed;
}

function intersects(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
