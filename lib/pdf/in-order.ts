/**
 * `run` applied to the items of `source`, up to `width` at once, the results given in the
 * order of the items. The source is read only as far as `width` items ahead of the result
 * being waited for, so the memory held is bounded whatever its length. A failure of one item
 * is thrown at its turn; the results not yet taken are dropped.
 */
export async function* mapInOrder<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  run: (item: T) => Promise<R>,
  width: number,
): AsyncGenerator<R> {
  const running: Promise<R>[] = [];
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  let isDone = false;
  const fill = async () => {
    while (!isDone && running.length < width) {
      const next = await iterator.next();
      if (next.done) isDone = true;
      else {
        const result = run(next.value);
        // Awaited at its turn; until then its failure is not an unhandled rejection.
        result.catch(() => {});
        running.push(result);
      }
    }
  };
  try {
    for (await fill(); running.length > 0; await fill()) yield await running.shift()!;
  } finally {
    if (!isDone) await iterator.return?.();
  }
}
