import type { FileHistory, History, Plan } from '@seams/graph';
import { compareCodeUnits } from './code-unit-order.ts';
import type { Ownership, ServiceOwnership, TeamShare } from './report-model.ts';

/**
 * A service has an owning team when one team makes at least 70% of its changes: one team that can
 * change and deploy it alone, as two-pizza teams and Team Topologies' stream-aligned teams ask.
 * Not 100%: others' drive-by fixes and chores (a rename, a dependency bump) are normal. Below 70%
 * a second team makes a third of the changes or more, and in practice the service has two owners.
 */
export const OWNING_SHARE = 0.7;

type Basis = TeamShare['basis'];
// When one name comes from two bases (config teams named like CODEOWNERS handles), the first listed is shown.
const BASES: readonly Basis[] = ['teams', 'codeowners', 'author'];

/**
 * The team a change to `file` by `author` counts for: the author's team from the config, else the
 * file's first CODEOWNERS owner (a whole change to one owner: splitting it among several would make
 * fractions of changes), else the author alone. Without teams or CODEOWNERS every author is a team of one.
 */
function teamOf(history: History, file: FileHistory, author: string): { team: string; basis: Basis } {
  const team = history.teams?.[author];
  if (team !== undefined) return { team, basis: 'teams' };
  const owner = file.owners?.[0];
  if (owner !== undefined) return { team: owner, basis: 'codeowners' };
  return { team: author, basis: 'author' };
}

/** Per service: the teams changing its files, with their shares, and its owning team if it has one. */
export function serviceOwnership(
  history: History,
  plan: Plan,
): { services: Map<string, ServiceOwnership>; basis: Ownership['basis'] } {
  const fileHistory = new Map(history.files.map((file) => [file.path, file]));
  const basis: Ownership['basis'] = { teams: 0, codeowners: 0, author: 0 };
  const services = new Map<string, ServiceOwnership>();
  for (const service of plan.services) {
    const teams = new Map<string, { basis: Basis; changes: number }>();
    for (const path of service.files) {
      const file = fileHistory.get(path);
      if (!file) continue;
      for (const [author, changes] of Object.entries(file.authors)) {
        const credit = teamOf(history, file, author);
        basis[credit.basis] += changes;
        const entry = teams.get(credit.team) ?? { basis: credit.basis, changes: 0 };
        entry.changes += changes;
        if (BASES.indexOf(credit.basis) < BASES.indexOf(entry.basis)) entry.basis = credit.basis;
        teams.set(credit.team, entry);
      }
    }
    services.set(service.id, ownershipOf(teams));
  }
  return { services, basis };
}

function ownershipOf(teams: ReadonlyMap<string, { basis: Basis; changes: number }>): ServiceOwnership {
  const changes = [...teams.values()].reduce((sum, team) => sum + team.changes, 0);
  const shares: TeamShare[] = [...teams]
    .map(([team, entry]) => ({
      team,
      basis: entry.basis,
      changes: entry.changes,
      share: round(entry.changes / changes),
    }))
    .sort((a, b) => b.changes - a.changes || compareCodeUnits(a.team, b.team));
  const top = shares[0];
  // Decided on the exact fraction: a rounded share could tip a service just under the line over it.
  const owner = top !== undefined && top.changes / changes >= OWNING_SHARE ? top.team : undefined;
  return { changes, teams: shares, ...(owner !== undefined ? { owner } : {}) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
