import type { FoundAccess } from '../types.ts';

// A table name, optionally schema-qualified and quoted: orders, public.orders, "orders", `orders`, [orders].
const NAME = String.raw`((?:["\`\[]?[A-Za-z_][\w$]*["\`\]]?\.)?["\`\[]?[A-Za-z_][\w$]*["\`\]]?)`;
const PATTERNS: Array<{ pattern: RegExp; access: FoundAccess['access'] }> = [
  { pattern: new RegExp(String.raw`\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s+${NAME}`, 'gi'), access: 'write' },
  // `UPDATE t SET`: requiring SET leaves out `ON CONFLICT DO UPDATE SET`.
  {
    pattern: new RegExp(String.raw`\bUPDATE\s+(?:ONLY\s+)?${NAME}\s+(?:(?:AS\s+)?\w+\s+)?SET\b`, 'gi'),
    access: 'write',
  },
  { pattern: new RegExp(String.raw`\bDELETE\s+FROM\s+(?:ONLY\s+)?${NAME}`, 'gi'), access: 'write' },
  { pattern: new RegExp(String.raw`\b(?<!DELETE\s+)FROM\s+${NAME}`, 'gi'), access: 'read' },
  { pattern: new RegExp(String.raw`\bJOIN\s+${NAME}`, 'gi'), access: 'read' },
];
// Words that follow FROM or JOIN without being a table (`EXTRACT(YEAR FROM ts)` aside, which SQL cannot tell apart
// either). `dual` is the one-row table of Oracle and MySQL constant selects.
const KEYWORDS = new Set(['select', 'lateral', 'unnest', 'only', 'json_table', 'generate_series', 'dual']);
// The database's own catalogs (`pg_catalog.pg_tables`, `information_schema.tables`): no table of the app.
const CATALOG = /^(?:pg_catalog|information_schema)\./i;
// String values (`'from the tenant'`, `''` inside escaping a quote), `-- to the end of the line` and `/* ... */`:
// blanked, line breaks kept, so a word in a value or a comment is no table. One pass: `--` in a value is no comment.
const COMMENT = /'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\//g;
// `WITH recent AS (`, `, totals (a, b) AS MATERIALIZED (`: names a statement defines for itself.
const CTE = /\b([A-Za-z_][\w$]*)\s*(?:\([^()]*\))?\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(/gi;

/** A table a statement names, where in the text it does. */
export interface StatementTable {
  table: string;
  access: FoundAccess['access'];
  index: number;
}

/**
 * The tables a SQL text reads (after FROM and JOIN) and writes (INSERT INTO, UPDATE ... SET, DELETE FROM). Left
 * out: words in string values and comments, a set-returning function after FROM (`jsonb_each(x)`), the statement's
 * own CTE names and the database's catalogs.
 */
export function statementTables(sql: string): StatementTable[] {
  const text = sql.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ' '));
  const ctes = /\bWITH\b/i.test(text) ? new Set([...text.matchAll(CTE)].map((m) => m[1]!.toLowerCase())) : undefined;
  const found: StatementTable[] = [];
  for (const { pattern, access } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const table = match[1]!.replace(/["`[\]]/g, '');
      const lower = table.toLowerCase();
      if (KEYWORDS.has(lower) || ctes?.has(lower) || CATALOG.test(table)) continue;
      if (access === 'read' && /^\s*\(/.test(text.slice(match.index + match[0].length))) continue;
      found.push({ table, access, index: match.index });
    }
  }
  return found;
}
