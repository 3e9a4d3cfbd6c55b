import type { DataModel } from '@seams/graph';

const NAME = String.raw`((?:["\`\[]?[A-Za-z_][\w$]*["\`\]]?\.)?["\`\[]?[A-Za-z_][\w$]*["\`\]]?)`;
const CREATE = String.raw`\bCREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${NAME}\s*\(`;
const ALTER = String.raw`\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${NAME}([^;]*)`;
// `DROP TABLE a, b`; `RENAME TABLE a TO b` (MySQL).
const DROP = String.raw`\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?([^;]+)`;
const RENAME = String.raw`\bRENAME\s+TABLE\s+${NAME}\s+TO\s+${NAME}`;
// One pass in source order: a table created, then renamed or dropped further down, ends as the last statement left it.
const STATEMENT = new RegExp(`(?<create>${CREATE})|(?<alter>${ALTER})|(?<drop>${DROP})|(?<rename>${RENAME})`, 'gi');
const RENAME_TO = new RegExp(String.raw`^\s*RENAME\s+TO\s+${NAME}`, 'i');
const REFERENCES = new RegExp(String.raw`\bREFERENCES\s+${NAME}`, 'gi');
const unquote = (name: string) => name.replace(/["`[\]]/g, '');

/** The tables declared so far, by name, as schema files and migrations applied in order leave them. */
export type SqlSchema = Map<string, DataModel & { references: string[] }>;

/**
 * Applies one SQL schema or migration to the tables declared so far: `CREATE TABLE` declares a table with
 * the tables its foreign keys point to (`REFERENCES` in its body, or added by `ALTER TABLE ... ADD`);
 * `ALTER TABLE ... RENAME TO` and `RENAME TABLE` rename it, `DROP TABLE` removes it. Migrations are applied
 * in the order of their paths, as Prisma, knex and TypeORM order theirs (by folder or file name, which
 * start with a timestamp), so a table a later migration drops is no longer declared.
 */
export function applySql(schema: SqlSchema, from: string, source: string): void {
  // Comments become spaces of the same length, so offsets (and lines) stay those of the file.
  const text = source.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  for (const match of text.matchAll(STATEMENT)) {
    const groups = match.slice(1);
    if (match.groups!.create) {
      const table = unquote(groups[1]!);
      const bodyStart = match.index + match[0].length;
      const body = text.slice(bodyStart, closingParen(text, bodyStart));
      const line = text.slice(0, match.index).split('\n').length;
      schema.set(table, { from, line, name: table, table, detector: 'sql', references: referencesIn(body, table) });
    } else if (match.groups!.alter) {
      const table = unquote(groups[3]!);
      const rest = groups[4]!;
      const renamed = RENAME_TO.exec(rest);
      if (renamed) rename(schema, table, unquote(renamed[1]!));
      const model = schema.get(table);
      if (model) model.references = [...new Set([...model.references, ...referencesIn(rest, model.table)])];
    } else if (match.groups!.drop) {
      for (const name of groups[6]!.replace(/\b(?:CASCADE|RESTRICT)\b/gi, '').split(','))
        schema.delete(unquote(name.trim()));
    } else {
      rename(schema, unquote(groups[8]!), unquote(groups[9]!));
    }
  }
}

/** The declared tables as models, without the empty reference lists. */
export function sqlModels(schema: SqlSchema): DataModel[] {
  return [...schema.values()].map(({ references, ...model }) =>
    references.length > 0 ? { ...model, references } : model,
  );
}

// A renamed table keeps its declaration; foreign keys to the old name follow it.
function rename(schema: SqlSchema, from: string, to: string): void {
  const model = schema.get(from);
  if (!model) return;
  schema.delete(from);
  schema.set(to, { ...model, name: to, table: to });
  for (const other of schema.values())
    other.references = other.references.map((target) => (target === from ? to : target));
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
