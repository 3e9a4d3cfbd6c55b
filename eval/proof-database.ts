// A throw-away database for the HTTP proof: PostgreSQL or MariaDB from the machine's packages, in a
// temporary folder, on a free loopback port, with one empty database; removed when the proof ends.
// Run as root (a container), the servers run as their own system users, as they insist.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, onExit, runStep, startServer } from './proof-server.ts';

export type DatabaseKind = 'postgresql' | 'mariadb';

export interface RunningDatabase {
  /** What the app's settings may name: DB_PORT, DB_NAME, DB_USER. */
  vars: Record<string, string>;
  /** Runs SQL files in order against the database. */
  load: (files: string[]) => Promise<void>;
  stop: () => void;
}

const NAME = 'conduit';

export async function startDatabase(kind: DatabaseKind, log: string): Promise<RunningDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `seams-proof-${kind}-`));
  const owner = userInfo().uid === 0 ? (kind === 'postgresql' ? 'postgres' : 'mysql') : undefined;
  if (owner) chownSync(dir, Number(id(owner, '-u')), Number(id(owner, '-g')));
  const as = (command: string, args: string[]): [string, string[]] =>
    owner ? ['runuser', ['-u', owner, '--', command, ...args]] : [command, args];
  const port = await freePort();
  const data = join(dir, 'data');
  const started =
    kind === 'postgresql'
      ? await startPostgres(dir, data, port, as, log)
      : await startMariadb(dir, data, port, as, log, owner);
  if (typeof started === 'string') {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${kind} did not start: ${started} (its log: ${log})`);
  }
  const stop = () => {
    done();
    started.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const done = onExit(stop);
  const client = (sql: string[]): [string, string[]] =>
    kind === 'postgresql'
      ? ['psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'proof', '-v', 'ON_ERROR_STOP=1', '-q', ...sql]]
      : ['mariadb', ['--no-defaults', '-h', '127.0.0.1', '-P', String(port), '-u', 'root', ...sql]];
  const sql = async (args: string[]) => {
    const [command, rest] = client(args);
    const result = await runStep(command, rest, { cwd: dir, timeoutMs: 60_000 });
    if (result.code !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.output.slice(0, 500)}`);
  };
  try {
    await sql(
      kind === 'postgresql' ? ['-d', 'postgres', '-c', `CREATE DATABASE ${NAME}`] : ['-e', `CREATE DATABASE ${NAME}`],
    );
  } catch (error) {
    stop();
    throw error;
  }
  return {
    vars: { DB_PORT: String(port), DB_NAME: NAME, DB_USER: kind === 'postgresql' ? 'proof' : 'root' },
    load: async (files) => {
      for (const file of files)
        await sql(kind === 'postgresql' ? ['-d', NAME, '-f', file] : ['-D', NAME, '-e', `source ${file}`]);
    },
    stop,
  };
}

const id = (user: string, flag: string) => execFileSync('id', [flag, user], { encoding: 'utf8' }).trim();

function postgresBin(name: string): string {
  try {
    return join(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim(), name);
  } catch {
    return name;
  }
}

async function startPostgres(
  dir: string,
  data: string,
  port: number,
  as: (command: string, args: string[]) => [string, string[]],
  log: string,
) {
  const [initdb, initArgs] = as(postgresBin('initdb'), ['-D', data, '-A', 'trust', '-U', 'proof', '--no-sync']);
  const init = await runStep(initdb, initArgs, { cwd: dir, timeoutMs: 120_000, log: `${log}.initdb` });
  if (init.code !== 0) return `initdb: ${init.output.slice(-300)}`;
  // fsync off: a database that lives for one proof run needs no durability.
  const [postgres, args] = as(postgresBin('postgres'), [
    ...['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-F'],
  ]);
  return startServer(postgres, args, {
    cwd: dir,
    env: {},
    ready: /ready to accept connections/,
    timeoutMs: 60_000,
    log,
  });
}

async function startMariadb(
  dir: string,
  data: string,
  port: number,
  as: (command: string, args: string[]) => [string, string[]],
  log: string,
  owner: string | undefined,
) {
  const user = owner ? [`--user=${owner}`] : [];
  const install = await runStep(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${data}`, ...user, '--auth-root-authentication-method=normal', '--skip-test-db'],
    { cwd: dir, timeoutMs: 120_000, log: `${log}.install` },
  );
  if (install.code !== 0) return `mariadb-install-db: ${install.output.slice(-300)}`;
  if (owner) chownTree(data, Number(id(owner, '-u')), Number(id(owner, '-g')));
  const [mariadbd, args] = as('mariadbd', [
    '--no-defaults',
    `--datadir=${data}`,
    `--socket=${join(dir, 'mysqld.sock')}`,
    `--pid-file=${join(dir, 'mysqld.pid')}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--skip-log-bin',
    '--innodb-flush-log-at-trx-commit=0',
  ]);
  return startServer(mariadbd, args, {
    cwd: dir,
    env: {},
    ready: /ready for connections/,
    timeoutMs: 60_000,
    log,
  });
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), uid, gid);
}
