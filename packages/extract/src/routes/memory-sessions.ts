// Session middleware whose sessions stay in the memory of the process that made them unless its options name a store.
const IN_MEMORY_BY_DEFAULT = /(?:\bfrom\s*|\brequire\(\s*)['"](express-session|@fastify\/session|fastify-session)['"]/;
// A `store` option: `store: new RedisStore(...)`, or `{ store }`.
const STORE_OPTION = /\bstore\s*[:,}]/;

/**
 * The monolith's files that set up sessions kept in the process's memory: express-session or @fastify/session
 * (their default MemoryStore) with no `store` in the file. The route server runs the monolith's setup in a
 * process of its own, so a session one of them makes is unknown to the other: routed remote, a login the service
 * answers is not the monolith's, and the requests that carry its cookie are refused. One line each, at the import.
 */
export function memorySessions(files: readonly string[], readFile: (path: string) => string): string[] {
  const found: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFile(file);
    } catch {
      continue;
    }
    const imported = IN_MEMORY_BY_DEFAULT.exec(text);
    if (!imported || STORE_OPTION.test(text)) continue;
    const line = text.slice(0, imported.index).split('\n').length;
    found.push(`${file}:${line} (\`${imported[1]}\` with no \`store\`)`);
  }
  return found.sort();
}
