import { Box, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import type { Plan } from '@seams/graph';
import type { PlanContext } from '@seams/boundaries';
import { currentPlan, markSaved, unsavedLabel } from './state/edit-history.ts';
import { feedKeys, handleInput } from './state/handle-key.ts';
import { currentView, initialState, type UiState } from './state/ui-state.ts';
import { Footer, Header, Nav, Status } from './views/chrome.tsx';
import { Page } from './views/page.tsx';

export interface ExplorerProps {
  context: PlanContext;
  plan: Plan;
  /** False when the plan was just computed and is not on disk yet. */
  saved: boolean;
  title: string;
  width: number;
  height: number;
  /** Writes the plan; resolves to where it went, for the status line. */
  save: (plan: Plan) => Promise<string>;
}

// Header, tabs or path, status and footer take a line each.
const CHROME_LINES = 4;

/** The explorer: state from keys (a pure function), the page for the state, and saves and quitting carried out here. */
export function Explorer({ context, plan, saved, title, width, height, save }: ExplorerProps) {
  const { exit } = useApp();
  const [state, setState] = useState<UiState>(() => initialState(context, plan, saved));
  const bodyHeight = Math.max(3, height - CHROME_LINES);

  useInput((input, key) => setState((s) => handleInput({ ...s, pageSize: Math.max(1, bodyHeight - 2) }, input, key)));

  useEffect(() => {
    const request = state.request;
    if (!request) return;
    if (request === 'quit') {
      exit();
      return;
    }
    setState((s) => ({ ...s, request: undefined, saving: true }));
    const plan = currentPlan(state.history);
    const index = state.history.index;
    // Keys typed during the save run after it, in order.
    const resume = (s: UiState, change: Partial<UiState>) =>
      feedKeys({ ...s, ...change, saving: false, queued: undefined }, s.queued ?? []);
    save(plan).then(
      (where) => {
        if (request === 'save-and-quit') exit();
        else
          setState((s) =>
            resume(s, {
              history: s.history.index === index ? markSaved(s.history) : s.history,
              message: { text: `saved to ${where}`, tone: 'info' },
            }),
          );
      },
      (error: Error) => setState((s) => resume(s, { message: { text: `not saved: ${error.message}`, tone: 'error' } })),
    );
  }, [state.request]);

  const current = currentPlan(state.history);
  const unsaved = unsavedLabel(state.history);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Header plan={current} title={title} width={width} />
      <Nav plan={current} views={state.views} unsaved={unsaved} width={width} />
      <Box flexDirection="column" height={bodyHeight} overflow="hidden">
        <Page state={state} plan={current} unsaved={unsaved} width={width} height={bodyHeight} />
      </Box>
      <Status message={state.message} width={width} />
      <Footer view={currentView(state)} modal={state.modal} width={width} />
    </Box>
  );
}
