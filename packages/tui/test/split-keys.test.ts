import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../src/state/key.ts';
import { splitKeys, withoutControls } from '../src/state/split-keys.ts';

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

// Each key as a short word: its name when it has one, else its text, with `^` for Ctrl.
function names(input: string, key: Partial<KeyPress> = {}): string[] {
  return splitKeys(input, { ...NONE, ...key }).map(({ input: text, key: k }) => {
    const name = (Object.keys(k) as (keyof KeyPress)[]).find((n) => k[n] && n !== 'shift' && n !== 'ctrl');
    return `${k.ctrl ? '^' : ''}${k.shift ? 'S-' : ''}${name ?? text}`;
  });
}

describe('splitting a chunk of terminal input into keys', () => {
  it('splits Backspaces that came in one read, as DEL or as ^H', () => {
    expect(names('\x7f\x7f\x7f')).toEqual(['delete', 'delete', 'delete']);
    expect(names('\b\b')).toEqual(['backspace', 'backspace']);
  });

  it('splits Tabs, Enters and a Shift-Tab', () => {
    expect(names('\t\t\t')).toEqual(['tab', 'tab', 'tab']);
    expect(names('\r\r')).toEqual(['return', 'return']);
    expect(names('\n')).toEqual(['return']);
    expect(names('\x1b[Z')).toEqual(['S-tab']);
  });

  it('splits arrows and other escape sequences, in both xterm forms', () => {
    expect(names('\x1b[A\x1b[A\x1b[B')).toEqual(['upArrow', 'upArrow', 'downArrow']);
    expect(names('\x1bOA\x1bOD')).toEqual(['upArrow', 'leftArrow']);
    expect(names('\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[3~')).toEqual(['pageUp', 'pageDown', 'home', 'end', 'delete']);
    expect(names('\x1b[1;5A')).toEqual(['upArrow']);
  });

  it('takes a lone Escape as Escape and drops sequences it does not know', () => {
    expect(names('\x1b')).toEqual(['escape']);
    expect(names('\x1bx')).toEqual(['escape', 'x']);
    expect(names('a\x1b[15~b')).toEqual(['a', 'b']);
  });

  it('splits a paste into its characters, an emoji staying whole, and marks capitals as shifted', () => {
    expect(names('payMent')).toEqual(['p', 'a', 'y', 'S-M', 'e', 'n', 't']);
    expect(names('né👍')).toEqual(['n', 'é', '👍']);
    expect(names('ab\x7fc\r')).toEqual(['a', 'b', 'delete', 'c', 'return']);
  });

  it('reads other C0 bytes as Ctrl with a letter, and drops the controls no key sends', () => {
    expect(names('\x12\x03')).toEqual(['^r', '^c']);
    expect(names('a\x00\x1c\u0085b')).toEqual(['a', 'b']);
  });

  it('passes a key ink has already named through as it is', () => {
    expect(splitKeys('', { ...NONE, upArrow: true })).toEqual([{ input: '', key: { ...NONE, upArrow: true } }]);
    expect(splitKeys('r', { ...NONE, ctrl: true })).toEqual([{ input: 'r', key: { ...NONE, ctrl: true } }]);
    expect(splitKeys('', NONE)).toEqual([]);
  });
});

describe('text without control characters', () => {
  it('drops C0, DEL and C1 and keeps the rest', () => {
    expect(withoutControls('prisma\x7f\x7f\x7f')).toBe('prisma');
    expect(withoutControls('a\tb\u0085c é')).toBe('abc é');
  });
});
