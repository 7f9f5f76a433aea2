'use client';

import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { SelectField, TextField } from '@/components/form/fields';
import { ImportProblems } from '@/components/import/import-problems';
import { IMPORT_KINDS, type ImportKind } from '@/lib/import/columns';
import type { ImportMessage } from '@/lib/import/import-stream';

type Result = Extract<ImportMessage, { type: 'result' }>;
type Phase =
  | { step: 'idle' }
  | { step: 'running'; mode: 'check' | 'import'; bytes: number; rows: number; size: number }
  | { step: 'done'; result: Result }
  | { step: 'failed'; message: string };

/**
 * Sends the file to /admin/import/upload, first to check it (nothing is written), then, once it
 * has no error, to import it. XMLHttpRequest rather than fetch, for the progress of the upload:
 * the server reads the file as it checks and writes it, so the upload moves at that pace, and a
 * browser reads the answer (lines of JSON: progress, then the result) only once the whole file is
 * sent. The bar shows the further of the two.
 */
export function ImportForm({ maxMegabytes }: { maxMegabytes: number }) {
  const t = useTranslations('importAdmin');
  const [kind, setKind] = useState<ImportKind>('clients');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const isRunning = phase.step === 'running';

  const send = (mode: 'check' | 'import') => {
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setPhase({ step: 'failed', message: t('chooseFile') });
      return;
    }
    setPhase({ step: 'running', mode, bytes: 0, rows: 0, size: file.size });
    const request = new XMLHttpRequest();
    let read = 0;
    let serverBytes = 0;
    let last: ImportMessage | null = null;
    const readLines = () => {
      const text = request.responseText;
      let end = text.indexOf('\n', read);
      while (end >= 0) {
        const line = text.slice(read, end);
        read = end + 1;
        end = text.indexOf('\n', read);
        if (!line.trim()) continue;
        const message = JSON.parse(line) as ImportMessage;
        last = message;
        if (message.type === 'progress') {
          serverBytes = message.bytes;
          setPhase((current) =>
            current.step === 'running' ? { ...current, bytes: Math.max(current.bytes, message.bytes), rows: message.rows } : current,
          );
        }
      }
    };
    request.upload.onprogress = (event) =>
      setPhase((current) =>
        current.step === 'running' ? { ...current, bytes: Math.max(serverBytes, Math.min(event.loaded, file.size)) } : current,
      );
    request.onprogress = readLines;
    request.onload = () => {
      if (request.responseURL.includes('/login')) return setPhase({ step: 'failed', message: t('sessionExpired') });
      if (request.status !== 200) {
        const refusal = safeJson(request.responseText) as { message?: string } | null;
        return setPhase({ step: 'failed', message: refusal?.message ?? t('networkError') });
      }
      readLines();
      const final = last as ImportMessage | null;
      if (final?.type === 'result') setPhase({ step: 'done', result: final });
      else setPhase({ step: 'failed', message: final?.type === 'failure' ? final.message : t('networkError') });
    };
    request.onerror = () => setPhase({ step: 'failed', message: t('networkError') });
    request.open('POST', `/admin/import/upload?kind=${kind}&mode=${mode}`);
    request.setRequestHeader('content-type', 'text/csv');
    request.send(file);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send('check');
  };
  const reset = () => setPhase({ step: 'idle' });
  const result = phase.step === 'done' ? phase.result : null;
  const isValidCheck = result !== null && result.mode === 'check' && result.problemCount === 0;

  return (
    <form className="form" aria-labelledby="import-title" onSubmit={onSubmit}>
      <div className="form-grid">
        <SelectField
          name="kind"
          id="import-kind"
          label={t('kind')}
          value={kind}
          disabled={isRunning}
          onChange={(event) => {
            setKind(event.target.value as ImportKind);
            reset();
          }}
          options={IMPORT_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
        />
        <TextField
          id="import-file"
          name="file"
          label={t('file')}
          hint={t('fileHint', { limit: maxMegabytes })}
          type="file"
          accept=".csv,text/csv,text/plain"
          ref={fileInput}
          disabled={isRunning}
          onChange={reset}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className={isValidCheck ? undefined : 'primary'} disabled={isRunning}>
          {t('check')}
        </button>
        {isValidCheck ? (
          <button type="button" className="primary" onClick={() => send('import')}>
            {t('import')}
          </button>
        ) : null}
      </div>

      {phase.step === 'running' ? (
        <div className="field">
          <label htmlFor="import-progress">{phase.mode === 'check' ? t('checking') : t('importing')}</label>
          <progress id="import-progress" value={phase.bytes} max={phase.size || 1} />
          <p className="hint" aria-live="polite">
            {phase.rows > 0
              ? t('progressRows', { rows: phase.rows })
              : t('progressSent', { percent: Math.floor((100 * phase.bytes) / (phase.size || 1)) })}
          </p>
        </div>
      ) : null}
      {phase.step === 'failed' ? (
        <p className="form-error" role="alert">
          {phase.message}
        </p>
      ) : null}
      {result ? <ImportOutcome result={result} /> : null}
    </form>
  );
}

function ImportOutcome({ result }: { result: Result }) {
  const t = useTranslations('importAdmin');
  if (result.problemCount > 0) {
    return (
      <>
        <p className="form-error" role="alert">
          {t('invalid', { count: result.problemCount })}
        </p>
        <ImportProblems problems={result.problems} />
        {result.problemCount > result.problems.length ? (
          <p className="hint">{t('moreErrors', { count: result.problemCount - result.problems.length })}</p>
        ) : null}
      </>
    );
  }
  const counts = { created: result.counts.created, updated: result.counts.updated, unchanged: result.counts.unchanged };
  return (
    <p className="form-success" role="status">
      {result.isApplied
        ? t('imported', counts)
        : t('valid', {
            ...counts,
            rows: result.counts.rows,
            encoding: result.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8',
            delimiter: result.delimiter ?? ';',
          })}
    </p>
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
