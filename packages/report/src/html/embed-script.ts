/**
 * JSON for a `<script type="application/json">` element. Escaping `<` (as \u003c, still the same
 * JSON) means no file path or name can close the element (`</script`) or open an HTML comment
 * (`<!--`) that changes how the parser finds its end. U+2028/9 are escaped for old JS parsers.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Inline JavaScript must not contain `</script` or `<!--`: the build already refuses such a bundle
 * (scripts/bundle-map.ts), and this guard makes the page fail loudly instead of silently breaking.
 */
export function embedScript(code: string): string {
  if (/<\/script|<!--/i.test(code))
    throw new Error('inline script contains </script or <!--, which would end or confuse the <script> element');
  return code;
}
