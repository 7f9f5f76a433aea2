/**
 * The embedded database (PGlite) is one process's: two processes writing the same folder lose
 * writes silently. Whoever opens it first holds a lock file naming its process; a second
 * process is refused with a clear message, never allowed to corrupt the data.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export class EmbeddedDatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `La base de données intégrée (${dataDir}) est déjà utilisée par le processus ${ownerPid}. ` +
        `Arrêtez-le (une seule application, un seul script à la fois sur ce dossier) ou utilisez un serveur PostgreSQL avec DATABASE_URL. ` +
        `/ The embedded database (${dataDir}) is already in use by process ${ownerPid}.`,
    );
    this.name = 'EmbeddedDatabaseLockedError';
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock for this process (idempotent within it); returns the function that frees it. */
export function lockDataDir(dataDir: string, lockPath: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        if (readOwner(lockPath) === process.pid) unlinkSync(lockPath);
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      if (owner === process.pid) return () => {};
      if (owner !== null && isProcessAlive(owner)) throw new EmbeddedDatabaseLockedError(dataDir, owner);
      // The owner died without freeing the lock (killed, crashed): the lock is stale.
      try {
        unlinkSync(lockPath);
      } catch {
        // Another process removed it first; try again.
      }
    }
  }
  throw new Error(`Impossible de verrouiller ${lockPath}`);
}
