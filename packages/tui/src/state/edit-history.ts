import type { Plan } from '@seams/graph';

/** Every plan of the session, so undo and redo are a move of the index; `saved` is the index on disk. */
export interface EditHistory {
  plans: readonly Plan[];
  /** What each plan's edit did, for the status line; the first is the opened plan. */
  labels: readonly string[];
  index: number;
  saved: number;
}

// Enough for a long session; the oldest edits are dropped, never the current plan.
const LIMIT = 500;

export const startHistory = (plan: Plan, saved = true): EditHistory => ({
  plans: [plan],
  labels: ['opened'],
  index: 0,
  saved: saved ? 0 : -1,
});

export const currentPlan = (history: EditHistory): Plan => history.plans[history.index]!;

export const isDirty = (history: EditHistory): boolean => history.index !== history.saved;

/** What the status line says of unsaved work: nothing when the plan on screen is the one on disk. */
export function unsavedLabel(history: EditHistory): string {
  if (!isDirty(history)) return '';
  if (history.saved < 0 && history.index === 0) return 'new plan, not saved yet';
  const edits = history.saved < 0 ? history.index : Math.abs(history.index - history.saved);
  return edits === 1 ? '1 unsaved edit' : `${edits} unsaved edits`;
}

/** A new plan after the current one; whatever was undone is dropped, as in every editor. */
export function pushEdit(history: EditHistory, plan: Plan, label: string): EditHistory {
  const plans = [...history.plans.slice(0, history.index + 1), plan];
  const labels = [...history.labels.slice(0, history.index + 1), label];
  const drop = Math.max(0, plans.length - LIMIT);
  const saved = history.saved > history.index ? -1 : history.saved - drop;
  return {
    plans: plans.slice(drop),
    labels: labels.slice(drop),
    index: plans.length - 1 - drop,
    saved: saved < 0 ? -1 : saved,
  };
}

const canUndo = (history: EditHistory) => history.index > 0;
const canRedo = (history: EditHistory) => history.index < history.plans.length - 1;

export const undo = (history: EditHistory): EditHistory =>
  canUndo(history) ? { ...history, index: history.index - 1 } : history;
export const redo = (history: EditHistory): EditHistory =>
  canRedo(history) ? { ...history, index: history.index + 1 } : history;

export const markSaved = (history: EditHistory): EditHistory => ({ ...history, saved: history.index });
