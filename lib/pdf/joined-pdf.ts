import { mapInOrder } from './in-order';
import { mergePdfParts } from './merge-pdf';
import type { RenderJob } from './render-job';
import type { RenderPool } from './render-pool';

/**
 * Documents rendered by the threads of `pool` as one PDF, written as it goes: the bytes of the
 * file, in the order of the jobs. Several jobs at once (two per thread, so that none waits
 * while the file is written) are rendered and joined (lib/pdf/merge-pdf.ts); each then starts
 * with the page that fixes its fonts, dropped at the join, so that the parts share one copy of
 * each font. A file of one job is react-pdf's own output, as is.
 */
export async function* renderJoinedPdf(
  jobs: Iterable<RenderJob> | AsyncIterable<RenderJob>,
  pool: RenderPool,
  info: { title: string; author: string },
): AsyncGenerator<Uint8Array> {
  const iterator = Symbol.asyncIterator in jobs ? jobs[Symbol.asyncIterator]() : jobs[Symbol.iterator]();
  try {
    const first = await iterator.next();
    if (first.done) return;
    const second = await iterator.next();
    if (second.done) {
      yield await pool.render(first.value);
      return;
    }
    async function* primed(): AsyncGenerator<RenderJob> {
      yield { ...first.value!, isPrimed: true };
      yield { ...second.value!, isPrimed: true };
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield { ...next.value, isPrimed: true };
    }
    yield* mergePdfParts(mapInOrder(primed(), pool.render, 2 * pool.size), { ...info, isPrimed: true });
  } finally {
    await iterator.return?.();
  }
}
