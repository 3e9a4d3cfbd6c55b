import { Box, Text } from 'ink';
import type { ProgressEvent } from '@seams/graph';
import { fit } from '../format.ts';
import { tone, useTheme } from '../theme.ts';

const STEP_LABELS: Record<string, string> = {
  discover: 'finding files',
  parse: 'parsing',
  resolve: 'resolving imports',
  trace: 'tracing barrels',
  cache: 'saving the cache',
  dependencies: 'file dependencies',
  'shared-kernel': 'shared kernel',
  signals: 'weighing signals',
  cluster: 'clustering',
  refine: 'refining',
};

/** The steps of analysis and clustering as they run: done ones with their time, the current one with a bar. */
export function ProgressView({ events, width }: { events: readonly ProgressEvent[]; width: number }) {
  const theme = useTheme();
  const ended = new Map<string, number>();
  let current: string | undefined;
  let parsed: { done: number; total: number } | undefined;
  let found: number | undefined;
  const order: string[] = [];
  for (const event of events) {
    if (event.type === 'step-start') {
      current = event.step;
      if (!order.includes(event.step)) order.push(event.step);
    } else if (event.type === 'step-end') {
      ended.set(event.step, event.ms);
      if (current === event.step) current = undefined;
    } else if (event.type === 'file-parsed') parsed = event;
    else if (event.type === 'files-found') found = event.total;
  }
  const line = (step: string) => {
    const label = STEP_LABELS[step] ?? step;
    const ms = ended.get(step);
    if (ms !== undefined)
      return `  ✓ ${label} (${Math.round(ms)} ms)${step === 'discover' && found !== undefined ? `, ${found} files` : ''}`;
    if (step === 'parse' && parsed) {
      const filled = Math.round((parsed.done / Math.max(1, parsed.total)) * 20);
      return `  … ${label} [${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${parsed.done}/${parsed.total}`;
    }
    return `  … ${label}`;
  };
  return (
    <Box flexDirection="column">
      {order.length === 0 && <Text {...tone(theme, 'muted')}>{fit('  opening…', width)}</Text>}
      {order.map((step) => (
        <Text key={step} {...(ended.has(step) ? tone(theme, 'muted') : {})}>
          {fit(line(step), width)}
        </Text>
      ))}
    </Box>
  );
}
