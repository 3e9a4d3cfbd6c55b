import { closeSync, fstatSync, openSync, readFileSync, constants } from 'node:fs';

/** The problem of a FIFO, socket or device: discovery already reports those (discover-files.ts). */
export const NOT_REGULAR = 'is not a regular file';

export type ConfigRead = { text: string } | { problem: string } | undefined;

/**
 * The text of a configuration file, or why it cannot be used; undefined when it does not exist.
 * Opened without blocking and checked to be a regular file first: reading a FIFO named
 * package.json would wait forever for a writer.
 */
export function readConfigFile(path: string): ConfigRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { problem: `cannot be read (${code})` };
  }
  try {
    if (!fstatSync(fd).isFile()) return { problem: NOT_REGULAR };
    return { text: readFileSync(fd, 'utf8') };
  } catch (error) {
    return { problem: `cannot be read (${(error as NodeJS.ErrnoException).code})` };
  } finally {
    closeSync(fd);
  }
}

/** A JSON configuration file parsed, or why it cannot be used; undefined when it does not exist. */
export function readJsonConfig<T>(path: string): { value: T } | { problem: string } | undefined {
  const read = readConfigFile(path);
  if (!read || 'problem' in read) return read;
  try {
    const value = JSON.parse(read.text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'is not a JSON object' };
    return { value: value as T };
  } catch (error) {
    return { problem: `is not valid JSON (${(error as Error).message})` };
  }
}
