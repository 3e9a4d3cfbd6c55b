import type { ReportModel } from './report-model.ts';

type SharedFile = ReportModel['shared'][number];

/**
 * The plan's shared list holds two kinds of file: the shared kernel (a library the services use) and
 * named groups that are no service at all (tests, migrations, tool configs, scripts, composition roots).
 * Counted together they would call a project's test suite its shared kernel.
 */
export function splitShared(model: Pick<ReportModel, 'shared'>): {
  kernel: SharedFile[];
  groups: Array<{ group: string; files: SharedFile[] }>;
} {
  const kernel: SharedFile[] = [];
  const groups = new Map<string, SharedFile[]>();
  for (const file of model.shared) {
    if (file.group === undefined) kernel.push(file);
    else (groups.get(file.group) ?? groups.set(file.group, []).get(file.group)!).push(file);
  }
  return { kernel, groups: [...groups].map(([group, files]) => ({ group, files })) };
}
