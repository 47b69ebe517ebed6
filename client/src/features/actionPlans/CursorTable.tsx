import type { ReactNode } from 'react';
import type { useCursorList } from '@/api/useCursorList';
import { PagedList } from '@/components/PagedList';

/** A list read through cursors, as a table with these header cells and one row per item. */
export function CursorTable<T>({
  list,
  loading,
  empty,
  caption,
  header,
  row,
}: {
  list: ReturnType<typeof useCursorList<T>>;
  loading: string;
  empty: string;
  caption: string;
  /** The header cells (th scope="col"). */
  header: ReactNode;
  row: (item: T) => ReactNode;
}) {
  return (
    <PagedList list={list} loading={loading} empty={empty}>
      {(items) => (
        <table aria-busy={list.loadingMore}>
          <caption>{caption}</caption>
          <thead>
            <tr>{header}</tr>
          </thead>
          <tbody>{items.map(row)}</tbody>
        </table>
      )}
    </PagedList>
  );
}
