import type { Ownership, ServiceOwnership } from '../report-model.ts';
import { formatCount, formatPercent } from './format-values.ts';
import { html, type SafeHtml } from './html-template.ts';
import type { ServiceLookup } from './service-refs.ts';

type Share = { team: string; share: number };

const teamShare = (team: Share) => html`<code>${team.team}</code> ${formatPercent(team.share)}`;
const teamList = (teams: readonly Share[], separator: string) =>
  teams.map((team, i) => html`${i > 0 && separator}${teamShare(team)}`);

/** The card's ownership line (ending its own line): who changes the service, and whether one team owns it. */
export function renderOwnershipLine(ownership: ServiceOwnership | undefined): SafeHtml | false {
  if (!ownership) return false;
  const { changes, teams, owner } = ownership;
  if (changes === 0)
    return html`<p class="card-ownership">Ownership: no changes in the history read.</p>
`;
  const count = `${formatCount(changes)} ${changes === 1 ? 'change' : 'changes'}`;
  if (owner === undefined)
    return html`<p class="card-ownership">Ownership: no owning team among ${count}: ${teamList(teams, ', ')}.</p>
`;
  const others = teams.filter((team) => team.team !== owner);
  return html`<p class="card-ownership">Ownership: owned by <code>${owner}</code>, ${formatPercent(teams[0]!.share)} of ${count}${others.length > 0 && html`; others: ${teamList(others, ', ')}`}.</p>
`;
}

/**
 * Where teams would have to coordinate, and the hot spots (starting on a new line): only for graphs with git history.
 */
export function renderOwnership(ownership: Ownership | undefined, services: ServiceLookup): SafeHtml | false {
  if (!ownership) return false;
  const { window, coordination, hotSpots } = ownership;
  return html`
<section id="ownership" aria-labelledby="ownership-heading">
<h2 id="ownership-heading">Ownership and hot spots</h2>
<p class="hint">From the git history: ${formatCount(window.commits)} commits${window.since && window.until && html`, ${window.since.slice(0, 10)} to ${window.until.slice(0, 10)}`}. A service has an owning team when one team makes at least ${formatPercent(ownership.owningShare)} of its changes.</p>
<h3>Where teams would have to coordinate</h3>
${
  coordination.length === 0
    ? html`<p class="none">Nowhere: every changed service has an owning team.</p>`
    : html`<div class="scroll"><table class="coordination"><thead><tr><th scope="col">Service</th><th scope="col">Why</th><th scope="col">Teams</th></tr></thead><tbody>
${coordination.map(
  (
    point,
  ) => html`<tr><th scope="row">${services.ref(point.service)}</th><td>${point.kind === 'no-owner' ? `no team makes ${formatPercent(ownership.owningShare)}` : 'both change it'}</td><td>${teamList(point.teams, point.kind === 'no-owner' ? ', ' : ' and ')}</td></tr>
`,
)}</tbody></table></div>`
}
<h3>Hot spots</h3>
<p class="hint">Files that change a lot and tie services together: <code>${ownership.hotSpotFormula}</code>.</p>
${
  hotSpots.length === 0
    ? html`<p class="none">None: no changed file has a dependency across a service boundary.</p>`
    : html`<div class="scroll"><table class="hot-spots"><thead><tr><th scope="col">File</th><th scope="col">Service</th><th scope="col" class="num">Churn</th><th scope="col" class="num">Commits</th><th scope="col" class="num">Crossing</th><th scope="col" class="num">Score</th></tr></thead><tbody>
${hotSpots.map(
  (
    spot,
  ) => html`<tr data-file="${spot.path}"><th scope="row"><code>${spot.path}</code></th><td>${spot.service === undefined ? 'shared kernel' : services.ref(spot.service)}</td><td class="num">${formatCount(spot.churn)}</td><td class="num">${formatCount(spot.commits)}</td><td class="num">${formatCount(spot.crossing)}</td><td class="num">${formatCount(spot.score)}</td></tr>
`,
)}</tbody></table></div>`
}
</section>`;
}
