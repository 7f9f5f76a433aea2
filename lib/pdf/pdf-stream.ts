/**
 * A PDF being produced, as the body of a response: its first part is produced before answering,
 * so that a failure there (the database lost, say) still reaches the person as a message rather
 * than as a broken download. `onComplete` runs once the last bytes were taken by the reader; if
 * it fails, the download fails too. A download cancelled stops the production.
 */
export async function pdfStream(
  pdf: AsyncGenerator<Uint8Array>,
  onComplete: () => Promise<void> = async () => {},
): Promise<ReadableStream<Uint8Array>> {
  let pending: IteratorResult<Uint8Array> | null = await pdf.next();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: IteratorResult<Uint8Array>;
        try {
          next = pending ?? (await pdf.next());
          pending = null;
          if (next.done) await onComplete();
        } catch (error) {
          console.error('[pdf] not produced', error);
          controller.error(error);
          return;
        }
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await pdf.return(undefined);
      },
    },
    // Nothing read ahead of the reader: a file of one part is whole in its first chunk, and only
    // the reader asking past it tells that it took all of it (a download cancelled does not).
    { highWaterMark: 0 },
  );
}
