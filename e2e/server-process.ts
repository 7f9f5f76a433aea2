/**
 * A server of the application that an end-to-end file starts itself (besides the two instances
 * of playwright.config.ts): on a free loopback port, in a process group of its own (ended whole),
 * its output kept for the failure messages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../test/support/free-port';
import { until } from '../test/support/until';

export type ServerProcess = { process: ChildProcess; url: string; log: () => string; stop: () => Promise<void> };

/** Starts `node <args(port)>` and waits up to `seconds` for its sign-in page to answer. */
export async function startServerProcess(
  args: (port: number) => string[],
  env: NodeJS.ProcessEnv,
  what: string,
  seconds: number,
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args(port), { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await until(async () => (await fetch(`${url}/login`)).status === 200, `${what} on ${url}:\n${log}`, seconds);
  return { process: child, url, log: () => log, stop: () => stopProcessGroup(child) };
}

/** SIGTERM to the whole group, SIGKILL after 10 s; resolves once the process has exited. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}
