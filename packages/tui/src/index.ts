export { startUi, type UiOptions } from './start-ui.tsx';
export type { Session } from './app.tsx';
