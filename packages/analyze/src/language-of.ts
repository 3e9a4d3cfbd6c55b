import type { FileFacts } from './facts.ts';

/** Language and declaration-ness from the file name alone. */
export function languageOf(path: string): { language: FileFacts['language']; dts: boolean } {
  const dts = /\.d\.[mc]?ts$/.test(path);
  if (path.endsWith('.tsx')) return { language: 'tsx', dts };
  if (/\.[mc]?ts$/.test(path)) return { language: 'ts', dts };
  if (path.endsWith('.jsx')) return { language: 'jsx', dts };
  return { language: 'js', dts };
}
