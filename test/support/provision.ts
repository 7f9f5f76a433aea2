/**
 * What the test suite needs from the machine, provisioned or explained: the PostgreSQL server
 * binaries (for a throwaway cluster) and the system Chromium (for Playwright).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function hasAptGet(): boolean {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function aptInstall(packages: string[]): void {
  console.log(`[provision] apt-get install -y ${packages.join(' ')}`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function findOnPath(command: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function findPostgresBin(): string | null {
  // initdb may be a link on the PATH: the folder of the real binary also holds pg_dump and pg_restore.
  const fromPath = findOnPath('initdb');
  if (fromPath) return path.dirname(realpathSync(fromPath));
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/** The folder holding initdb and pg_ctl; installs PostgreSQL on Debian as root when absent. */
export function ensurePostgresBinaries(): string {
  let bin = findPostgresBin();
  if (!bin && isRoot && hasAptGet()) {
    aptInstall(['postgresql', 'postgresql-contrib']);
    bin = findPostgresBin();
  }
  if (!bin) {
    throw new Error(
      'Les tests ont besoin des binaires du serveur PostgreSQL (initdb, pg_ctl). Installez-les : ' +
        '`sudo apt-get install postgresql postgresql-contrib` (Debian/Ubuntu), ' +
        'ou indiquez un serveur existant avec TEST_DATABASE_URL=postgres://…',
    );
  }
  return bin;
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The system Chromium for Playwright; installs Debian's `chromium` as root when absent. */
export function ensureChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} n'existe pas.`);
    return fromEnv;
  }
  const found = () => CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  let executable = found();
  if (!executable && isRoot && hasAptGet()) {
    aptInstall(['chromium']);
    executable = found();
  }
  if (!executable) {
    throw new Error(
      'Les tests de bout en bout ont besoin de Chromium. Installez-le : `sudo apt-get install chromium` ' +
        '(Debian/Ubuntu), ou indiquez son chemin avec CHROMIUM_PATH=/chemin/vers/chromium.',
    );
  }
  return executable;
}
