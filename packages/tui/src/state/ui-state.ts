import type { Plan } from '@seams/graph';
import type { PlanContext } from '@seams/boundaries';
import { startHistory, type EditHistory } from './edit-history.ts';
import type { MetricDelta } from './metric-deltas.ts';
import type { Keystroke } from './split-keys.ts';

/** The tabs of the top level; each is a list. */
export type Tab = 'services' | 'shared' | 'review';

/** The parts of a service's page. */
export type ServicePart = 'files' | 'api' | 'links' | 'tables';

export type View =
  | { kind: Tab; cursor: number }
  | { kind: 'service'; id: string; part: ServicePart; cursor: number }
  | { kind: 'file'; path: string; cursor: number };

/** What a picked service is for. */
export type PickPurpose = { kind: 'move'; files: string[]; label: string } | { kind: 'merge'; from: string };

export type Modal =
  | { kind: 'help' }
  | { kind: 'pick'; purpose: PickPurpose; query: string; cursor: number }
  | {
      kind: 'prompt';
      purpose: { kind: 'rename'; id: string } | { kind: 'new-service'; files: string[]; label: string };
      value: string;
    }
  | { kind: 'search'; query: string; cursor: number }
  | { kind: 'confirm-quit' };

export interface Message {
  text: string;
  tone: 'info' | 'error';
  deltas?: MetricDelta[];
}

export interface UiState {
  context: PlanContext;
  history: EditHistory;
  /** Where Esc goes back to; the last entry is on screen. */
  views: View[];
  modal?: Modal;
  message?: Message;
  /** Rows a page holds on screen now: what PgUp and PgDn move by. */
  pageSize: number;
  /** Set when the user asked to save or to leave; the shell carries it out. */
  request?: 'save' | 'quit' | 'save-and-quit';
  /** True while the shell writes the plan. */
  saving?: boolean;
  /** Keys that came after a request, in order: they run once it is carried out. */
  queued?: readonly Keystroke[];
}

export function initialState(context: PlanContext, plan: Plan, saved: boolean): UiState {
  return { context, history: startHistory(plan, saved), views: [{ kind: 'services', cursor: 0 }], pageSize: 10 };
}

export const currentView = (state: UiState): View => state.views[state.views.length - 1]!;

/** The screen with `view` replacing the one on top (same page, new cursor or part). */
export const replaceView = (state: UiState, view: View): UiState => ({
  ...state,
  views: [...state.views.slice(0, -1), view],
});

export const openView = (state: UiState, view: View): UiState => ({
  ...state,
  views: [...state.views, view],
  message: undefined,
});

export const closeView = (state: UiState): UiState =>
  state.views.length > 1 ? { ...state, views: state.views.slice(0, -1) } : state;
