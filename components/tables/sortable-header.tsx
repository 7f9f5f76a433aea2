import { Link } from '@/components/link';

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

/** The sorting of a list whose URL state holds `sort`, `dir` and `page`: a header link sorts from the first page. */
export function sortingOf<S extends { sort: string; dir: 'asc' | 'desc'; page: number }>(
  url: { href: (state: S, changes: Partial<S>) => string },
  search: S,
  options: { firstDir: 'asc' | 'desc'; titleOf: (header: string) => string },
): Sorting {
  return {
    sort: search.sort,
    dir: search.dir,
    ...options,
    // The column keys given to the table are values of the screen's sort parameter.
    href: (sort, dir) => url.href(search, { sort, dir, page: 1 } as Partial<S>),
  };
}
