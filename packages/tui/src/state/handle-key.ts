import { mergeServices, moveFiles, renameService } from '@seams/boundaries';
import { applyEdit } from './apply-edit.ts';
import { BINDINGS } from './bindings.ts';
import { clamp, steppedCursor } from './cursor.ts';
import { currentPlan } from './edit-history.ts';
import type { KeyPress } from './key.ts';
import { nameOf } from './lookups.ts';
import { pickOptions } from './pick-options.ts';
import { search } from './search.ts';
import { splitKeys, withoutControls, type Keystroke } from './split-keys.ts';
import { currentView, openView, replaceView, type Modal, type UiState } from './ui-state.ts';
import { rowCount } from './view-rows.ts';

/** Keys that arrived in one read, taken one at a time: the same as if they had come one by one. */
export const handleInput = (state: UiState, input: string, key: KeyPress): UiState =>
  feedKeys(state, splitKeys(input, key));

/**
 * Runs keys in order until one asks the shell for something (a save, to quit); the rest wait in
 * `queued` until it is done, so `w` then `q` typed together saves and then quits without asking.
 */
export function feedKeys(state: UiState, keys: readonly Keystroke[]): UiState {
  let next = state;
  for (const [at, stroke] of keys.entries()) {
    if (next.request || next.saving) return { ...next, queued: [...(next.queued ?? []), ...keys.slice(at)] };
    next = handleKey(next, stroke.input, stroke.key);
  }
  return next;
}

/** The whole UI as a function of one key: the shell renders the state and carries out its requests. */
function handleKey(state: UiState, input: string, key: KeyPress): UiState {
  const next = state.modal ? handleModal(state, state.modal, input, key) : handleView(state, input, key);
  const view = currentView(next);
  const count = rowCount(currentPlan(next.history), next.context, view);
  return view.cursor === clamp(view.cursor, count) || count === 0
    ? next
    : replaceView(next, { ...view, cursor: clamp(view.cursor, count) });
}

function handleView(state: UiState, input: string, key: KeyPress): UiState {
  const kind = currentView(state).kind;
  const binding = BINDINGS.find((b) => (!b.in || b.in.includes(kind)) && b.match(input, key));
  return binding ? binding.run({ ...state, request: undefined }, input, key) : state;
}

// Text entry shared by the picker, the prompt and the search box: printable characters only, and
// Backspace takes off a whole character (an emoji is two code units).
function edited(value: string, input: string, key: KeyPress): string | undefined {
  if (key.backspace || key.delete) return [...value].slice(0, -1).join('');
  const text = withoutControls(input);
  if (text === '' || key.ctrl || key.return || key.escape || key.tab) return undefined;
  return value + text;
}

// Where a cursor key moves the cursor of a box with a text field: there j and k are letters.
const boxCursor = (state: UiState, cursor: number, count: number, input: string, key: KeyPress) =>
  steppedCursor(cursor, count, input, key, { pageSize: state.pageSize, typing: true });

function handleModal(state: UiState, modal: Modal, input: string, key: KeyPress): UiState {
  const close = { ...state, modal: undefined };
  const plan = currentPlan(state.history);
  switch (modal.kind) {
    case 'help':
      return close;
    case 'confirm-quit':
      if (input === 'y') return { ...close, request: 'save-and-quit' };
      if (input === 'n') return { ...close, request: 'quit' };
      return close;
    case 'pick': {
      if (key.escape) return close;
      const options = pickOptions(plan, state.context, modal.purpose, modal.query);
      const cursor = boxCursor(state, modal.cursor, options.length, input, key);
      if (cursor !== undefined) return { ...state, modal: { ...modal, cursor } };
      if (key.return) {
        const option = options[modal.cursor];
        if (!option) return state;
        const { purpose } = modal;
        if (purpose.kind === 'merge') {
          const into = (option.target as { service: string }).service;
          return applyEdit(state, `merged ${nameOf(plan, purpose.from)} into ${option.label}`, (p) =>
            mergeServices(p, state.context, into, purpose.from),
          );
        }
        const target = option.target;
        if ('newServicePrompt' in target)
          return {
            ...state,
            modal: {
              kind: 'prompt',
              purpose: { kind: 'new-service', files: purpose.files, label: purpose.label },
              value: '',
            },
          };
        const where = 'shared' in target ? 'the shared group' : option.label;
        return applyEdit(state, `moved ${purpose.label} to ${where}`, (p) =>
          moveFiles(p, state.context, purpose.files, target),
        );
      }
      const query = edited(modal.query, input, key);
      return query === undefined ? state : { ...state, modal: { ...modal, query, cursor: 0 } };
    }
    case 'prompt': {
      if (key.escape) return close;
      if (key.return) {
        const name = withoutControls(modal.value).trim();
        if (name === '') return close;
        const { purpose } = modal;
        if (purpose.kind === 'rename')
          return applyEdit(state, `renamed ${nameOf(plan, purpose.id)} to ${name}`, (p) =>
            renameService(p, purpose.id, name),
          );
        return applyEdit(state, `moved ${purpose.label} to the new service ${name}`, (p) =>
          moveFiles(p, state.context, purpose.files, { newService: name }),
        );
      }
      const value = edited(modal.value, input, key);
      return value === undefined ? state : { ...state, modal: { ...modal, value } };
    }
    case 'search': {
      if (key.escape) return close;
      const hits = search(plan, modal.query);
      const cursor = boxCursor(state, modal.cursor, hits.length, input, key);
      if (cursor !== undefined) return { ...state, modal: { ...modal, cursor } };
      if (key.return) {
        const hit = hits[modal.cursor];
        return hit ? openView(close, hit.view) : state;
      }
      const query = edited(modal.query, input, key);
      return query === undefined ? state : { ...state, modal: { ...modal, query, cursor: 0 } };
    }
  }
}
