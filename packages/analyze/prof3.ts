import { discoverFiles } from './src/discover-files.ts';
import { parseFile } from './src/parse-file.ts';
import { readFacts } from './src/read-facts.ts';
import { parseSync } from 'oxc-parser';
import { readFileSync, statSync } from 'node:fs';
import { hash } from 'node:crypto';
const root = '/tmp/big';
const { files } = discoverFiles(root);
let t = performance.now();
for (const f of files) {
  const st = statSync(root + '/' + f);
  if (st.size > 4 * 1024 * 1024) continue;
  const b = readFileSync(root + '/' + f);
}
console.log('stat+read', performance.now() - t);
t = performance.now();
for (const f of files) {
  const st = statSync(root + '/' + f);
  if (st.size > 4 * 1024 * 1024) continue;
  const b = readFileSync(root + '/' + f);
  hash('sha1', b);
  b.toString('utf8');
}
console.log('stat+read+hash+decode', performance.now() - t);
t = performance.now();
for (const f of files) {
  const st = statSync(root + '/' + f);
  if (st.size > 4 * 1024 * 1024) continue;
  const s = readFileSync(root + '/' + f, 'utf8');
  const r: any = parseSync(f, s, { experimentalLazy: true, lang: f.endsWith('ts') ? 'ts' : 'jsx' } as never);
  r.module.staticImports.length;
  r.dispose();
}
console.log('floor read+parse', performance.now() - t);
t = performance.now();
for (const f of files) readFacts(root + '/' + f, f, undefined, 4 * 1024 * 1024);
console.log('readFacts', performance.now() - t);
t = performance.now();
for (const f of files) {
  const st = statSync(root + '/' + f);
  if (st.size > 4 * 1024 * 1024) continue;
  const s = readFileSync(root + '/' + f, 'utf8');
  const r: any = parseSync(f, s, { experimentalLazy: true, lang: f.endsWith('ts') ? 'ts' : 'jsx' } as never);
  r.module.staticImports.length;
  r.dispose();
}
console.log('floor read+parse again', performance.now() - t);
