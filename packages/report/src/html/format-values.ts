// Metrics use fixed2 from ../format-number.ts, like every other format; these are the HTML's extras.

/** Thousands separated by commas without Intl, so output does not depend on the machine's locale data. */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Confidence as a share people read at a glance: 0.86 -> "86%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
