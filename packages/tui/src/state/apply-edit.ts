import { isSeamsError, type Plan } from '@seams/graph';
import { currentPlan, pushEdit, redo, undo } from './edit-history.ts';
import { metricDeltas } from './metric-deltas.ts';
import type { UiState } from './ui-state.ts';

/**
 * Runs one edit on the current plan and records it, with the metric deltas it caused; an edit the
 * plan refuses (a service that does not split, say) becomes a message, never a crash.
 */
export function applyEdit(state: UiState, label: string, edit: (plan: Plan) => Plan): UiState {
  const before = currentPlan(state.history);
  let after: Plan;
  try {
    after = edit(before);
  } catch (error) {
    if (!isSeamsError(error)) throw error;
    return { ...state, modal: undefined, message: { text: error.message, tone: 'error' } };
  }
  if (after === before) return { ...state, modal: undefined };
  return clampViews({
    ...state,
    modal: undefined,
    history: pushEdit(state.history, after, label),
    message: { text: label, tone: 'info', deltas: metricDeltas(before, after, state.context.graph) },
  });
}

export function undoEdit(state: UiState): UiState {
  if (state.history.index === 0) return { ...state, message: { text: 'nothing to undo', tone: 'info' } };
  const history = undo(state.history);
  const label = state.history.labels[state.history.index]!;
  return clampViews({
    ...state,
    history,
    message: {
      text: `undone: ${label}`,
      tone: 'info',
      deltas: metricDeltas(currentPlan(state.history), currentPlan(history), state.context.graph),
    },
  });
}

export function redoEdit(state: UiState): UiState {
  if (state.history.index === state.history.plans.length - 1)
    return { ...state, message: { text: 'nothing to redo', tone: 'info' } };
  const history = redo(state.history);
  const label = history.labels[history.index]!;
  return clampViews({
    ...state,
    history,
    message: {
      text: `redone: ${label}`,
      tone: 'info',
      deltas: metricDeltas(currentPlan(state.history), currentPlan(history), state.context.graph),
    },
  });
}

// A service page whose service an edit removed (merged away, undone) gives way to the list.
function clampViews(state: UiState): UiState {
  const plan = currentPlan(state.history);
  const views = state.views.filter((view) => view.kind !== 'service' || plan.services.some((s) => s.id === view.id));
  return { ...state, views: views.length > 0 ? views : [{ kind: 'services', cursor: 0 }] };
}
