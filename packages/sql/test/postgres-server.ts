// Test helper: a throwaway PostgreSQL server for the tests of the PostgreSQL source. It is Debian's
// `postgresql` (installed by .ci/run), started from a fresh data directory in a temporary folder,
// listening on 127.0.0.1 at a free port (and on a socket in that folder), and removed on `stop()`.
// PostgreSQL refuses to run as root (CI runs as root): then the server runs as `nobody`, through runuser,
// with the folder given to that user. A server that cannot start fails the test that asked for it,
// with the server's own output: nothing is skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running server: its connection string (a password login over TCP) and how to stop it. */
export interface PostgresServer {
  /** `postgres://panopticon:<password>@127.0.0.1:<port>/panopticon`. */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** The server's folder (data directory, socket, log). */
  dir: string;
  /** Runs SQL through `psql` as the superuser (setting up test tables); its output. */
  psql(sql: string): string;
  /** Stops the server (fast shutdown) and deletes its folder. */
  stop(): void;
}

const USER = 'panopticon';
const DATABASE = 'panopticon';

/** The folder of Debian's PostgreSQL programs (the newest installed version). */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined || !existsSync(join(root, newest, 'bin', 'pg_ctl'))) {
    throw new Error(`No PostgreSQL server under ${root}: install Debian's postgresql package (apt-get install postgresql; .ci/run does).`);
  }
  return join(root, newest, 'bin');
}

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a server; the caller stops it (`afterAll(() => server.stop())`). */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'panopticon-pg-'));
  const asRoot = process.getuid?.() === 0;
  // Run as `nobody` when root: PostgreSQL will not start as root.
  const run = (program: string, args: string[], input?: string) => {
    const [command, argv] = asRoot ? ['runuser', ['-u', 'nobody', '--', join(bin, program), ...args]] : [join(bin, program), args];
    const result = spawnSync(command, argv, { encoding: 'utf8', input, timeout: 60_000, env: { ...process.env, LC_ALL: 'C' } });
    if (result.status !== 0) {
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
      throw new Error(
        `PostgreSQL test server: ${program} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr}${result.stdout}${log}`,
      );
    }
    return result.stdout;
  };
  const password = `pw-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  const data = join(dir, 'data');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${password}\n`);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chownSync(passwordFile, uid, gid);
  }
  chmodSync(dir, 0o700);
  let port = 0;
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      USER,
      `--pwfile=${passwordFile}`,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    // The free port is closed again before PostgreSQL binds it, so another process may take it in between: then another port.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        run('pg_ctl', [
          '-D',
          data,
          '-l',
          join(dir, 'log'),
          '-w',
          '-t',
          '60',
          '-o',
          `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c full_page_writes=off`,
          'start',
        ]);
        break;
      } catch (error) {
        if (attempt === 3 || !/could not bind|Address already in use/i.test(String(error))) throw error;
      }
    }
    run('psql', ['-h', dir, '-p', String(port), '-U', USER, '-d', 'postgres', '-q', '-c', `CREATE DATABASE ${DATABASE}`]);
  } catch (error) {
    spawnSync(
      asRoot ? 'runuser' : join(bin, 'pg_ctl'),
      asRoot ? ['-u', 'nobody', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'] : ['-D', data, '-m', 'immediate', 'stop'],
    );
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const host = '127.0.0.1';
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@${host}:${port}/${DATABASE}`,
    host,
    port,
    user: USER,
    password,
    database: DATABASE,
    dir,
    psql: (sql) =>
      run('psql', ['-h', dir, '-p', String(port), '-U', USER, '-d', DATABASE, '-q', '-v', 'ON_ERROR_STOP=1', '-At', '-f', '-'], sql),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
