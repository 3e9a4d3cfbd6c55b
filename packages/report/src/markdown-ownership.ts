import { HOT_SPOT_COUNT } from './hot-spots.ts';
import { code, table, text } from './markdown-text.ts';
import type { Ownership, ServiceOwnership } from './report-model.ts';
import { plural } from './wording.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;
// In a code span, so that a report posted on a pull request does not notify @org/team owners.
const teamShare = ({ team, share }: { team: string; share: number }) => `${code(team)} ${percent(share)}`;

/** The "Ownership" line of a service card. */
export function ownershipLine(ownership: ServiceOwnership): string {
  const { changes, teams, owner } = ownership;
  if (changes === 0) return '- **Ownership**: no changes in the history read';
  const count = plural(changes, 'change');
  if (owner === undefined) return `- **Ownership**: no owning team among ${count}: ${teams.map(teamShare).join(', ')}`;
  const others = teams.filter((team) => team.team !== owner);
  return `- **Ownership**: owned by ${code(owner)}, ${percent(teams[0]!.share)} of ${count}${others.length === 0 ? '' : `; others: ${others.map(teamShare).join(', ')}`}`;
}

/** The "Ownership and hot spots" section (the HTML report has its own, render-ownership.ts). */
export function ownershipMarkdown(ownership: Ownership, nameOf: (id: string) => string): string {
  return [
    '## Ownership and hot spots',
    intro(ownership),
    coordination(ownership, nameOf),
    hotSpots(ownership, nameOf),
  ].join('\n\n');
}

function intro({ window, basis, owningShare }: Ownership): string {
  const dates = window.since && window.until ? `, ${window.since.slice(0, 10)} to ${window.until.slice(0, 10)}` : '';
  return [
    `From the git history: ${plural(window.commits, 'commit')}${dates}. A change is one file changed in one commit.`,
    `Changes count for the author's team in the config (${plural(basis.teams, 'change')}), else for the file's first CODEOWNERS owner (${basis.codeowners}), else for the author alone (${basis.author}).`,
    `A service has an owning team when one team makes at least ${percent(owningShare)} of its changes; each service card says who.`,
  ].join(' ');
}

function coordination(
  { coordination: points, coordinatingShare, owningShare }: Ownership,
  nameOf: (id: string) => string,
): string {
  const heading = `**Where teams would have to coordinate** (teams making at least ${percent(coordinatingShare)} of a service's changes)`;
  if (points.length === 0)
    return `${heading}: nowhere; every changed service has an owning team and no second team makes that share of its changes.`;
  const rows = points.map((point) =>
    point.kind === 'no-owner'
      ? [text(nameOf(point.service)), `no team makes ${percent(owningShare)}`, point.teams.map(teamShare).join(', ')]
      : [text(nameOf(point.service)), 'both change it', point.teams.map(teamShare).join(' and ')],
  );
  return `${heading}:\n\n${table(['service', 'why', 'teams'], 'lll', rows)}`;
}

function hotSpots({ hotSpots: spots, hotSpotFormula }: Ownership, nameOf: (id: string) => string): string {
  const heading = `**Hot spots**: files that change a lot and tie services together, top ${HOT_SPOT_COUNT} by score.\n\n    ${hotSpotFormula}`;
  if (spots.length === 0) return `${heading}\n\nNone: no changed file has a dependency across a service boundary.`;
  const rows = spots.map((spot) => [
    code(spot.path),
    spot.service === undefined ? 'shared kernel' : text(nameOf(spot.service)),
    String(spot.churn),
    String(spot.commits),
    String(spot.crossing),
    String(spot.score),
  ]);
  return `${heading}\n\n${table(['file', 'service', 'churn', 'commits', 'crossing', 'score'], 'llrrrr', rows)}`;
}
