// Prints a sample of each truth's labels to read by hand before trusting a rule: node eval/labels.ts [count] [name
// filter]
import { analyze } from '@seams/analyze';
import { listMonoliths } from './monoliths.ts';

const count = Number(process.argv[2] ?? 20);
const filter = process.argv[3] ?? '';
for (const monolith of listMonoliths().monoliths.filter((m) => m.name.includes(filter))) {
  const graph = await analyze({
    root: monolith.dir,
    include: monolith.include,
    exclude: monolith.exclude,
    cache: true,
  });
  const files = graph.files.map((f) => f.path);
  for (const { name, truth } of monolith.truths(files)) {
    const domains = new Set(truth.values());
    console.log(
      `\n${monolith.name} (${name}): ${truth.size} of ${files.length} files labelled, ${domains.size} domains`,
    );
    console.log(`  domains: ${[...domains].sort().join(', ')}`);
    // Every k-th labelled file: a spread sample, the same on every run.
    const rows = [...truth].sort((a, b) => a[0].localeCompare(b[0]));
    const step = Math.max(1, Math.floor(rows.length / count));
    for (let i = 0; i < rows.length && i / step < count; i += step)
      console.log(`  ${rows[i]![1].padEnd(24)} ${rows[i]![0]}`);
  }
}
