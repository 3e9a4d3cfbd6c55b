import type { KeyPress } from './key.ts';

/** One key of a chunk of terminal input: what ink would have passed had it arrived alone. */
export interface Keystroke {
  input: string;
  key: KeyPress;
}

const NONE: KeyPress = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  tab: false,
  shift: false,
  backspace: false,
  delete: false,
};

const NAMED: ReadonlyArray<keyof KeyPress> = [
  'upArrow',
  'downArrow',
  'leftArrow',
  'rightArrow',
  'pageUp',
  'pageDown',
  'home',
  'end',
  'return',
  'escape',
  'tab',
  'backspace',
  'delete',
];

const named = (name: keyof KeyPress, extra: Partial<KeyPress> = {}): Keystroke => ({
  input: '',
  key: { ...NONE, [name]: true, ...extra },
});

// The final byte of `ESC [` and `ESC O` sequences, and the number of `ESC [ n ~`, as xterm sends them.
const BY_FINAL: Readonly<Record<string, Keystroke>> = {
  A: named('upArrow'),
  B: named('downArrow'),
  C: named('rightArrow'),
  D: named('leftArrow'),
  H: named('home'),
  F: named('end'),
  Z: named('tab', { shift: true }),
};
const BY_NUMBER: Readonly<Record<string, Keystroke>> = {
  '1': named('home'),
  '7': named('home'),
  '4': named('end'),
  '8': named('end'),
  '3': named('delete'),
  '5': named('pageUp'),
  '6': named('pageDown'),
};

// What follows ESC in an escape sequence: [ parameters final, or O final.
const SEQUENCE = /^(?:\[([0-9;]*)([@-~])|O([@-~]))/;

/**
 * Splits a chunk of terminal input into keys. Ink passes keys that arrive in one read (key repeat,
 * a slow link, a paste) as one string: `\x7f\x7f\x7f` is three Backspaces, `\t\t` two Tabs. A key
 * ink has already named (an arrow, Enter alone) passes through as it is.
 */
export function splitKeys(input: string, key: KeyPress): Keystroke[] {
  if (key.ctrl || NAMED.some((name) => key[name])) return [{ input, key }];
  const keys: Keystroke[] = [];
  let rest = input;
  while (rest.length > 0) {
    const [stroke, length] = firstKey(rest);
    if (stroke) keys.push(stroke);
    rest = rest.slice(length);
  }
  return keys;
}

// The key at the start of `text` (none for bytes that are no key we know) and how many code units it took.
function firstKey(text: string): [Keystroke | undefined, number] {
  const char = String.fromCodePoint(text.codePointAt(0)!);
  if (char === '\x1b') {
    const sequence = SEQUENCE.exec(text.slice(1));
    if (!sequence) return [named('escape'), 1];
    const [all, number, final, ss3] = sequence;
    const stroke =
      ss3 !== undefined ? BY_FINAL[ss3] : final === '~' ? BY_NUMBER[number!.split(';')[0]!] : BY_FINAL[final!];
    return [stroke, 1 + all.length];
  }
  if (char === '\r' || char === '\n') return [named('return'), 1];
  if (char === '\t') return [named('tab'), 1];
  // The Backspace key sends DEL on most terminals and ^H on some; ink names them delete and backspace.
  if (char === '\x7f') return [named('delete'), 1];
  if (char === '\b') return [named('backspace'), 1];
  const code = char.codePointAt(0)!;
  if (code >= 1 && code <= 26) return [{ input: String.fromCharCode(code + 96), key: { ...NONE, ctrl: true } }, 1];
  if (isControl(char)) return [undefined, char.length];
  return [{ input: char, key: { ...NONE, shift: /[A-Z]/.test(char) } }, char.length];
}

/** Whether the text holds a control character (C0, DEL or C1): never typed into a name or a filter. */
const isControl = (text: string): boolean => /\p{Cc}/u.test(text);

/** The text without its control characters. */
export const withoutControls = (text: string): string => text.replace(/\p{Cc}/gu, '');
