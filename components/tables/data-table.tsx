/**
 * The application's table: one declaration of its columns (header and cell), rendered with
 * column headers for screen readers, numbers right-aligned, and, where the screen sorts by a
 * column, a header link that sorts by it (the column's `sortKey`).
 */
import { Fragment, type HTMLAttributes, type ReactNode } from 'react';
import { SortableHeader, type Sorting } from './sortable-header';

export type Column<Row> = {
  header: string;
  /** A header for screen readers only (a column of actions). */
  isHeaderHidden?: boolean;
  cell: (row: Row) => ReactNode;
  /** Amounts and counts: right-aligned, tabular figures, on one line. */
  isNumeric?: boolean;
  /** Dates and references that would break badly. */
  isNowrap?: boolean;
  /** The row's own name (a `<th scope="row">`), for tables whose rows have one. */
  isRowHeader?: boolean;
  /** The value of the screen's sort parameter for this column. */
  sortKey?: string;
};

type Labelled = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

type DataTableProps<Row> = Labelled & {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Attributes of a row: a state class (`void`, `selected`), a test id. */
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & { 'data-testid'?: string };
  /** A row under a row (a head's members under its billing line), spanning the table. */
  rowDetails?: (row: Row) => ReactNode;
  footer?: ReactNode;
  sorting?: Sorting;
  className?: string;
};

/**
 * A cell's attributes, made once per column. An attribute absent is left out rather than set to
 * undefined: the payload that React hydrates writes each prop given, `"$undefined"` included, and
 * a table writes its cells' for every row (the headers, once, keep plain props).
 */
function cellProps(column: { isNumeric?: boolean; isNowrap?: boolean }): { className?: string } {
  if (column.isNumeric) return { className: 'numeric nowrap' };
  return column.isNowrap ? { className: 'nowrap' } : {};
}

export function DataTable<Row>({
  label,
  labelledBy,
  columns,
  rows,
  rowKey,
  rowProps,
  rowDetails,
  footer,
  sorting,
  className,
}: DataTableProps<Row>) {
  const cells = columns.map(cellProps);
  return (
    <table className={className ? `data-table ${className}` : 'data-table'} aria-label={label} aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {columns.map((column, index) =>
            sorting && column.sortKey ? (
              <SortableHeader key={index} sorting={sorting} sortKey={column.sortKey} className={column.isNumeric ? 'numeric' : undefined}>
                {column.header}
              </SortableHeader>
            ) : (
              <th key={index} scope="col" className={column.isNumeric ? 'numeric' : undefined}>
                {column.isHeaderHidden ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = rowKey(row);
          const details = rowDetails?.(row);
          const line = (
            <tr key={key} {...rowProps?.(row)}>
              {columns.map((column, index) =>
                column.isRowHeader ? (
                  <th key={index} scope="row" {...cells[index]}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={index} {...cells[index]}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          );
          // A row with details is two rows under one key; one without is its row alone.
          return details ? (
            <Fragment key={key}>
              {line}
              <tr className="details-row">
                <td colSpan={columns.length}>{details}</td>
              </tr>
            </Fragment>
          ) : (
            line
          );
        })}
      </tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  );
}
