import {
  isTableOwner,
  PATTERN_NAMES,
  type AccessSite,
  type TableOwnership,
  type TableParty,
  type TableUse,
} from '@seams/graph';
import type { ServiceData } from '../report-model.ts';
import { formatCount } from './format-values.ts';
import { html, type SafeHtml } from './html-template.ts';
import type { ServiceLookup } from './service-refs.ts';

const site = (s: AccessSite) =>
  html`<code>${s.file}:${s.line}</code>${s.function && html` in <code>${s.function}</code>`}`;
const joined = (items: SafeHtml[], empty: string) =>
  items.length === 0 ? empty : items.map((item, i) => html`${i > 0 && ', '}${item}`);

/** The card's data line (ending its own line): the tables the service takes along, and those it must untie. */
export function renderDataLine(data: ServiceData | undefined, services: ServiceLookup): SafeHtml | false {
  if (!data) return false;
  const foreign = (tables: ServiceData['reads']) =>
    joined(
      tables.map(({ table, owner }) => html`<code>${table}</code> (${owner ? services.ref(owner) : 'no owner'})`),
      '',
    );
  return html`<p class="card-data">Data: ${
    data.owns.length > 0
      ? html`owns ${joined(
          data.owns.map((t) => html`<code>${t}</code>`),
          '',
        )}`
      : 'owns no table'
  }${data.alsoWrites.length > 0 && html`; also writes ${foreign(data.alsoWrites)}`}${data.reads.length > 0 && html`; reads ${foreign(data.reads)}`}.</p>
`;
}

/**
 * Table owners, shared writes, cross-service transactions and foreign keys (starting on a new line): only for graphs
 * with table accesses.
 */
export function renderData(data: TableOwnership | undefined, services: ServiceLookup): SafeHtml | false {
  if (!data) return false;
  const party = (p: TableParty) => (p.service ? services.ref(p.service) : html`shared kernel`);
  const others = (parties: TableParty[], t: TableUse) =>
    joined(parties.filter((p) => !isTableOwner(p, t)).map(party), '-');
  const shared = data.tables.filter((t) => t.writers.length > 1);
  return html`
<section id="data" aria-labelledby="data-heading">
<h2 id="data-heading">Data ownership</h2>
<p class="hint">From the data detectors: ${formatCount(data.tables.length)} tables. A table's owner is the service that writes it (the most write sites when several do); it leaves with that service.</p>
<div class="scroll"><table class="tables"><thead><tr><th scope="col">Table</th><th scope="col">Owner</th><th scope="col">Also written by</th><th scope="col">Also read by</th><th scope="col">Untie by</th></tr></thead><tbody>
${data.tables.map(
  (
    t,
  ) => html`<tr><th scope="row"><code>${t.name}</code></th><td>${t.owner ? services.ref(t.owner) : t.writers.some((p) => !p.service) ? 'shared kernel' : 'none'}</td><td>${others(t.writers, t)}</td><td>${others(t.readers, t)}</td><td>${t.pattern ? html`<abbr title="${t.pattern.why}">${PATTERN_NAMES[t.pattern.kind]}</abbr>` : '-'}</td></tr>
`,
)}</tbody></table></div>
<h3>Tables written by several services</h3>
${
  shared.length === 0
    ? html`<p class="none">None: every table has one writer.</p>`
    : html`<ul class="shared-tables">${shared.map(
        (
          t,
        ) => html`<li><code>${t.name}</code>${t.pattern && html`: ${PATTERN_NAMES[t.pattern.kind]}; ${t.pattern.why}`}<ul>${t.writers.map((w) => html`<li>${party(w)}${isTableOwner(w, t) && ' (owner)'}: ${joined(w.sites.map(site), '')}</li>`)}</ul></li>
`,
      )}</ul>`
}
<h3>Cross-service transactions</h3>
<p class="hint">Functions writing tables of more than one owner: a local transaction today, a distributed one (a saga) after a split.</p>
${
  data.transactions.length === 0
    ? html`<p class="none">None.</p>`
    : html`<div class="scroll"><table class="transactions"><thead><tr><th scope="col">Function</th><th scope="col">In service</th><th scope="col">Writes</th></tr></thead><tbody>
${data.transactions.map(
  (
    t,
  ) => html`<tr><th scope="row"><code>${t.function}</code> in <code>${t.file}</code></th><td>${t.service ? services.ref(t.service) : 'shared kernel'}</td><td>${joined(
    t.writes.map(
      (w) =>
        html`<code>${w.table}</code> (${w.owner ? services.ref(w.owner) : 'no owner'}, line ${w.lines.join(', ')})`,
    ),
    '',
  )}</td></tr>
`,
)}</tbody></table></div>`
}
<h3>Foreign keys between services</h3>
${
  data.foreignKeys.length === 0
    ? html`<p class="none">None.</p>`
    : html`<div class="scroll"><table class="foreign-keys"><thead><tr><th scope="col">Table</th><th scope="col">Owner</th><th scope="col">References</th><th scope="col">Owner</th></tr></thead><tbody>
${data.foreignKeys.map(
  (
    k,
  ) => html`<tr><th scope="row"><code>${k.table}</code></th><td>${k.owner ? services.ref(k.owner) : 'no owner'}</td><td><code>${k.references}</code></td><td>${k.referencedOwner ? services.ref(k.referencedOwner) : 'no owner'}</td></tr>
`,
)}</tbody></table></div>`
}
</section>`;
}
