import type { RuleId } from './finding.ts';

/** What each rule guards, for SARIF rule metadata and documentation. */
export interface RuleDoc {
  /** PascalCase name, as SARIF viewers show it. */
  name: string;
  short: string;
  full: string;
  help: string;
}

export const RULE_DOCS: Record<RuleId, RuleDoc> = {
  'internal-import': {
    name: 'InternalImport',
    short: "Import of another service's internal file",
    full: 'A file of one service imports a file of another service that is not one of its entries, the files its public list in the plan names (its facade or contract).',
    help: "Import through an entry of the other service, or add the file to that service's public list in the plan if other services are meant to use it.",
  },
  'undeclared-dependency': {
    name: 'UndeclaredDependency',
    short: 'Dependency on a service that dependsOn leaves out',
    full: 'A service whose plan entry has a dependsOn list imports from a service the list does not name.',
    help: 'Remove the import, or add the service to the dependsOn list in the plan if the dependency is intended.',
  },
  'service-cycle': {
    name: 'ServiceCycle',
    short: 'Services that depend on each other in a loop',
    full: 'Services whose imports form a loop cannot be extracted or deployed one at a time. Reported once per loop, at an import of its lightest link.',
    help: 'Break the loop at the reported link: move what is used into the importing service or the shared group, or invert the dependency with a callback or an event.',
  },
  'forbidden-shared': {
    name: 'ForbiddenShared',
    short: 'Import of a shared file the service may not use',
    full: 'A service imports a file of the shared group whose allow list in the plan does not name the service.',
    help: "Use the file through one of the allowed services, or add the service to the file's allow list in the plan.",
  },
  'table-write': {
    name: 'TableWrite',
    short: "Write to another service's table",
    full: 'A file of one service writes a table another service owns: the one whose tables list in the plan names it, else the one that writes it most. Two writers of one table cannot split their database.',
    help: "Change the rows through a call to the owning service, or give the table to this service in the plan's tables list.",
  },
  'unassigned-file': {
    name: 'UnassignedFile',
    short: 'File in no service',
    full: 'A file the plan does not list and whose folder decides no owner: the check cannot tell which boundaries its imports cross, so it reports the file itself, with the service its imports point to.',
    help: 'Add the file to a service (or to the shared group) in the plan.',
  },
  'missing-file': {
    name: 'MissingFile',
    short: 'File of the plan that no longer exists',
    full: 'The plan lists a file the project no longer has, and no file of the same name appeared elsewhere: the plan has drifted from the code.',
    help: 'Remove the file from the plan, or restore it.',
  },
  'moved-file': {
    name: 'MovedFile',
    short: 'File of the plan that looks moved',
    full: 'The plan lists a file that is gone, and a file of the same name the plan does not list appeared elsewhere (a renamed folder, a moved file). It is checked as a file of its old service meanwhile.',
    help: 'Replace the old path with the new one in the plan, or place the file where it belongs now.',
  },
};
