/**
 * An Express-style route path as an anchored regular expression source, the subset both JavaScript and
 * nginx (PCRE) read alike: `:id` (with an optional inline pattern) matches one segment, a whole `:id?`
 * segment may be absent, `*` matches anything, the rest is literal; a trailing slash is allowed, as Express
 * allows it. Undefined for a path with characters a route path does not need (quotes, `$`, spaces, `\`),
 * which the generated code and the gateway table must never carry.
 */
export function routePattern(path: string): string | undefined {
  if (!/^\/[A-Za-z0-9/_.~:*?()+\-@!,;=]*$/.test(path) || path.includes('//')) return undefined;
  const segments = path.split('/').filter((segment) => segment !== '');
  const source = segments.map((segment) => {
    if (/^:[A-Za-z0-9_]+(?:\([^/]*\))?\?$/.test(segment)) return '(?:/[^/]+)?';
    const parts = segment.split(/(:[A-Za-z0-9_]+(?:\([^/]*?\))?\??|\*)/);
    return `/${parts
      .map((part, i) => (i % 2 === 0 ? part.replace(/[.+?^${}()|[\]\\]/g, '\\$&') : part === '*' ? '.*' : '[^/]+'))
      .join('')}`;
  });
  return `^${source.join('')}/?$`;
}

/** Orders routes so that a static path is tried before a pattern that also matches it (`/feed` before `/:slug`). */
export const specificity = (path: string): number[] => [
  (path.match(/\*/g) ?? []).length,
  (path.match(/:/g) ?? []).length,
  -path.length,
];
