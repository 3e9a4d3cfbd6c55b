import { posix } from 'node:path';
import type { Plan } from '@seams/graph';
import type { PlanContext } from '@seams/boundaries';
import { ownerOf, SHARED } from './lookups.ts';
import { apiRows, fileLinkRows, fileRows, linkRows, tableRows } from './view-rows.ts';
import type { View } from './ui-state.ts';

/** The file the cursor is on (or the file whose page is open); undefined where no file is selected. */
export function selectedFile(plan: Plan, context: PlanContext, view: View): string | undefined {
  switch (view.kind) {
    case 'shared':
      return plan.shared[view.cursor]?.path;
    case 'review':
      return plan.review[view.cursor]?.path;
    case 'service':
      return view.part === 'files' ? fileRows(plan, view.id)[view.cursor]?.path : undefined;
    case 'file':
      return view.path;
    case 'services':
      return undefined;
  }
}

/** The file an entry key acts on: the selected file, or on a service's API the file of the name. */
export function entryTarget(plan: Plan, context: PlanContext, view: View): string | undefined {
  if (view.kind === 'service' && view.part === 'api') {
    const row = apiRows(plan, view.id)[view.cursor];
    return row === undefined ? undefined : row.slice(0, row.lastIndexOf('#'));
  }
  return selectedFile(plan, context, view);
}

/** The service the cursor is on, or whose page (or file's page) is open. */
export function selectedService(plan: Plan, view: View): string | undefined {
  switch (view.kind) {
    case 'services':
      return plan.services[view.cursor]?.id;
    case 'service':
      return view.id;
    case 'file': {
      const owner = ownerOf(plan).get(view.path);
      return owner === SHARED ? undefined : owner;
    }
    default:
      return undefined;
  }
}

/** Where Enter on the current row leads. */
export function rowTarget(plan: Plan, context: PlanContext, view: View): View | undefined {
  switch (view.kind) {
    case 'services': {
      const id = plan.services[view.cursor]?.id;
      return id ? { kind: 'service', id, part: 'files', cursor: 0 } : undefined;
    }
    case 'service': {
      if (view.part === 'links') {
        const row = linkRows(plan, view.id)[view.cursor];
        return row ? { kind: 'service', id: row.service, part: 'files', cursor: 0 } : undefined;
      }
      if (view.part === 'tables') {
        const owner = tableRows(plan, context, view.id)[view.cursor]?.owner;
        return owner && owner !== view.id ? { kind: 'service', id: owner, part: 'tables', cursor: 0 } : undefined;
      }
      if (view.part === 'api') return undefined;
      const path = fileRows(plan, view.id)[view.cursor]?.path;
      return path ? { kind: 'file', path, cursor: 0 } : undefined;
    }
    case 'file': {
      const path = fileLinkRows(plan, context, view.path)[view.cursor]?.path;
      return path ? { kind: 'file', path, cursor: 0 } : undefined;
    }
    case 'shared':
    case 'review': {
      const path = selectedFile(plan, context, view);
      return path ? { kind: 'file', path, cursor: 0 } : undefined;
    }
  }
}

/** The files of the folder holding `file`, in services or the shared group: a folder moves as one. */
export function folderOf(plan: Plan, file: string): { folder: string; files: string[] } {
  const folder = posix.dirname(file);
  const prefix = folder === '.' ? '' : `${folder}/`;
  const files = [...ownerOf(plan).keys()].filter((path) => path.startsWith(prefix)).sort();
  return { folder, files };
}
