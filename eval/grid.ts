// Tries boundary options on every monolith at hand, one line per option set: how the defaults were chosen.
// node eval/grid.ts '[{}, {"resolution": 1.5}, {"weights": {"imports": 1, "names": 0.6, "paths": 1}}]'
import { analyze } from '@seams/analyze';
import { comparePartitions, proposeBoundaries, readTruthTsv, type BoundaryOptions } from '@seams/boundaries';
import { listMonoliths, truthOf } from './monoliths.ts';
const configs = JSON.parse(process.argv[2]!) as BoundaryOptions[];
const graphs = [];
for (const m of listMonoliths()) {
  const g = await analyze({ root: m.dir, exclude: m.exclude, history: m.history ?? false });
  graphs.push({
    m,
    g,
    truth: truthOf(
      m,
      g.files.map((f) => f.path),
      readTruthTsv,
    ),
  });
}
for (const cfg of configs) {
  const out = [];
  for (const { m, g, truth } of graphs) {
    const plan = proposeBoundaries(g, { seed: 42, ...cfg });
    const a = new Map();
    for (const s of plan.services) for (const f of s.files) a.set(f, s.id);
    for (const s of plan.shared) a.set(s.path, 'shared');
    const r = comparePartitions(truth, a);
    out.push(`${m.name.split(' ')[0]} ${r.ari.toFixed(2)}/${r.mojoFm.toFixed(0)}`);
  }
  console.log(JSON.stringify(cfg), out.join('  '));
}
