/// <reference lib="dom" />

/**
 * Sorts a table's body by the column whose header button was pressed: numbers by value (from each
 * cell's data-sort), text by locale order; a second press reverses. aria-sort tells screen readers.
 */
export function setupSortableTable(table: HTMLTableElement): void {
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
  const body = table.tBodies[0];
  if (!body) return;
  const original = [...body.rows];
  const position = new Map(original.map((row, index) => [row, index]));
  headers.forEach((header, column) => {
    header.querySelector('button')?.addEventListener('click', () => {
      const ascending = header.getAttribute('aria-sort') !== 'ascending';
      const numeric = header.dataset.type === 'number';
      const key = (row: HTMLTableRowElement) => row.cells[column]?.dataset.sort ?? row.cells[column]?.textContent ?? '';
      const rows = [...original].sort((a, b) => {
        const order = numeric ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b));
        // Ties keep the plan's order whichever way the column runs.
        return (ascending ? order : -order) || position.get(a)! - position.get(b)!;
      });
      body.append(...rows);
      for (const other of headers) other.setAttribute('aria-sort', 'none');
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    });
  });
}
