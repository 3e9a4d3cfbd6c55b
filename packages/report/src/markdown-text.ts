/** Text that Markdown shows as written, also inside a table cell. */
export function text(value: string): string {
  return value.replace(/[\\`*_[\]<>|#~]/g, (char) => `\\${char}`);
}

/** A code span, safe inside a table cell. */
export function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  const padded = value.startsWith('`') || value.endsWith('`') ? ` ${value} ` : value;
  return `${fence}${padded.replaceAll('|', '\\|')}${fence}`;
}

/** A GitHub-flavoured table; `align` per column: 'l' or 'r'. */
export function table(headers: readonly string[], align: string, rows: ReadonlyArray<readonly string[]>): string {
  const rule = headers.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [headers, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The anchor GitHub gives a heading, so tables can link to service sections. */
export function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
