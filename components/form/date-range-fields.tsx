import { TextField } from './fields';

/** "Du" and "Au" dates of a filter bar, named `from` and `to` in the query string. */
export function DateRangeFields({
  from,
  to,
  labels,
  idPrefix,
}: {
  from: string | undefined;
  to: string | undefined;
  labels: { from: string; to: string };
  /** For a page whose other forms already use the ids `from` and `to`. */
  idPrefix?: string;
}) {
  const id = (name: string) => (idPrefix ? `${idPrefix}-${name}` : name);
  return (
    <>
      <TextField name="from" id={id('from')} label={labels.from} type="date" defaultValue={from ?? ''} isNarrow />
      <TextField name="to" id={id('to')} label={labels.to} type="date" defaultValue={to ?? ''} isNarrow />
    </>
  );
}
