import type { ReactNode } from 'react';
import type { useCursorList } from '@/api/useCursorList';
import { Loading } from '@/components/Page';
import { PagedList } from '@/components/PagedList';
import { ProblemAlert } from '@/components/ProblemAlert';

export interface Column<T> {
  /** Empty for a column of links or buttons, whose header cell stays blank. */
  header: string;
  cell: (row: T) => ReactNode;
  /** On the header and every cell, e.g. `number` (right-aligned) or `nowrap`. */
  className?: string;
}

/**
 * A table of records: the first column heads each row. `stackedWhenNarrow`: on a phone's screen each row
 * becomes a card, its cells one under the other, each named by its column, so that nothing (a row's links
 * least of all) lies beyond the screen's edge.
 */
export function RecordTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  busy,
  stackedWhenNarrow,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  busy?: boolean;
  stackedWhenNarrow?: boolean;
}) {
  return (
    <table aria-busy={busy} className={stackedWhenNarrow ? 'stacked-when-narrow' : undefined}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) =>
            column.header ? (
              <th key={index} scope="col" className={column.className}>
                {column.header}
              </th>
            ) : (
              <td key={index} />
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) =>
              index === 0 ? (
                <th key={index} scope="row" className={column.className}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={index} className={column.className} data-label={stackedWhenNarrow && column.header ? column.header : undefined}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A list read a page at a time: loading, failure, nothing found, then the rows and "Load more". */
export function CursorTable<T>({
  list,
  loadingLabel,
  emptyLabel,
  ...table
}: {
  list: ReturnType<typeof useCursorList<T>>;
  loadingLabel?: string;
  emptyLabel: string;
  caption: string;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  stackedWhenNarrow?: boolean;
}) {
  return (
    <PagedList list={list} loading={loadingLabel} empty={emptyLabel}>
      {(items) => <RecordTable {...table} rows={items} busy={list.loadingMore} />}
    </PagedList>
  );
}

/** A whole short list from one query (regions, countries, key factors, an action's history). */
export function QueryTable<T>({
  query,
  loadingLabel,
  emptyLabel,
  ...table
}: {
  query: { data?: { items: T[] }; error: unknown; isPending: boolean; refetch: () => unknown };
  loadingLabel: string;
  /** Said instead of an empty table. */
  emptyLabel?: string;
  caption: string;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (!query.data) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (emptyLabel !== undefined && query.data.items.length === 0) return <p>{emptyLabel}</p>;
  return <RecordTable {...table} rows={query.data.items} />;
}
