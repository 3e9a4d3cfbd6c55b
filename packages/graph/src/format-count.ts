/**
 * Thousands separated by commas (`4,646`), the same on every machine: not toLocaleString, whose output follows the
 * machine's locale and whose ICU data costs more to load than a summary takes to print.
 */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
