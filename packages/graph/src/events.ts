/** Progress events emitted by the pipeline; the CLI bar, the TUI and --json are subscribers. */
export type ProgressEvent =
  | { type: 'step-start'; step: string }
  | { type: 'step-end'; step: string; ms: number }
  | { type: 'files-found'; total: number }
  | { type: 'file-parsed'; done: number; total: number; cached: boolean }
  | { type: 'warning'; message: string };

export type ProgressListener = (event: ProgressEvent) => void;
