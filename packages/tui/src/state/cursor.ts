import { currentPlan } from './edit-history.ts';
import type { KeyPress } from './key.ts';
import { currentView, replaceView, type UiState } from './ui-state.ts';
import { rowCount } from './view-rows.ts';

export const isCursorKey = (input: string, key: KeyPress): boolean =>
  key.upArrow ||
  key.downArrow ||
  key.pageUp ||
  key.pageDown ||
  Boolean(key.home) ||
  Boolean(key.end) ||
  ((input === 'j' || input === 'k') && !key.ctrl);

/** Moves the cursor of the view on top, by one row or one page, never past either end. */
export function moveCursor(state: UiState, input: string, key: KeyPress): UiState {
  const view = currentView(state);
  const count = rowCount(currentPlan(state.history), state.context, view);
  const step = key.pageUp
    ? -state.pageSize
    : key.pageDown
      ? state.pageSize
      : key.upArrow || input === 'k'
        ? -1
        : key.downArrow || input === 'j'
          ? 1
          : 0;
  const wanted = key.home ? 0 : key.end ? count - 1 : view.cursor + step;
  return replaceView(state, { ...view, cursor: clamp(wanted, count) });
}

export const clamp = (cursor: number, count: number): number => Math.max(0, Math.min(cursor, count - 1));
