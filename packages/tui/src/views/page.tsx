import type { Plan } from '@seams/graph';
import { currentView, type UiState } from '../state/ui-state.ts';
import { FileView } from './file-view.tsx';
import { ReviewView, SharedView } from './group-views.tsx';
import { ModalView } from './modals.tsx';
import { ServiceView } from './service-view.tsx';
import { ServicesView } from './services-view.tsx';

interface Props {
  state: UiState;
  plan: Plan;
  unsaved: string;
  width: number;
  height: number;
}

/** The body: an open dialog, else the page on top of the view stack. */
export function Page({ state, plan, unsaved, width, height }: Props) {
  if (state.modal)
    return (
      <ModalView
        modal={state.modal}
        plan={plan}
        context={state.context}
        unsaved={unsaved}
        width={width}
        height={height}
      />
    );
  const view = currentView(state);
  const common = { plan, cursor: view.cursor, width, height };
  switch (view.kind) {
    case 'services':
      return <ServicesView {...common} />;
    case 'shared':
      return <SharedView {...common} />;
    case 'review':
      return <ReviewView {...common} />;
    case 'service':
      return <ServiceView {...common} context={state.context} id={view.id} part={view.part} />;
    case 'file':
      return <FileView {...common} context={state.context} path={view.path} />;
  }
}
