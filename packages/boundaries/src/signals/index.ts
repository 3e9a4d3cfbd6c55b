import { cochangeSignal } from './cochange-signal.ts';
import { dataSignal } from './data-signal.ts';
import { entitiesSignal } from './entities-signal.ts';
import { importsSignal } from './imports-signal.ts';
import { namesSignal } from './names-signal.ts';
import { pathsSignal } from './paths-signal.ts';
import { useCasesSignal } from './use-cases-signal.ts';
import type { Signal } from './signal.ts';

/** Every signal seams knows; a new one (traces, say) is one more entry. */
export const SIGNALS: readonly Signal[] = [
  importsSignal,
  namesSignal,
  pathsSignal,
  entitiesSignal,
  useCasesSignal,
  cochangeSignal,
  dataSignal,
];

export { pairKey, type PairWeights, type Signal, type SignalInput } from './signal.ts';
