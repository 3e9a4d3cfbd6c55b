// The side-by-side table of bench/check.ts: per block one situation, seams first, then
// dependency-cruiser with its time as a multiple of the seams row(s) named in the ratio columns.

export type Run = { wallS: number; cpuS: number; peakMB: number; out: string };

type Row = { key: string; tool: string; run: string; vsChanged?: string; vsFull?: string };
const BLOCKS: Array<{ title: string; rows: Row[] }> = [
  {
    title: 'FILES files edited since the last run (warm caches)',
    rows: [
      { key: 'seams-changed', tool: 'seams', run: 'check --changed (pre-commit)' },
      { key: 'seams-full', tool: 'seams', run: 'check (whole tree)' },
      {
        key: 'dc-cache',
        tool: 'depcruise',
        run: '--cache (stale: cruises all)',
        vsChanged: 'seams-changed',
        vsFull: 'seams-full',
      },
      { key: 'dc-plain', tool: 'depcruise', run: 'no cache', vsChanged: 'seams-changed', vsFull: 'seams-full' },
    ],
  },
  {
    title: 'the same again, nothing edited since',
    rows: [
      { key: 'seams-changed-again', tool: 'seams', run: 'check --changed' },
      {
        key: 'dc-cache-again',
        tool: 'depcruise',
        run: '--cache (served from cache)',
        vsChanged: 'seams-changed-again',
      },
    ],
  },
  {
    title: 'an unchanged tree (warm cache), next to the least any tool must do to see that',
    rows: [
      { key: 'seams-analyze-warm', tool: 'seams', run: 'analyze (cache hit)' },
      { key: 'walk-floor', tool: 'floor', run: 'walk + stat the source files' },
    ],
  },
  {
    title: 'cold, on the committed tree (no cache)',
    rows: [
      { key: 'seams-cold', tool: 'seams', run: 'check (whole tree)' },
      { key: 'dc-cold', tool: 'depcruise', run: '--cache (none yet)', vsFull: 'seams-cold' },
    ],
  },
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b),
    m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** "N new, M known" from the tool's own summary line (text output of seams, err output of depcruise). */
function findings(tool: string, out: string): [number, number] {
  if (tool === 'seams') {
    const m = /seams check: (\d+) new, (\d+) baselined/.exec(out);
    return m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  }
  const fresh =
    /x (\d+) dependency violations/.exec(out)?.[1] ?? (/no dependency violations found/.test(out) ? '0' : 'NaN');
  return [Number(fresh), Number(/(\d+) known violations ignored/.exec(out)?.[1] ?? 0)];
}

const span = (xs: number[]): string =>
  Math.min(...xs) === Math.max(...xs) ? String(xs[0]) : `${Math.min(...xs)}-${Math.max(...xs)}`;

export function table(results: Map<string, Run[]>, files: number): string {
  const rows: string[][] = [
    [
      'tool',
      'run',
      'runs',
      'median s',
      'max s',
      'CPU s',
      'peak MB',
      'findings: new (known)',
      '/ seams --changed',
      '/ seams whole tree',
    ],
  ];
  const med = (key: string): number => median(results.get(key)!.map((r) => r.wallS));
  const ratio = (row: Row, ref: string | undefined): string =>
    ref && results.has(ref) && results.has(row.key) ? `${(med(row.key) / med(ref)).toFixed(1)}x` : '';
  const sections: number[] = [];
  for (const block of BLOCKS) {
    sections.push(rows.length);
    rows.push([`-- ${block.title.replace('FILES', String(files))}`, '', '', '', '', '', '', '', '', '']);
    for (const row of block.rows) {
      const runs = results.get(row.key);
      if (!runs) continue;
      const f = runs.map((r) => findings(row.tool, r.out));
      rows.push([
        row.tool,
        row.run,
        String(runs.length),
        med(row.key).toFixed(2),
        Math.max(...runs.map((r) => r.wallS)).toFixed(2),
        median(runs.map((r) => r.cpuS)).toFixed(2),
        String(Math.round(Math.max(...runs.map((r) => r.peakMB)))),
        f.every((x) => Number.isNaN(x[0])) ? '' : `${span(f.map((x) => x[0]))} (${span(f.map((x) => x[1]))})`,
        ratio(row, row.vsChanged),
        ratio(row, row.vsFull),
      ]);
    }
  }
  const widths = rows[0]!.map((_, i) =>
    Math.max(...rows.filter((_, j) => !sections.includes(j)).map((row) => row[i]!.length)),
  );
  return rows
    .map((row, j) =>
      sections.includes(j)
        ? row[0]!
        : row
            .map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
            .join(' | ')
            .trimEnd(),
    )
    .toSpliced(1, 0, widths.map((w) => '-'.repeat(w)).join('-|-'))
    .join('\n');
}
