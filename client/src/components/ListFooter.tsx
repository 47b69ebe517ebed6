import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';

/** How many rows are shown, and the button for the next page while there is one. */
export function ListFooter({
  count,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  count: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const t = useMessages(common);
  return (
    <p className="list-footer">
      <span aria-live="polite">{t.shown(count)}</span>
      {hasMore && (
        <button type="button" onClick={onLoadMore} disabled={loadingMore}>
          {loadingMore ? t.actions.loadingMore : t.actions.loadMore}
        </button>
      )}
    </p>
  );
}
