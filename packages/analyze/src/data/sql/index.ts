import type { AnyNode, DataDetector } from '../types.ts';
import { statementTables } from './statement-tables.ts';

// A string is taken for SQL only when it starts like a statement, its keyword in upper or lower case:
// prose mentioning "update" or "from", or a sentence starting "Select", is not.
const STATEMENT = /^[\s(]*(?:SELECT|INSERT|UPDATE|DELETE|WITH|select|insert|update|delete|with)\s/;
const LITERAL_STATEMENT =
  String.raw`['"\`](?:[\s(]|\\[nrt])*` +
  String.raw`(?:SELECT|INSERT|UPDATE|DELETE|WITH|select|insert|update|delete|with)(?:\s|\\[nrt])`;
// Where `${expr}` stood: no table name can match across it.
const HOLE = '\u0000';

/**
 * Raw SQL in string and template literals (the static parts of a template): tables after FROM and JOIN
 * are read; INSERT INTO, UPDATE ... SET and DELETE FROM write (statement-tables.ts). A statement split over several
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
      for (const { table, access, index } of statementTables(text)) {
        // A template's line breaks are the source's: the keyword's line is the literal's plus those before it.
        const lineOffset = multiline ? text.slice(0, index).split('\n').length - 1 : 0;
        context.report({
          table,
          access,
          start: node.start,
          function: context.functionName(),
          ...(lineOffset > 0 ? { lineOffset } : {}),
        });
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
