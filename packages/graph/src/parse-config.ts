import { ConfigError } from './errors.ts';
import { SeamsConfig } from './config-schema.ts';

/** Validates seams.config.json; the error names the offending field and the file. */
export function parseConfig(json: unknown, origin: string): SeamsConfig {
  const result = SeamsConfig.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ConfigError(
    'SEAMS_CONFIG_INVALID',
    `${origin}: ${issue.path.join('.') || '(top level)'}: ${issue.message}. See docs/config.md.`,
  );
}
