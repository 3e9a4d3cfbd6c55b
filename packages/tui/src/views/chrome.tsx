import { Text } from 'ink';
import type { Plan } from '@seams/graph';
import { fit, percent, plural } from '../format.ts';
import { BINDINGS } from '../state/bindings.ts';
import { nameOf } from '../state/lookups.ts';
import type { Message, Modal, View } from '../state/ui-state.ts';
import { tone, useTheme } from '../theme.ts';

/** Top line: the project, the plan's size and its headline metrics. */
export function Header({ plan, title, width }: { plan: Plan; title: string; width: number }) {
  const files = plan.services.reduce((sum, s) => sum + s.files.length, 0);
  const text = `seams · ${title} · ${plural(plan.services.length, 'service')}, ${plural(files, 'file')}, ${plan.shared.length} shared · Q ${plan.metrics.modularity.toFixed(3)} · ICP ${percent(plan.metrics.icp)}`;
  return <Text bold>{fit(text, width)}</Text>;
}

/** Second line: the tabs at the top level, else the path from the list to this page; unsaved edits on the right. */
export function Nav({
  plan,
  views,
  unsaved,
  width,
}: {
  plan: Plan;
  views: readonly View[];
  unsaved: string;
  width: number;
}) {
  const theme = useTheme();
  const top = views[views.length - 1]!;
  let text: string;
  if (views.length === 1 && top.kind !== 'service' && top.kind !== 'file') {
    const tabs = [
      ['services', `1 Services (${plan.services.length})`],
      ['shared', `2 Shared (${plan.shared.length})`],
      ['review', `3 Review (${plan.review.length})`],
    ].map(([kind, label]) => (kind === top.kind ? `[${label}]` : ` ${label} `));
    text = tabs.join(' ');
  } else
    text = views
      .map((view) =>
        view.kind === 'service'
          ? nameOf(plan, view.id)
          : view.kind === 'file'
            ? view.path.slice(view.path.lastIndexOf('/') + 1)
            : view.kind,
      )
      .join(' › ');
  const state = unsaved ? ` ${unsaved} · w saves` : '';
  return (
    <Text>
      <Text {...tone(theme, 'accent')}>{fit(text, Math.max(0, width - state.length))}</Text>
      <Text {...tone(theme, 'warn')}>{state}</Text>
    </Text>
  );
}

/** The last edit and what it did to the metrics (✓ better, ✗ worse), or an error. */
export function Status({ message, width }: { message: Message | undefined; width: number }) {
  const theme = useTheme();
  if (!message) return <Text>{fit('', width)}</Text>;
  if (message.tone === 'error') return <Text {...tone(theme, 'bad')}>{fit(`! ${message.text}`, width)}</Text>;
  let used = message.text.length;
  // Changed figures first: when the line is too short for all, the unchanged ones give way.
  const deltas = [...(message.deltas ?? [])].sort(
    (a, b) => Number(a.verdict === 'same') - Number(b.verdict === 'same'),
  );
  const parts = deltas.flatMap((d) => {
    const text =
      d.before === d.after
        ? `  ${d.label} ${d.after}`
        : `  ${d.label} ${d.before}→${d.after}${d.verdict === 'better' ? ' ✓' : ' ✗'}`;
    used += text.length;
    if (used > width) return [];
    return [
      <Text
        key={d.label}
        {...(d.verdict === 'same' ? tone(theme, 'muted') : tone(theme, d.verdict === 'better' ? 'good' : 'bad'))}
      >
        {text}
      </Text>,
    ];
  });
  return (
    <Text>
      <Text>{fit(message.text, Math.min(width, message.text.length))}</Text>
      {parts}
    </Text>
  );
}

/** Bottom line: the keys that work on this page, or in the box open on it. */
export function Footer({ view, modal, width }: { view: View; modal: Modal | undefined; width: number }) {
  const theme = useTheme();
  if (modal) return <Text {...tone(theme, 'muted')}>{fit(MODAL_HINTS[modal.kind], width)}</Text>;
  // Help and quit first: whatever the width cuts off, the way to the rest stays on screen.
  const first = new Set(['help', 'quit']);
  const hints = BINDINGS.filter((b) => b.hint && (!b.in || b.in.includes(view.kind)))
    .sort((a, b) => Number(first.has(b.hint!)) - Number(first.has(a.hint!)))
    .map((b) => `${b.keys.split(' ')[0]} ${b.hint}`);
  return <Text {...tone(theme, 'muted')}>{fit(hints.join(' · '), width)}</Text>;
}

// In a box with a text field every letter types, j and k too; arrows and Ctrl-P Ctrl-N move.
const MODAL_HINTS: Record<Modal['kind'], string> = {
  pick: 'type to filter (j k too) · ↑↓ or ^P ^N choose · Enter confirm · Esc cancel',
  search: 'type to search (j k too) · ↑↓ or ^P ^N choose · Enter open · Esc cancel',
  prompt: 'type the name · Enter confirm · Esc cancel',
  help: 'keys · any key closes this help',
  'confirm-quit': 'y save and quit · n quit without saving · Esc stay',
};
