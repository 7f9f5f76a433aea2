/**
 * A throwaway PostgreSQL cluster from the installed server binaries, for tests and
 * benchmarks: `initdb` in a temporary folder, started on a free loopback port, removed on stop.
 */
import { execFileSync } from 'node:child_process';
import { freePort } from './free-port';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePostgresBinaries } from './provision';

export type PgCluster = { url: string; stop: () => void };


export async function startPgCluster(): Promise<PgCluster> {
  const bin = ensurePostgresBinaries();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pgtest-'));
  // initdb refuses to run as root: run the server as the postgres user then.
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const run = (command: string, args: string[]) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, command), args, { stdio: 'pipe' });

  const port = await freePort();
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  run('pg_ctl', [
    '-D', data, '-l', path.join(dir, 'pg.log'), '-w', 'start',
    '-o', `-h 127.0.0.1 -p ${port} -k ${dir} -F -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
  ]);
  let isStopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      if (isStopped) return;
      isStopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
