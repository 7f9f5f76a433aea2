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

export type PgCluster = {
  url: string;
  /** Kills the server as a crash would (`pg_ctl -m immediate stop`); its data stays. */
  crash: () => void;
  /** Starts the server again on the same port, after crash recovery. */
  restart: () => void;
  /** Stops the server and removes its data. */
  stop: () => void;
};

export type PgClusterOptions = {
  /**
   * Commits survive a crash of the server (synchronous_commit on, as in production). Off by
   * default: faster, and enough wherever the server is never crashed on purpose.
   */
  isCrashSafe?: boolean;
  /**
   * PostgreSQL's own cache (`shared_buffers`, e.g. '2GB'); its default, 128 MB, otherwise. A
   * database larger than that is read from the system's file cache, which a server whose kernel
   * reclaims unused file pages (as the benchmark's machine does) gives back to disk.
   */
  sharedBuffers?: string;
};

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  if (options.sharedBuffers !== undefined && !/^\d+(kB|MB|GB)$/.test(options.sharedBuffers))
    throw new Error(`shared_buffers : une taille comme 128MB ou 2GB est attendue (reçu « ${options.sharedBuffers} »)`);
  const bin = ensurePostgresBinaries();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pgtest-'));
  // initdb refuses to run as root: run the server as the postgres user then.
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
      Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
    );
  const run = (command: string, args: string[]) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, command), args, { stdio: 'pipe' });

  const port = await freePort();
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  // Without fsync (-F) a commit still survives a crash of the server, only not one of the machine.
  const synchronousCommit = options.isCrashSafe ? 'on' : 'off';
  const sharedBuffers = options.sharedBuffers ? ` -c shared_buffers=${options.sharedBuffers}` : '';
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'pg.log'),
      '-w',
      'start',
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${dir} -F -c synchronous_commit=${synchronousCommit} -c full_page_writes=off -c max_connections=200${sharedBuffers}`,
    ]);
  const kill = () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  let isRunning = true;
  let isStopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crash: () => {
      kill();
      isRunning = false;
    },
    restart: () => {
      start();
      isRunning = true;
    },
    stop: () => {
      if (isStopped) return;
      isStopped = true;
      try {
        if (isRunning) kill();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
