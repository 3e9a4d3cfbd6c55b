import type { Coordination, ServiceOwnership } from './report-model.ts';

/**
 * A team making at least 10% of a service's changes has to agree its changes with the other teams
 * doing so. Below that it is a drive-by contributor whose change the owners review, as they review
 * anyone's: counting it would list a pair for every one-off fix and bury the real overlaps.
 */
export const COORDINATING_SHARE = 0.1;

/**
 * Where two teams would have to coordinate, in plan order: each service with changes but no owning
 * team (with every team that changed it), then every pair of teams both making the coordinating share
 * of a service's changes. An unchanged service needs nobody, so it is not listed.
 */
export function coordinationPoints(
  services: ReadonlyArray<{ id: string; ownership: ServiceOwnership }>,
): Coordination[] {
  const points: Coordination[] = [];
  for (const { id, ownership } of services) {
    if (ownership.changes === 0) continue;
    const share = ({ team, share }: { team: string; share: number }) => ({ team, share });
    if (ownership.owner === undefined)
      points.push({ service: id, kind: 'no-owner', teams: ownership.teams.map(share) });
    const coordinating = ownership.teams.filter((team) => team.changes / ownership.changes >= COORDINATING_SHARE);
    coordinating.forEach((first, i) => {
      for (const second of coordinating.slice(i + 1))
        points.push({ service: id, kind: 'two-teams', teams: [share(first), share(second)] });
    });
  }
  return points;
}
