import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { parseGraph, parsePlan, type Plan } from '@seams/graph';
import { App } from '../src/app.tsx';

export const FIXTURE = join(import.meta.dirname, '../../../fixtures/tui/small-shop');

export const KEYS = {
  down: '\u001B[B',
  up: '\u001B[A',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  left: '\u001B[D',
} as const;

/** The small shop's plan on a graph with table accesses: the report's data fixture. */
export const DATA_FIXTURE = join(import.meta.dirname, '../../../fixtures/report/data');

/** The UI on the small shop at 80x24 without colour; `press` sends keys one by one and waits for the frame. */
export async function openSmallShop(
  options: { saved?: boolean; height?: number; width?: number; fixture?: string; edit?: (plan: Plan) => Plan } = {},
) {
  const fixture = options.fixture ?? FIXTURE;
  const graph = parseGraph(JSON.parse(readFileSync(join(fixture, 'graph.json'), 'utf8')), 'graph.json');
  const read = parsePlan(JSON.parse(readFileSync(join(fixture, 'plan.json'), 'utf8')), 'plan.json');
  const plan = options.edit ? options.edit(read) : read;
  const saves: Plan[] = [];
  const save = async (p: Plan) => {
    saves.push(p);
    return 'seams.plan.json';
  };
  const ui = render(
    <App
      load={async () => ({ graph, plan, saved: options.saved ?? true, title: 'small-shop' })}
      save={save}
      color={false}
      size={{ width: options.width ?? 80, height: options.height ?? 24 }}
    />,
  );
  // The first frame is the progress view; keys count once the explorer listens to stdin.
  while (!ui.lastFrame()?.startsWith('seams ·') || ui.stdin.listenerCount('readable') === 0) await settle();
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      const before = ui.lastFrame();
      ui.stdin.write(key);
      await rendered(() => ui.lastFrame(), before);
    }
    return frame();
  };
  const frame = () =>
    (ui.lastFrame() ?? '')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n') + '\n';
  // Ink unmounts on exit, which lets go of stdin.
  const exited = () => ui.stdin.listenerCount('readable') === 0;
  return { press, frame, saves, exited };
}

export const settle = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));

// Ink renders a few ticks after a key (state, then effects such as a save): wait for the frame to
// change and then hold still; a key that changes nothing is given 300 ms.
async function rendered(read: () => string | undefined, before: string | undefined) {
  const start = Date.now();
  while (read() === before && Date.now() - start < 300) await settle();
  let last = read();
  for (;;) {
    await settle(20);
    if (read() === last) return;
    last = read();
  }
}
