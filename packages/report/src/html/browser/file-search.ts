/// <reference lib="dom" />
import { findFiles, type FileEntry } from './find-files.ts';

/**
 * The "Find a file" combobox: typing lists matching files, arrow keys move, Enter or a click
 * chooses. Choosing a service file opens its card; a shared-kernel file is shown in its table.
 */
export function setupFileSearch(
  document: Document,
  index: readonly FileEntry[],
  choose: (entry: FileEntry) => void,
): void {
  const input = document.getElementById('file-search') as HTMLInputElement | null;
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!input || !list || !status) return;
  let shown: FileEntry[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const mark = (next: number) => {
    active = next;
    [...list.children].forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
    if (active < 0) input.removeAttribute('aria-activedescendant');
    else {
      input.setAttribute('aria-activedescendant', `search-option-${active}`);
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    }
  };
  const pick = (i: number) => {
    const entry = shown[i];
    if (!entry) return;
    close();
    status.textContent = `Showing ${entry.path} in ${entry.serviceName}.`;
    choose(entry);
  };

  input.addEventListener('input', () => {
    const { matches, total } = findFiles(index, input.value);
    shown = matches;
    list.replaceChildren(
      ...matches.map((entry, i) => {
        const item = document.createElement('li');
        item.id = `search-option-${i}`;
        item.setAttribute('role', 'option');
        item.dataset.path = entry.path;
        const path = document.createElement('code');
        path.textContent = entry.path;
        const owner = document.createElement('span');
        owner.className = 'in-service';
        owner.textContent = entry.serviceName;
        item.append(path, owner);
        // mousedown, not click: the input's blur would close the list before a click lands.
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(i);
        });
        return item;
      }),
    );
    const open = matches.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    mark(open ? 0 : -1);
    status.textContent =
      input.value.trim() === ''
        ? ''
        : total === 0
          ? 'No file matches.'
          : total > matches.length
            ? `${total} files match; showing the first ${matches.length}.`
            : `${total} ${total === 1 ? 'file matches' : 'files match'}.`;
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && shown.length > 0) mark(Math.min(active + 1, shown.length - 1));
    else if (event.key === 'ArrowUp' && shown.length > 0) mark(Math.max(active - 1, 0));
    else if (event.key === 'Enter') pick(active);
    else if (event.key === 'Escape') close();
    else return;
    event.preventDefault();
  });
  input.addEventListener('blur', close);
}
