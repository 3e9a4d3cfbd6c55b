// Regenerates docs/cli.md from the command definitions: run after changing an option or a description.
import { writeFileSync } from 'node:fs';
import { cliReference } from '../src/cli-reference.ts';
import { createProgram } from '../src/run.ts';

const target = new URL('../../../docs/cli.md', import.meta.url);
const program = createProgram({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
writeFileSync(target, cliReference(program));
console.log(`wrote ${target.pathname}`);
