import { describe, expect, it } from 'vitest';
import { FileGraphBuilder } from '../src/file-graph.ts';
import { louvainMappings } from '../src/louvain-pool.ts';
import { louvainInput, louvainMapping } from '../src/louvain.ts';
import { seededRandom } from '../src/random.ts';

/** Clumps of eight files, dense inside, a few ties across; weights from the seed. */
function clumps(files: number, seed: number) {
  const random = seededRandom(seed);
  const nodes = Array.from({ length: files }, (_, i) => `src/f${i}.ts`);
  const builder = new FileGraphBuilder(nodes);
  for (let i = 0; i < files; i++) {
    for (let j = i + 1; j < Math.min(files, i + 8); j++)
      if (Math.floor(i / 8) === Math.floor(j / 8) && random() < 0.7) builder.addByIndex(i, j, 0.5 + random());
    builder.addByIndex(i, Math.floor(random() * files), 0.1 + random() / 4);
  }
  return builder.build();
}

describe('louvainMappings', () => {
  // Which thread runs a seed must change no label: the plan is the same on one core or eight.
  it('gives each job the labels a run on the main thread gives', () => {
    const input = louvainInput(clumps(3000, 7));
    const jobs = [2, 3, 4].flatMap((resolution) => [42, 43, 44].map((seed) => ({ resolution, seed })));
    const alone = jobs.map((job) => Array.from(louvainMapping(input, job.resolution, seededRandom(job.seed))));
    for (const threads of [0, 1, 2])
      expect(louvainMappings(input, jobs, threads).map((labels) => Array.from(labels))).toEqual(alone);
  });
});
