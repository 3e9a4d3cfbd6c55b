import { ConfigError } from '@seams/graph';
import type { ReportModel } from './report-model.ts';

/** Renders a report model into one format; pure, no I/O. */
export type Reporter = (model: ReportModel) => string;

/**
 * Every report format by name, loaded on first use so that a command asking for Markdown never
 * loads the HTML renderer and its bundled scripts.
 */
export const REPORTERS: Record<string, () => Promise<Reporter>> = {
  md: () => import('./format-markdown.ts').then((module) => module.formatMarkdown),
  mermaid: () => import('./format-mermaid.ts').then((module) => module.formatMermaid),
  dot: () => import('./format-dot.ts').then((module) => module.formatDot),
  json: () => import('./format-json.ts').then((module) => module.formatJson),
  html: () => import('./html/format-html.ts').then((module) => module.formatHtml),
};

/** Renders `model` in the named format; unknown names throw a ConfigError listing the known ones. */
export async function renderReport(format: string, model: ReportModel): Promise<string> {
  const load = Object.hasOwn(REPORTERS, format) ? REPORTERS[format] : undefined;
  if (!load) {
    throw new ConfigError(
      'SEAMS_OPTION_INVALID',
      `Unknown report format '${format}'; choose one of ${Object.keys(REPORTERS).join(', ')}.`,
    );
  }
  const reporter = await load();
  return reporter(model);
}
