import { statementTables } from '../sql/statement-tables.ts';
import { stringValue, unwrap, type AnyNode, type DataDetector, type FoundAccess } from '../types.ts';

// A statement's table given as a value (`insert into ${table}`): the value is resolved when the file was seen.
type Hole =
  { kind: 'table'; table: string } | { kind: 'name'; name: string } | { kind: 'member'; object: string } | undefined;

interface Template {
  quasis: string[];
  holes: Hole[];
  start: number;
  function: string | undefined;
}

const CLASS_LIKE = /^[A-Z][\w$]*$/;
// What a helper's name says it does with the table it is given (`insertInto(Users)`, `buildUpdateWhere(pool)(Users)`).
const WRITE_HELPER = /insert|upsert|update|delete|remove/i;
const READ_HELPER = /find|select|count|exists|search/i;
const placeholder = (i: number) => `seams_table_${i}`;
const PLACEHOLDER = /^seams_table_(\d+)$/;

/**
 * slonik's `sql` tagged templates, whose table is a value rather than text: `sql\`insert into ${table} ...\`` with
 * `table` from a schema object (`const { table } = toIdentifiers(Users)`, `const users = toIdentifiers(Users)` and
 * `${users.table}`), or `${sql.identifier(['users'])}`. The table reported is the schema object's name as the code
 * writes it (`Users`), or the identifier's last string. Helpers built on such templates and given a schema object
 * (`insertInto(Users)`, `buildUpdateWhere(pool)(Users)`) write it, or read it, as their name says. Tables written as
 * text are the sql detector's. Bindings are per file, not per scope; a table that arrives as a parameter is unknown.
 */
export const slonik: DataDetector = {
  name: 'slonik',
  // Only a file naming slonik (its import): a cheap scan.
  trigger: 'slonik',
  create(context) {
    // Bindings to a schema object: `table` (or its alias) -> `Users`, and `users` whose `.table` is `Users`.
    const tables = new Map<string, string>();
    const schemas = new Map<string, string>();
    const templates: Template[] = [];
    const report = (access: Omit<FoundAccess, 'function'>) =>
      context.report({ ...access, function: context.functionName() });
    return {
      VariableDeclarator(node) {
        const init = node.init && unwrap(node.init);
        const schema = init?.type === 'CallExpression' ? schemaArgument(init) : undefined;
        if (schema === undefined) return;
        if (node.id.type === 'BindingIdentifier') schemas.set(node.id.name, schema);
        if (node.id.type !== 'ObjectPattern') return;
        for (const property of node.id.properties)
          if (property.key.type === 'IdentifierName' && property.key.name === 'table' && !property.computed) {
            const value = property.value;
            if (value.type === 'BindingIdentifier') tables.set(value.name, schema);
          }
      },
      CallExpression(node) {
        const schema = schemaArgument(node);
        const callee = unwrap(node.callee);
        // `helper(Users)` or `buildHelper(pool)(Users)`.
        const named = callee.type === 'CallExpression' ? unwrap(callee.callee) : callee;
        if (schema === undefined || named.type !== 'IdentifierReference') return;
        const access = WRITE_HELPER.test(named.name) ? 'write' : READ_HELPER.test(named.name) ? 'read' : undefined;
        if (access) report({ table: schema, access, start: node.start });
      },
      TemplateLiteral(node) {
        if (node.expressions.length === 0) return;
        templates.push({
          quasis: node.quasis.map((quasi) => quasi.value.cooked ?? ''),
          holes: node.expressions.map((expression) => holeOf(unwrap(expression))),
          start: node.start,
          function: context.functionName(),
        });
      },
      finish() {
        for (const template of templates) scan(template);
      },
    };

    /** The statement with each resolved table in its place, then the tables that stood there. */
    function scan({ quasis, holes, start, function: fn }: Template): void {
      const resolved = holes.map((hole) =>
        hole?.kind === 'table'
          ? hole.table
          : hole?.kind === 'name'
            ? tables.get(hole.name)
            : hole && schemas.get(hole.object),
      );
      if (resolved.every((table) => table === undefined)) return;
      // No table name can match across a value that is none: it stands as a character no name has.
      const text = quasis
        .map((quasi, i) =>
          i === 0 ? quasi : `${resolved[i - 1] === undefined ? '\u0000' : placeholder(i - 1)}${quasi}`,
        )
        .join('');
      if (!/^[\s(]*(?:select|insert|update|delete|with)\s/i.test(text)) return;
      for (const { table, access, index } of statementTables(text)) {
        const hole = PLACEHOLDER.exec(table)?.[1];
        if (hole === undefined) continue;
        const lineOffset = text.slice(0, index).split('\n').length - 1;
        context.report({
          table: resolved[Number(hole)]!,
          access,
          start,
          function: fn,
          ...(lineOffset > 0 ? { lineOffset } : {}),
        });
      }
    }
  },
};

/** The schema object a call is given first: `Users` in `toIdentifiers(Users)`; undefined for anything else. */
function schemaArgument(call: AnyNode & { type: 'CallExpression' }): string | undefined {
  const first = call.arguments[0] && unwrap(call.arguments[0]);
  return first?.type === 'IdentifierReference' && CLASS_LIKE.test(first.name) ? first.name : undefined;
}

/** What a template's `${...}` may name a table by. */
function holeOf(node: AnyNode): Hole {
  if (node.type === 'IdentifierReference') return { kind: 'name', name: node.name };
  if (node.type === 'StaticMemberExpression' && node.property.name === 'table') {
    const object = unwrap(node.object);
    return object.type === 'IdentifierReference' ? { kind: 'member', object: object.name } : undefined;
  }
  if (node.type !== 'CallExpression') return undefined;
  // `sql.identifier(['public', 'users'])`: the last name is the table's.
  const callee = unwrap(node.callee);
  const list = node.arguments[0] && unwrap(node.arguments[0]);
  if (callee.type !== 'StaticMemberExpression' || callee.property.name !== 'identifier') return undefined;
  if (list?.type !== 'ArrayExpression') return undefined;
  const last = list.elements[list.elements.length - 1];
  const table = last ? stringValue(last) : undefined;
  return table === undefined ? undefined : { kind: 'table', table };
}
