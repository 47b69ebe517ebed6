import type { ReactNode } from 'react';
import type { useCursorList } from '@/api/useCursorList';
import { Loading } from '@/components/Page';
import { PagedList } from '@/components/PagedList';
import { ProblemAlert } from '@/components/ProblemAlert';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

/** A table of records: the first column heads each row. */
export function RecordTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  busy,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  busy?: boolean;
}) {
  return (
    <table aria-busy={busy}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={column.className}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) =>
              index === 0 ? (
                <th key={column.header} scope="row" className={column.className}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.header} className={column.className}>
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
  loadingLabel: string;
  emptyLabel: string;
  caption: string;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
}) {
  return (
    <PagedList list={list} loading={loadingLabel} empty={emptyLabel}>
      {(items) => <RecordTable {...table} rows={items} busy={list.loadingMore} />}
    </PagedList>
  );
}

/** A whole short list from one query (regions, countries, key factors). */
export function QueryTable<T>({
  query,
  loadingLabel,
  ...table
}: {
  query: { data?: { items: T[] }; error: unknown; isPending: boolean; refetch: () => unknown };
  loadingLabel: string;
  caption: string;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (!query.data) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <RecordTable {...table} rows={query.data.items} />;
}
