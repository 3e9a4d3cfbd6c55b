// The floor of a warm run: find the source files and stat each, what any tool must do to learn that
// nothing changed. `seams analyze` on an unchanged tree (cache hit) is measured against it.
//
//   node bench/walk-floor.ts <dir>   ->  prints one JSON line {files, ms}
import { statSync } from 'node:fs';
import { listSourceFiles } from './source-files.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/walk-floor.ts <dir>');
  process.exit(2);
}
const start = performance.now();
const files = listSourceFiles(dir);
let newest = 0;
for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
console.log(JSON.stringify({ files: files.length, newest, ms: Math.round(performance.now() - start) }));
