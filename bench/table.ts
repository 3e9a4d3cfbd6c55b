// Plain-text report: one block per input, readable in a terminal and pasteable in an issue.
import type { Agreement, Difference } from './edge-agreement.ts';
import type { Input } from './inputs.ts';
import type { Measurement } from './measure.ts';
import { pairedRatio, type Spread } from './stats.ts';
import type { ToolName } from './tools.ts';

/** `wallS` and `peakMB` are medians over the runs; `runs` has each round's wall seconds. */
export type ToolResult = Measurement & { tool: ToolName; note?: string; runs: number[]; spread?: Spread };
export type FloorInfo = { files: number; imports: number; errors: number; ms: number };

export type InputResult = {
  input: Input;
  results: ToolResult[];
  skipped: ToolName[];
  floor?: FloorInfo;
  agreements: Agreement[];
};

const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(1)}x` : '-');
/** Median of the round-by-round ratios, with their range: `20.5x (19.8-21.0)`. */
const paired = (a: ToolResult, b: ToolResult): string => {
  const r = pairedRatio(a.runs, b.runs);
  if (!r) return '-';
  return r.min === r.max
    ? `${r.median.toFixed(1)}x`
    : `${r.median.toFixed(1)}x (${r.min.toFixed(1)}-${r.max.toFixed(1)})`;
};
const wallText = (t: ToolResult): string =>
  t.spread && t.runs.length > 1
    ? `${t.wallS.toFixed(2)} (${t.spread.min.toFixed(2)}-${t.spread.max.toFixed(2)})`
    : t.wallS.toFixed(2);

export function inputHeader(input: Input): string {
  const f = input.files;
  return `== ${input.name}: ${input.description}\n   ${f.total} source files (${f.ts} ts/tsx, ${f.dts} .d.ts, ${f.js} js)${input.tsconfig ? ', with tsconfig.json' : ''}  [${input.dir}]`;
}

export function timingTable(r: InputResult): string {
  const seams = r.results.find((x) => x.tool === 'seams' && x.status === 'ok');
  const runs = Math.max(...r.results.map((t) => t.runs.length));
  const rows: string[][] = [['tool', `wall s, median (min-max) of ${runs}`, 'peak MB', 'vs seams, per round', 'note']];
  for (const t of r.results) {
    const wall =
      t.status === 'timeout' ? `timeout (>${t.wallS})` : t.status === 'failed' ? `failed (${t.wallS})` : wallText(t);
    let vs = '';
    if (t.tool === 'floor') vs = seams && t.status === 'ok' ? `seams/floor = ${paired(seams, t)}` : '';
    else if (t.tool === 'seams') vs = t.status === 'ok' ? '1.0x' : '';
    else if (seams)
      vs =
        t.status === 'timeout'
          ? `${t.tool}/seams > ${ratio(t.wallS, seams.wallS)}`
          : t.status === 'ok'
            ? `${t.tool}/seams = ${paired(t, seams)}`
            : '';
    rows.push([t.tool, wall, t.peakMB === null ? '-' : String(Math.round(t.peakMB)), vs, t.note ?? '']);
  }
  for (const s of r.skipped) rows.push([s, 'skipped', '', '', '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) =>
    row
      .map((c, i) => (i === 1 || i === 2 ? lpad(c, widths[i]!) : pad(c, widths[i]!)))
      .join(' | ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-|-'));
  if (r.floor)
    lines.push(
      `floor: ${r.floor.files} files parsed in ${r.floor.ms} ms in-process (oxc-parser, lazy), ${r.floor.imports} import/export records${r.floor.errors ? `, ${r.floor.errors} files with parse errors` : ''}`,
    );
  return lines.join('\n');
}

function differenceBlock(title: string, d: Difference): string[] {
  if (d.count === 0) return [];
  const out = [`  ${title}: ${d.count}`];
  const causes = Object.entries(d.causes).sort((a, b) => b[1] - a[1]);
  for (const [cause, n] of causes) {
    out.push(`    ${lpad(String(n), 6)}  ${cause}`);
    for (const e of d.examples.filter((x) => x.cause === cause))
      out.push(`              ${e.from} -> ${e.to}${e.specifier ? `   ('${e.specifier}')` : ''}`);
  }
  return out;
}

export function agreementBlock(a: Agreement): string {
  const pct = (n: number): string => `${(n * 100).toFixed(2)}%`;
  return [
    `edge agreement, ${a.subject} vs ${a.baseline} (local file->file pairs; externals and node_modules left out):`,
    `  ${a.baseline} local edges: ${a.baselineEdges}   ${a.subject} local edges: ${a.subjectEdges}   both: ${a.both}   only-${a.baseline}: ${a.onlyBaseline.count}   only-${a.subject}: ${a.onlySubject.count}`,
    `  ${pct(a.recall)} of ${a.baseline} edges found by ${a.subject}`,
    ...differenceBlock(`only-${a.baseline} (${a.subject} misses these)`, a.onlyBaseline),
    ...differenceBlock(`only-${a.subject} (${a.baseline} misses these)`, a.onlySubject),
  ].join('\n');
}

export function summaryTable(all: InputResult[]): string {
  const tools: ToolName[] = ['seams', 'depcruise', 'depcruise-swc', 'madge', 'floor'];
  const rows: string[][] = [
    [
      'input',
      'files',
      ...tools.map((t) => `${t} s`),
      'depcruise/seams',
      'depcruise-swc/seams',
      'madge/seams',
      'seams/floor',
      '% depcruise edges in seams',
    ],
  ];
  for (const r of all) {
    const get = (t: ToolName): ToolResult | undefined => r.results.find((x) => x.tool === t);
    const cell = (t: ToolName): string => {
      const x = get(t);
      return !x ? 'skip' : x.status === 'ok' ? x.wallS.toFixed(2) : x.status;
    };
    const s = get('seams');
    const rel = (t: ToolName): string => {
      const x = get(t);
      return s?.status === 'ok' && x?.status === 'ok'
        ? (pairedRatio(x.runs, s.runs)?.median.toFixed(1) ?? '-') + 'x'
        : x?.status === 'timeout' && s?.status === 'ok'
          ? `>${ratio(x.wallS, s.wallS)}`
          : '-';
    };
    const floor = get('floor');
    const overFloor =
      s?.status === 'ok' && floor?.status === 'ok' ? `${pairedRatio(s.runs, floor.runs)!.median.toFixed(1)}x` : '-';
    const dc = r.agreements.find((a) => a.baseline === 'depcruise' && a.subject === 'seams');
    rows.push([
      r.input.name,
      String(r.input.files.total),
      ...tools.map(cell),
      rel('depcruise'),
      rel('depcruise-swc'),
      rel('madge'),
      overFloor,
      dc ? `${(dc.recall * 100).toFixed(2)}%` : '-',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => row.map((c, i) => (i === 0 ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join(' | '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-|-'));
  return lines.join('\n');
}
