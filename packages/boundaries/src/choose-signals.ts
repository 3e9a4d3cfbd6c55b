import { ConfigError } from '@seams/graph';
import type { Signal, SignalInput } from './signals/index.ts';

/** The signals asked for (default: every available one); an unknown name is a user error naming the known ones. */
export function chooseSignals(
  all: readonly Signal[],
  input: SignalInput,
  requested: readonly string[] | undefined,
): Signal[] {
  if (!requested) return all.filter((signal) => signal.isAvailable(input));
  return requested.map((name) => {
    const signal = all.find((s) => s.name === name);
    if (!signal)
      throw new ConfigError(
        'SEAMS_OPTION_INVALID',
        `unknown signal '${name}': choose from ${all.map((s) => s.name).join(', ')}.`,
      );
    return signal;
  });
}
