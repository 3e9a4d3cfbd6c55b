/** Markup that is already safe to insert; everything else passed to `html` is escaped. */
export interface SafeHtml {
  readonly safeHtml: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Trusted markup, such as the output of another template; never call it on model text. */
export function raw(markup: string): SafeHtml {
  return { safeHtml: markup };
}

/**
 * Tagged template that escapes every interpolation unless it is SafeHtml: file paths and service
 * names come from the analysed repository, so a name like `<img onerror>` must stay text.
 * Arrays are joined; null, undefined and false render nothing, so `${cond && html`...`}` reads well.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return { safeHtml: out };
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && 'safeHtml' in value) return (value as SafeHtml).safeHtml;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return escapeHtml(String(value));
  }
  // Any other object would print as [object Object]: a bug in a renderer, not something to show.
  throw new TypeError('an HTML template takes text, numbers, SafeHtml or arrays of them');
}
