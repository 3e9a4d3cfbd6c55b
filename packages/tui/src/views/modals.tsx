import { Box, Text } from 'ink';
import type { Plan } from '@seams/graph';
import type { PlanContext } from '@seams/boundaries';
import { fit, fitPath } from '../format.ts';
import { BINDINGS } from '../state/bindings.ts';
import { nameOf } from '../state/lookups.ts';
import { pickOptions } from '../state/pick-options.ts';
import { search } from '../state/search.ts';
import type { Modal } from '../state/ui-state.ts';
import { tone, useTheme } from '../theme.ts';
import { List } from './list.tsx';

interface Props {
  modal: Modal;
  plan: Plan;
  context: PlanContext;
  unsaved: string;
  width: number;
  height: number;
}

/** The dialog on top of the page: help, a service picker, a name prompt, search, or the quit question. */
export function ModalView({ modal, plan, context, unsaved, width, height }: Props) {
  const theme = useTheme();
  const title = (text: string) => (
    <Text bold {...tone(theme, 'accent')}>
      {fit(text, width)}
    </Text>
  );
  switch (modal.kind) {
    case 'help':
      return (
        // Every key on one 80x24 screen: the footer says how to close it, so no title line.
        <Box flexDirection="column" height={height}>
          {BINDINGS.map((b) => (
            <Text key={b.keys}>{fit(`  ${fit(b.keys, 11)} ${b.does}`, width)}</Text>
          ))}
        </Box>
      );
    case 'confirm-quit':
      return (
        <Box flexDirection="column" height={height}>
          {title(`Quit? ${unsaved.charAt(0).toUpperCase()}${unsaved.slice(1)}.`)}
          <Text>{fit('  y  save the plan, then quit', width)}</Text>
          <Text>{fit('  n  quit without saving', width)}</Text>
          <Text>{fit('  Esc  stay', width)}</Text>
        </Box>
      );
    case 'pick': {
      const options = pickOptions(plan, context, modal.purpose, modal.query);
      const what =
        modal.purpose.kind === 'move'
          ? `Move ${modal.purpose.label} to:`
          : `Merge ${nameOf(plan, modal.purpose.from)} into:`;
      return (
        <Box flexDirection="column" height={height}>
          {title(what)}
          <Text>{fit(`  filter: ${modal.query}_`, width)}</Text>
          <List
            rows={options.map((o) => `${fit(o.label, 28)} ${o.detail}`)}
            cursor={modal.cursor}
            width={width}
            height={height - 2}
            empty="no service matches"
          />
        </Box>
      );
    }
    case 'prompt': {
      const what =
        modal.purpose.kind === 'rename'
          ? `Rename ${nameOf(plan, modal.purpose.id)} to:`
          : `Name of the new service for ${modal.purpose.label}:`;
      return (
        <Box flexDirection="column" height={height}>
          {title(what)}
          <Text>{fit(`  ${modal.value}_`, width)}</Text>
        </Box>
      );
    }
    case 'search': {
      const hits = search(plan, modal.query);
      return (
        <Box flexDirection="column" height={height}>
          {title('Search services and files')}
          <Text>{fit(`  / ${modal.query}_`, width)}</Text>
          <List
            rows={hits.map((h) => `${fitPath(h.label, Math.max(10, width - 26))} ${h.detail}`)}
            cursor={modal.cursor}
            width={width}
            height={height - 2}
            empty={modal.query ? 'no match' : 'type part of a name or path'}
          />
        </Box>
      );
    }
  }
}
