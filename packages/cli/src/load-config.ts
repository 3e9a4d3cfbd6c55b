import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, parseConfig, type SeamsConfig } from '@seams/graph';

const CONFIG_FILE = 'seams.config.json';

/** The project's seams.config.json, validated; none is an empty config. */
export function loadConfig(dir: string): SeamsConfig {
  const path = join(dir, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  try {
    return parseConfig(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new ConfigError('SEAMS_CONFIG_INVALID', `${path} is not valid JSON: ${error.message}`);
    throw error;
  }
}
