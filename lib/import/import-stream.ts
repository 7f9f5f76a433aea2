/**
 * The answer to an upload, streamed as lines of JSON (NDJSON) while the file is read: progress
 * lines (bytes and lines read so far), then one result line with the counts and the error table
 * in the reader's language. The answer starts at once and always ends with a result, so that the
 * page can move its progress bar and never meets a bare server error.
 */
import type { ErrorCode } from '@/lib/errors';
import { describeProblems, type ProblemRow } from './describe-problems';
import type { ImportOutcome, ImportProgress } from './run-import';

export type ImportMessage =
  | ({ type: 'progress' } & ImportProgress)
  | ({ type: 'result' } & Omit<ImportOutcome, 'problems'> & { problems: ProblemRow[] })
  | { type: 'failure'; message: string };

export function importResponseStream(
  run: (onProgress: (progress: ImportProgress) => void) => Promise<ImportOutcome>,
  translate: (code: ErrorCode, params: Record<string, string | number>) => string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let isCancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (message: ImportMessage) => {
        if (!isCancelled) controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
      };
      const work = async () => {
        send({ type: 'progress', bytes: 0, rows: 0 });
        try {
          const outcome = await run((progress) => send({ type: 'progress', ...progress }));
          send({ type: 'result', ...outcome, problems: describeProblems(outcome.problems, translate) });
        } catch (error) {
          console.error('[import] failed', error);
          send({ type: 'failure', message: translate('unexpected', {}) });
        }
        if (!isCancelled) controller.close();
      };
      void work();
    },
    cancel() {
      isCancelled = true;
    },
  });
}
