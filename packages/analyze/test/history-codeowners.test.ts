// CODEOWNERS as GitHub reads it: gitignore-style patterns, the last matching rule wins.
import { describe, expect, it } from 'vitest';
import { ownersOf, parseCodeowners } from '../src/history/codeowners.ts';

const RULES = parseCodeowners(`
# comments and blank lines are skipped

*                     @org/everyone
*.js                  @org/js
/build/logs/          @org/ops
docs/*                @org/docs
apps/                 @org/apps
/scripts              @org/scripts   # an inline comment
**/fixtures/**/*.json @org/qa
/apps/github
\\#notes.md           @org/notes
src/{a,b}.ts          @org/literal
`);

describe('CODEOWNERS', () => {
  it('keeps the pattern and owners of each rule, in file order', () => {
    expect(RULES.map(({ pattern, owners }) => [pattern, owners.join(' ')])).toEqual([
      ['*', '@org/everyone'],
      ['*.js', '@org/js'],
      ['/build/logs/', '@org/ops'],
      ['docs/*', '@org/docs'],
      ['apps/', '@org/apps'],
      ['/scripts', '@org/scripts'],
      ['**/fixtures/**/*.json', '@org/qa'],
      ['/apps/github', ''],
      ['\\#notes.md', '@org/notes'],
      ['src/{a,b}.ts', '@org/literal'],
    ]);
  });

  it('gives each path the owners of the last rule matching it', () => {
    const paths = [
      'README.md', // only `*`
      '.github/workflows/ci.yml', // `*` covers dotfiles
      'lib/deep/index.js', // no slash in `*.js`: any depth
      'build/logs/today.log', // anchored folder, and what is below it
      'sub/build/logs/today.log', // anchored: not deeper down
      'docs/intro.md', // `docs/*`: files directly in docs...
      'docs/guides/setup.md', // ...and, as GitHub documents, nothing nested
      'apps/web/main.ts', // `apps/` unanchored: an apps folder at any depth
      'packages/apps/cli.ts',
      'apps', // a file named apps is not the apps folder
      'scripts/release.sh', // no trailing slash: the folder's contents too
      'test/fixtures/a/b/data.json', // `**` segments
      'apps/github/action.ts', // the last match names nobody: unowned
      'docs/#notes.md', // escaped `#`, at any depth, later than docs/*
      'src/{a,b}.ts', // braces are literal in CODEOWNERS
      'src/a.ts',
    ];
    expect(Object.fromEntries(paths.map((path) => [path, ownersOf(RULES, path)?.join(' ')]))).toEqual({
      'README.md': '@org/everyone',
      '.github/workflows/ci.yml': '@org/everyone',
      'lib/deep/index.js': '@org/js',
      'build/logs/today.log': '@org/ops',
      'sub/build/logs/today.log': '@org/everyone',
      'docs/intro.md': '@org/docs',
      'docs/guides/setup.md': '@org/everyone',
      'apps/web/main.ts': '@org/apps',
      'packages/apps/cli.ts': '@org/apps',
      apps: '@org/everyone',
      'scripts/release.sh': '@org/scripts',
      'test/fixtures/a/b/data.json': '@org/qa',
      'apps/github/action.ts': undefined,
      'docs/#notes.md': '@org/notes',
      'src/{a,b}.ts': '@org/literal',
      'src/a.ts': '@org/everyone',
    });
  });

  it('owns nothing without rules', () => {
    expect(ownersOf(parseCodeowners('# only a comment\n'), 'src/index.ts')).toBeUndefined();
  });
});
