import { ConfigError } from '@seams/graph';
import type { CheckResult } from '../baseline.ts';
import type { FormatOptions, FormatOutput, Formatter } from './format-output.ts';

/** Every output format by name, loaded on first use. */
export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  text: () => import('./format-text.ts').then((module) => module.formatText),
  json: () => import('./format-json.ts').then((module) => module.formatJson),
  sarif: () => import('./format-sarif.ts').then((module) => module.formatSarif),
  github: () => import('./format-github.ts').then((module) => module.formatGithub),
};

/** Renders `result` in the named format; unknown names throw a ConfigError listing the known ones. */
export async function formatCheck(
  format: string,
  result: CheckResult,
  options: FormatOptions = {},
): Promise<FormatOutput> {
  const load = Object.hasOwn(FORMATTERS, format) ? FORMATTERS[format] : undefined;
  if (!load) {
    throw new ConfigError(
      'SEAMS_OPTION_INVALID',
      `Unknown check format '${format}'; choose one of ${Object.keys(FORMATTERS).join(', ')}.`,
    );
  }
  const formatter = await load();
  return formatter(result, options);
}
