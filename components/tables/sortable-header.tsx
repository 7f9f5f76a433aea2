import Link from 'next/link';

/** How a list is sorted, and the link that sorts it by a column (built from the screen's URL state). */
export type Sorting = {
  sort: string;
  dir: 'asc' | 'desc';
  /** The direction a first click on a column sorts in. */
  firstDir: 'asc' | 'desc';
  href: (sort: string, dir: 'asc' | 'desc') => string;
  /** The link's title: "Trier par …". */
  titleOf: (header: string) => string;
};

/** A column header that sorts the list: a click sorts by the column, a second click reverses it. */
export function SortableHeader({
  sorting,
  sortKey,
  className,
  children,
}: {
  sorting: Sorting;
  sortKey: string;
  className?: string;
  children: string;
}) {
  const isSorted = sorting.sort === sortKey;
  const nextDir = isSorted ? (sorting.dir === 'asc' ? 'desc' : 'asc') : sorting.firstDir;
  return (
    <th scope="col" className={className} aria-sort={isSorted ? (sorting.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link href={sorting.href(sortKey, nextDir)} title={sorting.titleOf(children)}>
        {children}
        {isSorted ? (sorting.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </Link>
    </th>
  );
}
