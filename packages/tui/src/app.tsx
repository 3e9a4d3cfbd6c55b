import { Box, Text, useApp, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import type { Plan, ProgressEvent, ProgressListener } from '@seams/graph';
import { planContext, type PlanContext } from '@seams/boundaries';
import { Explorer } from './explorer.tsx';
import { ProgressView } from './views/progress-view.tsx';
import { ThemeContext } from './theme.ts';

/** What the UI opens: a graph and a plan, from files or computed while the progress view shows. */
export interface Session {
  graph: Parameters<typeof planContext>[0];
  plan: Plan;
  /** False for a plan computed now and not yet written. */
  saved: boolean;
  /** Usually the project folder's name. */
  title: string;
}

export interface AppProps {
  load: (onProgress: ProgressListener) => Promise<Session>;
  save: (plan: Plan) => Promise<string>;
  color: boolean;
  /** Fixed size for tests; otherwise the terminal's, following resizes. */
  size?: { width: number; height: number };
}

/** Loads with a progress view, then hands over to the explorer; a load error ends the app with it. */
export function App({ load, save, color, size }: AppProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const { width, height } = size ?? terminal;
  const [events, setEvents] = useState<ProgressEvent[]>([]);
  const [opened, setOpened] = useState<{ session: Session; context: PlanContext }>();

  useEffect(() => {
    load((event) => setEvents((list) => [...list.slice(-200), event])).then(
      (session) => setOpened({ session, context: planContext(session.graph) }),
      (error: Error) => exit(error),
    );
  }, []);

  return (
    <ThemeContext.Provider value={{ color }}>
      {opened ? (
        <Explorer
          context={opened.context}
          plan={opened.session.plan}
          saved={opened.session.saved}
          title={opened.session.title}
          width={width}
          height={height}
          save={save}
        />
      ) : (
        <Box flexDirection="column" width={width}>
          <Text bold>seams ui</Text>
          <ProgressView events={events} width={width} />
        </Box>
      )}
    </ThemeContext.Provider>
  );
}

// Ink redraws on resize; this makes the layout follow the new size. One row stays free: ink clears
// the whole screen on every frame as tall as the terminal, which flickers.
function useTerminalSize(): { width: number; height: number } {
  const { stdout } = useStdout();
  const read = () => ({ width: Math.max(40, stdout.columns || 80), height: Math.max(12, (stdout.rows || 24) - 1) });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
