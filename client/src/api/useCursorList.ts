import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/**
 * A list read a page at a time through the API's cursors: "Load more" asks for the next page
 * and appends it, so a slow connection never downloads more than the user looks at.
 */
export function useCursorList<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return {
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    loaded: query.data !== undefined,
    loading: query.isPending,
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    retry: () => void query.refetch(),
  };
}
