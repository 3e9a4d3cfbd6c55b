import { Box, Text } from 'ink';
import { fit } from '../format.ts';
import { useTheme } from '../theme.ts';

interface ListProps {
  /** Column titles, already laid out; one line above the rows. */
  head?: string;
  rows: readonly string[];
  cursor: number;
  height: number;
  width: number;
  /** Shown when there are no rows. */
  empty: string;
  /** Rows drawn dimmed or highlighted, by index. */
  marks?: ReadonlyMap<number, 'muted' | 'warn'>;
}

/** The window of rows around the cursor, which stays on screen; the cursor row starts with '>'. */
export function List({ head, rows, cursor, height, width, empty, marks }: ListProps) {
  const theme = useTheme();
  const room = Math.max(1, height - (head ? 1 : 0));
  const start = Math.max(0, Math.min(cursor - Math.floor(room / 2), rows.length - room));
  const shown = rows.slice(start, start + room);
  return (
    <Box flexDirection="column" height={height}>
      {head && <Text bold>{fit(`  ${head}`, width)}</Text>}
      {rows.length === 0 && <Text>{fit(`  ${empty}`, width)}</Text>}
      {shown.map((row, i) => {
        const index = start + i;
        const selected = index === cursor;
        const mark = marks?.get(index);
        const style =
          selected && theme.color
            ? { inverse: true }
            : mark === 'muted' && theme.color
              ? { dimColor: true }
              : mark === 'warn' && theme.color
                ? { color: 'yellow' }
                : {};
        return (
          <Text key={index} {...style}>
            {fit(`${selected ? '>' : ' '} ${row}`, width)}
          </Text>
        );
      })}
    </Box>
  );
}
