import { SEAMS_VERSION } from '@seams/graph';
import type { CheckResult } from '../baseline.ts';
import { RULES, type Finding } from '../finding.ts';
import { RULE_DOCS } from '../rule-docs.ts';
import { exitCodeOf, locate, type FormatOptions, type FormatOutput } from './format-output.ts';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
// GitHub code scanning's name for the checkout; other viewers resolve it through originalUriBaseIds.
const BASE_ID = '%SRCROOT%';

/**
 * SARIF 2.1.0 for code scanning: one result per new finding, identified across runs by our
 * fingerprint. Baselined findings are left out rather than marked suppressed, because GitHub code
 * scanning ignores `suppressions` and would open an alert for each.
 */
export function formatSarif(result: CheckResult, options: FormatOptions): FormatOutput {
  const rules = RULES.map((id) => {
    const doc = RULE_DOCS[id];
    return {
      id,
      name: doc.name,
      shortDescription: { text: doc.short },
      fullDescription: { text: doc.full },
      help: { text: doc.help },
      defaultConfiguration: { level: 'error' },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'seams', version: SEAMS_VERSION, rules } },
        ...(options.root ? { originalUriBaseIds: { [BASE_ID]: { uri: directoryUri(options.root) } } } : {}),
        results: result.fresh.map((finding) => resultOf(finding, options)),
      },
    ],
  };
  return { output: JSON.stringify(log, null, 2) + '\n', exitCode: exitCodeOf(result) };
}

function resultOf(finding: Finding, options: FormatOptions) {
  const artifactLocation = { uri: encodePath(locate(options, finding.from)), uriBaseId: BASE_ID };
  // SARIF lines start at 1; an imported graph that does not know the line gets the file alone.
  const region = finding.line > 0 ? { region: { startLine: finding.line } } : {};
  return {
    ruleId: finding.rule,
    ruleIndex: RULES.indexOf(finding.rule),
    level: 'error',
    message: { text: `${finding.message}\nfix: ${finding.fix}` },
    locations: [{ physicalLocation: { artifactLocation, ...region } }],
    partialFingerprints: { 'seams/v1': finding.fingerprint },
  };
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

// `/home/me/shop` -> `file:///home/me/shop/`; a Windows root `C:/shop` -> `file:///C:/shop/`, drive colon kept.
function directoryUri(root: string): string {
  const path = root.endsWith('/') ? root : `${root}/`;
  const drive = /^[A-Za-z]:/.exec(path)?.[0] ?? '';
  const rest = path.slice(drive.length);
  return `file://${drive ? `/${drive}` : ''}${encodePath(rest)}`;
}
