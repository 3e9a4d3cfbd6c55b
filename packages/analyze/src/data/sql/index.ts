import type { AnyNode, DataDetector, FoundAccess } from '../types.ts';

// A string is taken for SQL only when it starts like a statement, its keyword in upper or lower case:
// prose mentioning "update" or "from", or a sentence starting "Select", is not.
const STATEMENT = /^[\s(]*(?:SELECT|INSERT|UPDATE|DELETE|WITH|select|insert|update|delete|with)\s/;
const LITERAL_STATEMENT =
  String.raw`['"\`](?:[\s(]|\\[nrt])*` +
  String.raw`(?:SELECT|INSERT|UPDATE|DELETE|WITH|select|insert|update|delete|with)(?:\s|\\[nrt])`;
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
// either).
// `dual` is the one-row table of Oracle and MySQL constant selects.
const KEYWORDS = new Set(['select', 'lateral', 'unnest', 'only', 'json_table', 'generate_series', 'dual']);
// A common table expression's name (`WITH [RECURSIVE] chain [(cols)] AS (`, or `, next AS (` after one) is no table.
const CTE = new RegExp(
  String.raw`(?:\bWITH\s+(?:RECURSIVE\s+)?|\)\s*,\s*)${NAME}\s*(?:\([^)]*\)\s*)?AS\s*(?:NOT\s+)?(?:MATERIALIZED\s+)?\(`,
  'gi',
);
const unquote = (name: string) => name.replace(/["`[\]]/g, '');
// Where `${expr}` stood: no table name can match across it.
const HOLE = '\u0000';

/**
 * Raw SQL in string and template literals (the static parts of a template): tables after FROM and JOIN
 * are read; INSERT INTO, UPDATE ... SET and DELETE FROM write. A statement split over several
 * concatenated strings is seen only as far as each string shows it.
 */
export const sql: DataDetector = {
  name: 'sql',
  // A literal that opens like a statement (the quote first: a cheap scan), then a keyword in the shape a statement has.
  trigger: LITERAL_STATEMENT,
  isEnabled: (text) =>
    /\b(?:SELECT|INSERT|UPDATE|DELETE)\s/.test(text) ||
    /\b(?:select\s[^'"`]*\bfrom|insert\s+into|delete\s+from|update\s+\w+\s+set)\s/.test(text),
  create(context) {
    const scan = (node: AnyNode, text: string, multiline: boolean) => {
      if (!STATEMENT.test(text)) return;
      const ctes = new Set([...text.matchAll(CTE)].map((match) => unquote(match[1]!).toLowerCase()));
      for (const { pattern, access } of PATTERNS) {
        for (const match of text.matchAll(pattern)) {
          const table = unquote(match[1]!);
          if (KEYWORDS.has(table.toLowerCase()) || ctes.has(table.toLowerCase())) continue;
          // A template's line breaks are the source's: the keyword's line is the literal's plus those before it.
          const lineOffset = multiline ? text.slice(0, match.index).split('\n').length - 1 : 0;
          context.report({
            table,
            access,
            start: node.start,
            function: context.functionName(),
            ...(lineOffset > 0 ? { lineOffset } : {}),
          });
        }
      }
    };
    return {
      StringLiteral(node) {
        scan(node, node.value, false);
      },
      TemplateLiteral(node) {
        scan(node, node.quasis.map((quasi) => quasi.value.cooked ?? '').join(HOLE), true);
      },
    };
  },
};
