import { discoverFiles } from './src/discover-files.ts';
import { readFacts } from './src/read-facts.ts';
const root = '/tmp/big';
const { files } = discoverFiles(root);
for (let k = 0; k < 1; k++) {
  const t = performance.now();
  for (const f of files) readFacts(root + '/' + f, f, undefined, 4 * 1024 * 1024);
  console.log('readFacts', performance.now() - t);
}
