/** Text fitted to a column: cut at the end with '…' when too long, padded when short. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  // A control character in a name or a path (a plan typed into by an older version, a file named
  // with a newline) would move the cursor or end the line: it shows as '?'.
  const shown = text.replace(/\p{Cc}/gu, '?');
  const value = shown.length > width ? `${shown.slice(0, width - 1)}…` : shown;
  return align === 'right' ? value.padStart(width) : value.padEnd(width);
}

/** A path fitted to a column: it loses its start, since the file name matters most. */
export function fitPath(path: string, width: number): string {
  if (width <= 0) return '';
  return fit(path.length > width ? `…${path.slice(path.length - width + 1)}` : path, width);
}

export const fixed = (value: number, digits = 2): string =>
  (Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value).toFixed(digits);

export const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
