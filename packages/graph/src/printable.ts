/**
 * `text` with every control character written as an escape (`\n`, `\x1b`, `\u202e`): file names
 * and plan entries come from the repository, and a name holding a newline or a terminal escape
 * must not start a line of its own (a CI workflow command) or repaint the reader's terminal.
 * C0 and C1 controls, DEL, line and paragraph separators, and bidirectional overrides.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => NAMED[char] ?? escapeOf(char));
}

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOf(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
