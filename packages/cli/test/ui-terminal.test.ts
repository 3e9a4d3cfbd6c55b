import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan } from '@seams/graph';

// `seams ui` in a real terminal: tmux runs bin/seams on a copy of the example monolith, we read the
// screen and type keys as a person would, and check what lands on disk.
const top = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'seams-ui-'));
const socket = `seams-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  rmSync(scratch, { recursive: true, force: true });
});

function start(name: string, env: Record<string, string> = {}) {
  const project = join(scratch, name);
  cpSync(join(top, 'fixtures/shop'), project, { recursive: true, filter: (source) => !source.includes('.seams') });
  const exports = Object.entries(env)
    .map(([key, value]) => `${key}=${value} `)
    .join('');
  const command = `cd ${project} && ${exports}${join(top, 'bin/seams')} ui . 2>${project}/.stderr; echo "exit $?" > ${project}/.exit; sleep 600`;
  tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', command);
  return project;
}

const screen = (name: string, escapes = false) =>
  tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', name).replace(/\n$/, '');

async function waitFor(name: string, predicate: (text: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const text = screen(name);
    if (predicate(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const keys = (name: string, ...sequence: string[]) => tmux('send-keys', '-t', name, ...sequence);

describe('seams ui in a real terminal (tmux)', () => {
  it('analyses the example monolith, moves a file by keys, saves, quits, and the plan on disk has the move', async () => {
    const project = start('move');
    await waitFor('move', (text) => text.startsWith('seams · move · '), 'the first frame');
    keys('move', 'Enter');
    await waitFor('move', (text) => text.includes('[Files]'), 'the service page');
    keys('move', 'j', 'm');
    await waitFor('move', (text) => text.includes(' to:'), 'the picker');
    keys('move', '-l', 'payment');
    await waitFor('move', (text) => text.includes('filter: payment_'), 'the filter');
    keys('move', 'Enter');
    const moved = await waitFor('move', (text) => /moved \S+ to payment/.test(text), 'the move');
    const file = /moved (\S+) to payment/.exec(moved)![1]!;
    keys('move', 'w');
    await waitFor('move', (text) => text.includes('saved to seams.plan.json'), 'the save');
    keys('move', 'q');
    await waitFor('move', () => existsSync(join(project, '.exit')), 'the exit');
    expect(readFileSync(join(project, '.exit'), 'utf8')).toBe('exit 0\n');

    const plan = parsePlan(JSON.parse(readFileSync(join(project, 'seams.plan.json'), 'utf8')), 'seams.plan.json');
    expect(plan.pinned).toHaveLength(1);
    expect(plan.pinned[0]!.endsWith(`/${file}`)).toBe(true);
    expect(plan.services.find((s) => s.name === 'payment')!.files).toContain(plan.pinned[0]);
  }, 60_000);

  it('takes keys that arrive together one by one: Backspaces, Tabs, arrows, a paste, and w with q', async () => {
    const project = start('burst');
    await waitFor('burst', (text) => text.startsWith('seams · burst · '), 'the first frame');
    // One send-keys call writes its keys at once: the program reads them in one chunk, as with key
    // repeat or a slow link.
    keys('burst', 'Down', 'Down', 'Up', 'r', ...Array<string>(30).fill('BSpace'));
    await waitFor('burst', (text) => text.split('\n')[3] === '  _', 'the emptied name');
    tmux('set-buffer', '-b', socket, 'ledger');
    tmux('paste-buffer', '-b', socket, '-t', 'burst');
    await waitFor('burst', (text) => text.includes('  ledger_'), 'the pasted name');
    keys('burst', 'Enter', 'Enter', 'Tab', 'Tab', 'Tab', 'Tab', 'e');
    const marked = await waitFor('burst', (text) => /made \S+ an entry of ledger/.test(text), 'the entry');
    expect(marked.split('\n')[4]).toMatch(/^\[Files\]/);
    keys('burst', 'w', 'q');
    await waitFor('burst', () => existsSync(join(project, '.exit')), 'the exit');
    expect(readFileSync(join(project, '.exit'), 'utf8')).toBe('exit 0\n');

    const text = readFileSync(join(project, 'seams.plan.json'), 'utf8');
    expect(text).not.toMatch(/\\u00[0-1]|\\u007f/);
    const ledger = parsePlan(JSON.parse(text), 'seams.plan.json').services.find((s) => s.name === 'ledger')!;
    expect(ledger.public).toEqual([ledger.files[0]]);
  }, 60_000);

  it('follows a resize without crashing, and uses no colour under NO_COLOR', async () => {
    start('plain', { NO_COLOR: '1' });
    await waitFor('plain', (text) => text.startsWith('seams · plain · '), 'the first frame');
    expect(screen('plain', true)).not.toMatch(/\x1b\[[0-9;]*(3[0-7]|9[0-7]|38;[0-9;]*)m/);
    tmux('resize-window', '-t', 'plain', '-x', '60', '-y', '16');
    const fits = (text: string) =>
      text.split('\n').length === 16 && text.split('\n').every((line) => line.length <= 60);
    const resized = await waitFor(
      'plain',
      (text) => fits(text) && text.startsWith('seams · plain · ') && text.includes('? help'),
      'the resized frame',
    );
    expect(resized.split('\n')[2]).toBe('  SERVICE          FILES    LOC COHESION COUPLING  CONF  API');

    start('colour');
    await waitFor('colour', (text) => text.startsWith('seams · colour · '), 'the first frame');
    expect(screen('colour', true)).toMatch(/\x1b\[[0-9;]*(3[0-7]|9[0-7])m/);
  }, 60_000);
});
