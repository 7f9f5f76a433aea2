import { TextField } from './fields';

/** "Du" and "Au" dates of a filter bar, named `from` and `to` in the query string. */
export function DateRangeFields({
  from,
  to,
  labels,
  idPrefix,
  isRequired = false,
}: {
  from: string | undefined;
  to: string | undefined;
  labels: { from: string; to: string };
  /** For a page whose other forms already use the ids `from` and `to`. */
  idPrefix?: string;
  /** Both dates asked for (a period to produce), not a filter that may be left open. */
  isRequired?: boolean;
}) {
  const id = (name: string) => (idPrefix ? `${idPrefix}-${name}` : name);
  return (
    <>
      <TextField name="from" id={id('from')} label={labels.from} type="date" defaultValue={from ?? ''} required={isRequired} isNarrow />
      <TextField name="to" id={id('to')} label={labels.to} type="date" defaultValue={to ?? ''} required={isRequired} isNarrow />
    </>
  );
}
