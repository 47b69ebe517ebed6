import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { CursorTable } from '@/components/RecordTable';
import { common } from '@/i18n/common';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchIndicatorPage, resultKeys } from './api';
import { resultMessages } from './messages';

/** A programme's results framework: its indicators by code, each opening its targets and actuals. */
export function IndicatorList({ programmeId, programmeCode }: { programmeId: string; programmeCode: string }) {
  const client = useApiClient();
  const t = useMessages(resultMessages);
  const shared = useMessages(common);
  const title = useBilingual();
  const list = useCursorList(resultKeys.indicators(programmeId), (cursor, signal) => fetchIndicatorPage(client, programmeId, cursor, signal));

  return (
    <section aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">{t.indicators.heading}</h2>
      <p>
        <Link className="button" to={`/results/${programmeId}/indicators/new`}>
          {t.indicators.define}
        </Link>
      </p>
      <CursorTable
        list={list}
        emptyLabel={t.indicators.empty}
        caption={t.indicators.caption(programmeCode)}
        rowKey={(indicator) => indicator.id}
        columns={[
          { header: t.indicators.columns.code, cell: (indicator) => <Link to={`/results/${programmeId}/indicators/${indicator.id}`}>{indicator.code}</Link> },
          { header: t.indicators.columns.title, cell: (indicator) => title(indicator, 'titleEn', 'titleFr') },
          { header: t.indicators.columns.unit, cell: (indicator) => indicator.unit },
          { header: t.indicators.columns.measure, cell: (indicator) => t.measure[indicator.measure] },
          { header: t.indicators.columns.computedBy, cell: (indicator) => (indicator.computedBy ? t.rule[indicator.computedBy] : t.indicators.entered) },
          { header: t.indicators.columns.by, cell: (indicator) => indicator.disaggregations.map((by) => t.disaggregation[by]).join(', ') || shared.none },
        ]}
      />
    </section>
  );
}
