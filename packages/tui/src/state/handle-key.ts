import { mergeServices, moveFiles, renameService } from '@seams/boundaries';
import { applyEdit } from './apply-edit.ts';
import { BINDINGS } from './bindings.ts';
import { clamp } from './cursor.ts';
import { currentPlan } from './edit-history.ts';
import type { KeyPress } from './key.ts';
import { nameOf } from './lookups.ts';
import { pickOptions } from './pick-options.ts';
import { search } from './search.ts';
import { currentView, openView, replaceView, type Modal, type UiState } from './ui-state.ts';
import { rowCount } from './view-rows.ts';

/** The whole UI as a function of keys: the shell renders the state and carries out its requests. */
export function handleKey(state: UiState, input: string, key: KeyPress): UiState {
  // Keys typed fast or pasted arrive as one chunk: outside a text box each character is a command.
  if (input.length > 1 && !key.ctrl && !isTyping(state))
    return [...input].reduce((s, char) => handleKey(s, char, key), state);
  const next = state.modal ? handleModal(state, state.modal, input, key) : handleView(state, input, key);
  const view = currentView(next);
  const count = rowCount(currentPlan(next.history), next.context, view);
  return view.cursor === clamp(view.cursor, count) || count === 0
    ? next
    : replaceView(next, { ...view, cursor: clamp(view.cursor, count) });
}

const isTyping = (state: UiState) =>
  state.modal !== undefined && state.modal.kind !== 'help' && state.modal.kind !== 'confirm-quit';

function handleView(state: UiState, input: string, key: KeyPress): UiState {
  const kind = currentView(state).kind;
  const binding = BINDINGS.find((b) => (!b.in || b.in.includes(kind)) && b.match(input, key));
  return binding ? binding.run({ ...state, request: undefined }, input, key) : state;
}

// Text entry shared by the picker, the prompt and the search box.
function edited(value: string, input: string, key: KeyPress): string | undefined {
  if (key.backspace || key.delete) return value.slice(0, -1);
  if (input && !key.ctrl && !key.return && !key.escape && !key.tab && !key.upArrow && !key.downArrow && input >= ' ')
    return value + input;
  return undefined;
}

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
      if (key.upArrow || key.downArrow)
        return { ...state, modal: { ...modal, cursor: clamp(modal.cursor + (key.upArrow ? -1 : 1), options.length) } };
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
        const name = modal.value.trim();
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
      if (key.upArrow || key.downArrow)
        return { ...state, modal: { ...modal, cursor: clamp(modal.cursor + (key.upArrow ? -1 : 1), hits.length) } };
      if (key.return) {
        const hit = hits[modal.cursor];
        return hit ? openView(close, hit.view) : state;
      }
      const query = edited(modal.query, input, key);
      return query === undefined ? state : { ...state, modal: { ...modal, query, cursor: 0 } };
    }
  }
}
