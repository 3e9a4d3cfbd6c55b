import { currentPlan } from './edit-history.ts';
import type { KeyPress } from './key.ts';
import { currentView, replaceView, type UiState } from './ui-state.ts';
import { rowCount } from './view-rows.ts';

/**
 * Where a key moves a cursor among `count` rows, or undefined for a key that does not move it.
 * One rule everywhere: arrows, PgUp PgDn Home End and Ctrl-P Ctrl-N always move; `j` and `k` move
 * only where nothing is typed (lists and pages), and in a box with a text field they are letters.
 */
export function steppedCursor(
  cursor: number,
  count: number,
  input: string,
  key: KeyPress,
  options: { pageSize: number; typing: boolean },
): number | undefined {
  const up = key.upArrow || (key.ctrl && input === 'p') || (!options.typing && !key.ctrl && input === 'k');
  const down = key.downArrow || (key.ctrl && input === 'n') || (!options.typing && !key.ctrl && input === 'j');
  if (key.home) return clamp(0, count);
  if (key.end) return clamp(count - 1, count);
  const step = key.pageUp ? -options.pageSize : key.pageDown ? options.pageSize : up ? -1 : down ? 1 : 0;
  return step === 0 ? undefined : clamp(cursor + step, count);
}

export const isCursorKey = (input: string, key: KeyPress): boolean =>
  steppedCursor(0, 1, input, key, { pageSize: 1, typing: false }) !== undefined;

/** Moves the cursor of the view on top, by one row or one page, never past either end. */
export function moveCursor(state: UiState, input: string, key: KeyPress): UiState {
  const view = currentView(state);
  const count = rowCount(currentPlan(state.history), state.context, view);
  const cursor = steppedCursor(view.cursor, count, input, key, { pageSize: state.pageSize, typing: false });
  return cursor === undefined ? state : replaceView(state, { ...view, cursor });
}

export const clamp = (cursor: number, count: number): number => Math.max(0, Math.min(cursor, count - 1));
