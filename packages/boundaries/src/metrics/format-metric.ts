/** A metric for reports: at most 3 decimals, trailing zeros dropped (0.4567 -> '0.457', 12 -> '12'). */
export function formatMetric(value: number): string {
  // toFixed switches to exponent notation from 1e21, where stripping zeros would corrupt it.
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return String(value);
  const text = value.toFixed(3).replace(/\.?0+$/, '');
  // A tiny negative rounds to '-0', which reads as a distinct value.
  return text === '-0' ? '0' : text;
}
