import type { DataModel } from '@seams/graph';

const NAME = String.raw`((?:["\`\[]?[A-Za-z_][\w$]*["\`\]]?\.)?["\`\[]?[A-Za-z_][\w$]*["\`\]]?)`;
const CREATE = new RegExp(
  String.raw`\bCREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${NAME}\s*\(`,
  'gi',
);
const ALTER = new RegExp(String.raw`\bALTER\s+TABLE\s+(?:ONLY\s+)?(?:IF\s+EXISTS\s+)?${NAME}([^;]*)`, 'gi');
const REFERENCES = new RegExp(String.raw`\bREFERENCES\s+${NAME}`, 'gi');
const unquote = (name: string) => name.replace(/["`[\]]/g, '');

/**
 * The tables a SQL schema or migration creates, each with the tables its foreign keys point to
 * (`REFERENCES` in the table's body, or added later by `ALTER TABLE ... ADD ... REFERENCES`).
 */
export function schemaModels(from: string, source: string): DataModel[] {
  // Comments become spaces of the same length, so offsets (and lines) stay those of the file.
  const text = source.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const models = new Map<string, DataModel & { references: string[] }>();
  for (const match of text.matchAll(CREATE)) {
    const table = unquote(match[1]!);
    const body = text.slice(match.index + match[0].length, closingParen(text, match.index + match[0].length));
    const line = text.slice(0, match.index).split('\n').length;
    models.set(table, { from, line, name: table, table, detector: 'sql', references: referencesIn(body, table) });
  }
  for (const match of text.matchAll(ALTER)) {
    const model = models.get(unquote(match[1]!));
    if (model) model.references = [...new Set([...model.references, ...referencesIn(match[2]!, model.table)])];
  }
  return [...models.values()].map(({ references, ...model }) =>
    references.length > 0 ? { ...model, references } : model,
  );
}

function referencesIn(body: string, self: string): string[] {
  return [...new Set([...body.matchAll(REFERENCES)].map((m) => unquote(m[1]!)))].filter((target) => target !== self);
}

/** The offset of the parenthesis closing the one open at `start`; the end of the text when it never closes. */
function closingParen(text: string, start: number): number {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === "'") i = text.indexOf("'", i + 1) === -1 ? text.length : text.indexOf("'", i + 1);
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  return text.length;
}
