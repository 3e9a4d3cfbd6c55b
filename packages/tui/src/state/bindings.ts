import { moveFiles, setPinned, splitService } from '@seams/boundaries';
import { applyEdit, redoEdit, undoEdit } from './apply-edit.ts';
import { currentPlan, isDirty } from './edit-history.ts';
import type { KeyPress } from './key.ts';
import { moveCursor, isCursorKey } from './cursor.ts';
import { nameOf, ownerOf, serviceById } from './lookups.ts';
import { entryTarget, folderOf, rowTarget, selectedFile, selectedService } from './selection.ts';
import { entryPattern, entryRefusal, toggleEntry } from './entries.ts';
import { closeView, currentView, openView, replaceView, type Tab, type UiState, type View } from './ui-state.ts';
import { serviceParts } from './view-rows.ts';
import { withoutControls } from './split-keys.ts';

/** One key binding: what the help overlay lists and the footer hints, and what the key does. */
export interface Binding {
  keys: string;
  does: string;
  /** Views where it applies; none means everywhere. */
  in?: ReadonlyArray<View['kind']>;
  /** Shown in the footer of those views. */
  hint?: string;
  match: (input: string, key: KeyPress) => boolean;
  run: (state: UiState, input: string, key: KeyPress) => UiState;
}

const char = (c: string) => (input: string, key: KeyPress) => input === c && !key.ctrl;
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const TABS: readonly Tab[] = ['services', 'shared', 'review'];
const TAB_KEYS = ['1', '2', '3'];
const FILE_VIEWS: ReadonlyArray<View['kind']> = ['service', 'file', 'shared', 'review'];
const SERVICE_VIEWS: ReadonlyArray<View['kind']> = ['services', 'service', 'file'];

const plan = (state: UiState) => currentPlan(state.history);
const file = (state: UiState) => selectedFile(plan(state), state.context, currentView(state));
const service = (state: UiState) => selectedService(plan(state), currentView(state));
const say = (state: UiState, text: string): UiState => ({ ...state, message: { text, tone: 'info' } });

function withFile(state: UiState, run: (path: string) => UiState): UiState {
  const path = file(state);
  return path ? run(path) : say(state, 'select a file first');
}

function withService(state: UiState, run: (id: string) => UiState): UiState {
  const id = service(state);
  return id ? run(id) : say(state, 'select a service first');
}

const switchTab = (state: UiState, tab: Tab): UiState => ({
  ...state,
  views: [{ kind: tab, cursor: 0 }],
  message: undefined,
});

export const BINDINGS: readonly Binding[] = [
  {
    keys: '↑ ↓  j k',
    does: 'move (PgUp PgDn Home End ^P ^N too); j k type in a filter or name',
    match: isCursorKey,
    run: moveCursor,
  },
  {
    keys: 'Enter',
    does: 'open the service or file under the cursor',
    hint: 'open',
    in: ['services', 'service', 'file', 'shared', 'review'],
    match: (_i, k) => k.return,
    run: (s) => {
      const target = rowTarget(plan(s), s.context, currentView(s));
      return target ? openView(s, target) : s;
    },
  },
  { keys: 'Esc  ←', does: 'back', match: (_i, k) => k.escape || k.leftArrow || k.backspace, run: closeView },
  {
    keys: 'Tab  S-Tab',
    does: 'next tab, or next part of a service page; Shift-Tab goes back',
    match: (_i, k) => k.tab,
    run: (s, _i, k) => {
      const view = currentView(s);
      // From a page that is no tab, Tab goes to the first tab and Shift-Tab to the last.
      const turn = <T>(list: readonly T[], at: number): T =>
        list[at < 0 ? (k.shift ? list.length - 1 : 0) : (at + (k.shift ? list.length - 1 : 1)) % list.length]!;
      if (view.kind === 'service') {
        const parts = serviceParts(s.context);
        return replaceView(s, { ...view, part: turn(parts, parts.indexOf(view.part)), cursor: 0 });
      }
      return switchTab(s, turn(TABS, TABS.indexOf(view.kind as Tab)));
    },
  },
  {
    keys: '1 2 3',
    does: 'services, shared group, files to review',
    match: (i) => TAB_KEYS.includes(i),
    run: (s, i) => switchTab(s, TABS[TAB_KEYS.indexOf(i)]!),
  },
  {
    keys: 'm',
    does: 'move the file to another service (or the shared group, or a new service)',
    hint: 'move',
    in: FILE_VIEWS,
    match: char('m'),
    run: (s) =>
      withFile(s, (path) => ({
        ...s,
        modal: { kind: 'pick', purpose: { kind: 'move', files: [path], label: basename(path) }, query: '', cursor: 0 },
      })),
  },
  {
    keys: 'f',
    does: "move the file's whole folder",
    hint: 'folder',
    in: FILE_VIEWS,
    match: char('f'),
    run: (s) =>
      withFile(s, (path) => {
        const { folder, files } = folderOf(plan(s), path);
        if (folder === '.') return say(s, 'the file is at the root: move it alone with m');
        return {
          ...s,
          modal: {
            kind: 'pick',
            purpose: { kind: 'move', files, label: `${folder}/ (${files.length} files)` },
            query: '',
            cursor: 0,
          },
        };
      }),
  },
  {
    keys: 'x',
    does: 'send the file to the shared group',
    hint: 'shared',
    in: FILE_VIEWS,
    match: char('x'),
    run: (s) =>
      withFile(s, (path) =>
        applyEdit(s, `sent ${basename(path)} to the shared group`, (p) =>
          moveFiles(p, s.context, [path], { shared: true }),
        ),
      ),
  },
  {
    keys: 'p',
    does: 'pin or unpin the file (re-clustering with --keep leaves it put)',
    hint: 'pin',
    in: FILE_VIEWS,
    match: char('p'),
    run: (s) =>
      withFile(s, (path) => {
        const pinned = plan(s).pinned.includes(path);
        return applyEdit(s, `${pinned ? 'unpinned' : 'pinned'} ${basename(path)}`, (p) =>
          setPinned(p, s.context, [path], !pinned),
        );
      }),
  },
  {
    keys: 'a',
    does: 'accept the suggested service of a file to review',
    hint: 'accept',
    in: ['review'],
    match: char('a'),
    run: (s) => {
      const entry = plan(s).review[(currentView(s) as { cursor: number }).cursor];
      if (!entry?.alternative) return say(s, 'no suggestion for this file');
      const to = entry.alternative;
      return applyEdit(s, `moved ${basename(entry.path)} to ${nameOf(plan(s), to)}`, (p) =>
        moveFiles(p, s.context, [entry.path], { service: to }),
      );
    },
  },
  {
    keys: 'M',
    does: 'merge the service into another',
    hint: 'merge',
    in: SERVICE_VIEWS,
    match: char('M'),
    run: (s) =>
      withService(s, (id) => ({
        ...s,
        modal: { kind: 'pick', purpose: { kind: 'merge', from: id }, query: '', cursor: 0 },
      })),
  },
  {
    keys: 's',
    does: 'split the service by re-clustering its files',
    hint: 'split',
    in: SERVICE_VIEWS,
    match: char('s'),
    run: (s) =>
      withService(s, (id) => applyEdit(s, `split ${nameOf(plan(s), id)}`, (p) => splitService(p, s.context, id))),
  },
  {
    keys: 'r',
    does: 'rename the service',
    hint: 'rename',
    in: SERVICE_VIEWS,
    match: char('r'),
    run: (s) =>
      withService(s, (id) => ({
        ...s,
        modal: {
          kind: 'prompt',
          purpose: { kind: 'rename', id },
          // A name an older version stored with control characters in it comes back clean.
          value: withoutControls(serviceById(plan(s), id)?.name ?? ''),
        },
      })),
  },
  {
    keys: 'e',
    does: 'mark or unmark the file as a public entry of its service',
    hint: 'entry',
    in: FILE_VIEWS,
    match: char('e'),
    run: (s) => {
      const path = entryTarget(plan(s), s.context, currentView(s));
      if (!path) return say(s, 'select a file first');
      const refusal = entryRefusal(plan(s), path);
      if (refusal) return say(s, refusal);
      const service = ownerOf(plan(s)).get(path)!;
      const label = entryPattern(serviceById(plan(s), service)!, path)
        ? `${basename(path)} is no longer an entry of ${nameOf(plan(s), service)}`
        : `made ${basename(path)} an entry of ${nameOf(plan(s), service)}`;
      return applyEdit(s, label, (p) => toggleEntry(p, path));
    },
  },
  { keys: 'u', does: 'undo', hint: 'undo', match: char('u'), run: undoEdit },
  { keys: 'U  Ctrl-R', does: 'redo', match: (i, k) => i === 'U' || (k.ctrl && i === 'r'), run: redoEdit },
  {
    keys: 'w',
    does: 'save the plan (atomically)',
    hint: 'save',
    match: char('w'),
    run: (s) => ({ ...s, request: 'save' }),
  },
  {
    keys: '/',
    does: 'search services and files',
    hint: 'search',
    match: char('/'),
    run: (s) => ({ ...s, modal: { kind: 'search', query: '', cursor: 0 } }),
  },
  { keys: '?', does: 'this help', hint: 'help', match: char('?'), run: (s) => ({ ...s, modal: { kind: 'help' } }) },
  {
    keys: 'q  Ctrl-C',
    does: 'quit (asks first when there are unsaved edits)',
    hint: 'quit',
    match: (i, k) => i === 'q' || (k.ctrl && i === 'c'),
    run: (s) => (isDirty(s.history) ? { ...s, modal: { kind: 'confirm-quit' } } : { ...s, request: 'quit' }),
  },
];
