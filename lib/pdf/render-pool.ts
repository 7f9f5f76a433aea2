/**
 * PDF documents are rendered in a pool of worker threads, so that a month-end's invoices,
 * statements and print batches use the machine's cores and each rendering's memory is bounded
 * by its thread's heap limit. The pool (piscina) starts its threads on the first document and
 * lets the process exit when they are idle.
 *
 *   PDF_WORKERS         threads, 1 to 64; default: the cores less one, at least 1
 *   PDF_WORKER_HEAP_MB  heap limit of each thread in MB, 64 to 8192; default 256
 *
 * The threads run lib/pdf/render-worker.ts bundled with esbuild at the pool's start (react-pdf is
 * loaded as an ECMAScript module there, outside Next.js's bundles). A thread that dies or runs
 * out of memory fails its document with a PdfRenderError and the pool starts another.
 */
import { mkdir, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { z } from 'zod';
import { bundleEsm } from '@/lib/esm-bundle';
import type { RenderJob } from './render-job';

export type RenderPool = {
  /** The number of threads: how many documents are rendered at once. */
  readonly size: number;
  render: (job: RenderJob) => Promise<Uint8Array>;
  /** The threads running now (a test may stop one). */
  readonly threads: readonly Worker[];
  close: () => Promise<void>;
};

/** A document not produced because its rendering thread stopped (killed, out of memory). */
export class PdfRenderError extends Error {
  constructor(cause: unknown) {
    super(
      `Le document PDF n’a pas pu être produit : son fil de rendu s’est arrêté (${cause instanceof Error ? cause.message : String(cause)}). / The PDF could not be produced: its rendering thread stopped.`,
      { cause },
    );
    this.name = 'PdfRenderError';
  }
}

const DEFAULT_HEAP_MB = 256;

export function createRenderPool(options: { size: number; heapMb?: number }): RenderPool {
  const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
  let pool: Piscina | null = null;
  const started = workerBundle().then((filename) => {
    pool = new Piscina({
      filename,
      minThreads: 0,
      maxThreads: options.size,
      // An idle thread is kept a minute for the next document, then stopped.
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    return pool;
  });
  return {
    size: options.size,
    render: async (job) => {
      const running = await started;
      try {
        return (await running.run(job)) as Uint8Array;
      } catch (error) {
        // A thread stopped: piscina starts another for the next document. An error of the
        // rendering itself (a bad image, say) is passed on as it is.
        if (isThreadStopped(error)) throw new PdfRenderError(error);
        throw error;
      }
    },
    get threads() {
      return pool ? pool.threads : [];
    },
    close: async () => {
      await (await started).destroy();
    },
  };
}

const isThreadStopped = (error: unknown) =>
  error instanceof Error &&
  ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' || /worker exited|terminated/i.test(error.message));

const poolEnvironment = z.object({
  PDF_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  PDF_WORKER_HEAP_MB: z.coerce.number().int().min(64).max(8192).optional(),
});

const POOL_SETTING_RULES = {
  PDF_WORKERS: 'doit être un entier de 1 à 64. / must be an integer from 1 to 64.',
  PDF_WORKER_HEAP_MB: 'doit être un entier de 64 à 8192 (Mo). / must be an integer from 64 to 8192 (MB).',
} as const;

/** The pool's settings from the environment; a bad one stops with the setting named. */
export function renderPoolSettings(environment: NodeJS.ProcessEnv = process.env): { size: number; heapMb: number } {
  const settings = poolEnvironment.safeParse({
    PDF_WORKERS: environment.PDF_WORKERS || undefined,
    PDF_WORKER_HEAP_MB: environment.PDF_WORKER_HEAP_MB || undefined,
  });
  if (!settings.success) {
    const wrong = settings.error.issues[0]!.path[0] as keyof typeof POOL_SETTING_RULES;
    throw new Error(`${wrong} ${POOL_SETTING_RULES[wrong]} (${wrong}=${environment[wrong]})`);
  }
  return {
    size: settings.data.PDF_WORKERS ?? Math.max(1, os.availableParallelism() - 1),
    heapMb: settings.data.PDF_WORKER_HEAP_MB ?? DEFAULT_HEAP_MB,
  };
}

declare global {
  var __renderPool: RenderPool | undefined;
}

/** The process's pool, started with the settings of the environment on first use. */
export function renderPool(): RenderPool {
  globalThis.__renderPool ??= createRenderPool(renderPoolSettings());
  return globalThis.__renderPool;
}

/** Stops the process's pool (scripts and tests; a server's threads end with it). */
export async function closeRenderPool(): Promise<void> {
  const pool = globalThis.__renderPool;
  globalThis.__renderPool = undefined;
  await pool?.close();
}

let bundled: Promise<string> | undefined;

/**
 * The threads' code: lib/pdf/render-worker.ts and the project modules it uses in one ECMAScript
 * module, packages left to node_modules. Written under a temporary name and renamed, so that
 * processes starting together never read a half-written file.
 */
function workerBundle(): Promise<string> {
  bundled ??= (async () => {
    const folder = path.join(process.cwd(), 'node_modules', '.cache', 'pdf-worker');
    const outfile = path.join(folder, 'render-worker.mjs');
    const partial = path.join(folder, `render-worker-${process.pid}-${Date.now()}.mjs`);
    await mkdir(folder, { recursive: true });
    await bundleEsm('lib/pdf/render-worker.ts', partial);
    await rename(partial, outfile);
    return outfile;
  })().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}
