import type { ProgressListener } from './events.ts';

export interface StepTimer {
  /** Milliseconds per finished step. */
  timings: Record<string, number>;
  // Properties, not methods: callers destructure them (`const { step } = timeSteps(emit)`).
  step: <T>(name: string, run: () => T) => T;
  stepAsync: <T>(name: string, run: () => Promise<T>) => Promise<T>;
}

/** Times the steps of a pipeline and reports each start and end to the progress listener. */
export function timeSteps(emit: ProgressListener): StepTimer {
  const timings: Record<string, number> = {};
  const begin = (name: string) => {
    emit({ type: 'step-start', step: name });
    return performance.now();
  };
  const end = (name: string, start: number) => {
    timings[name] = Math.round(performance.now() - start);
    emit({ type: 'step-end', step: name, ms: timings[name] });
  };
  return {
    timings,
    step: (name, run) => {
      const start = begin(name);
      const result = run();
      end(name, start);
      return result;
    },
    stepAsync: async (name, run) => {
      const start = begin(name);
      const result = await run();
      end(name, start);
      return result;
    },
  };
}
