// A fixed palette (Okabe-Ito and Tableau hues, darkened where white text or a white page needs contrast)
// so that a service keeps its colour between runs and between the map, the table and its card.
const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#8c6d31',
  '#7b4fa0',
  '#4e9a06',
  '#c0392b',
  '#1f7a8c',
  '#b8860b',
  '#6a5acd',
  '#2e8b57',
  '#a0522d',
  '#5f6b7a',
];

/** Colour of the service at `index` in the model's service order; the palette repeats past 16 services. */
export function serviceColour(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/**
 * The class that gives a service reference its colour: a class per palette entry is shorter than a style on each of
 * thousands of links.
 */
export function colourClass(index: number): string {
  return `colour-${index % PALETTE.length}`;
}

/** The rules behind `colourClass`. */
export const COLOUR_CLASSES = PALETTE.map((colour, i) => `.colour-${i} { --service-colour: ${colour}; }`).join('\n');
