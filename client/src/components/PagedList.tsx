import type { ReactNode } from 'react';
import type { useCursorList } from '@/api/useCursorList';
import { ListFooter } from '@/components/ListFooter';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';

/**
 * A cursor list's states around its table: loading, failed before anything came, empty; then the
 * table (`children`), a failure to load more (rows kept) and the footer with "Load more".
 */
export function PagedList<T>({
  list,
  loading,
  empty,
  children,
}: {
  list: ReturnType<typeof useCursorList<T>>;
  loading?: string;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  if (list.loading) return <Loading label={loading} />;
  if (list.error && !list.loaded) return <ProblemAlert error={list.error} onRetry={list.retry} />;
  if (list.items.length === 0) return <p>{empty}</p>;
  return (
    <>
      {children(list.items)}
      {list.error && <ProblemAlert error={list.error} />}
      <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={list.loadMore} />
    </>
  );
}
