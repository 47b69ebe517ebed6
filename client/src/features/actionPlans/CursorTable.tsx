import type { ReactNode } from 'react';
import type { useCursorList } from '@/api/useCursorList';
import { ListFooter } from '@/components/ListFooter';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';

/**
 * A list read through cursors, as a table: loading, failing (with retry), empty, or its rows with
 * "Load more"; a failed next page keeps the rows already shown.
 */
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
  if (list.loading) return <Loading label={loading} />;
  if (list.error && !list.loaded) return <ProblemAlert error={list.error} onRetry={list.retry} />;
  if (list.items.length === 0) return <p>{empty}</p>;
  return (
    <>
      <table aria-busy={list.loadingMore}>
        <caption>{caption}</caption>
        <thead>
          <tr>{header}</tr>
        </thead>
        <tbody>{list.items.map(row)}</tbody>
      </table>
      {list.error && <ProblemAlert error={list.error} />}
      <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={list.loadMore} />
    </>
  );
}
