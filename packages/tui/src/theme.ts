import { createContext, useContext } from 'react';

/**
 * Colours are an extra, never the only sign: the cursor row also has a '>' and deltas a ✓ or ✗,
 * so the UI reads the same under NO_COLOR.
 */
export interface Theme {
  color: boolean;
}

export const ThemeContext = createContext<Theme>({ color: true });

export const useTheme = (): Theme => useContext(ThemeContext);

/** Props for an ink Text in a given role; empty without colour. */
export function tone(
  theme: Theme,
  role: 'accent' | 'muted' | 'good' | 'bad' | 'warn',
): { color?: string; dimColor?: boolean } {
  if (!theme.color) return {};
  const colors = { accent: 'cyan', good: 'green', bad: 'red', warn: 'yellow' } as const;
  return role === 'muted' ? { dimColor: true } : { color: colors[role] };
}
