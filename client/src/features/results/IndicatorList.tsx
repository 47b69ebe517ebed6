import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { PagedList } from '@/components/PagedList';
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
      <PagedList list={list} empty={t.indicators.empty}>
        {(items) => (
          <table aria-busy={list.loadingMore}>
            <caption>{t.indicators.caption(programmeCode)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.indicators.columns.code}</th>
                <th scope="col">{t.indicators.columns.title}</th>
                <th scope="col">{t.indicators.columns.unit}</th>
                <th scope="col">{t.indicators.columns.measure}</th>
                <th scope="col">{t.indicators.columns.computedBy}</th>
                <th scope="col">{t.indicators.columns.by}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((indicator) => (
                <tr key={indicator.id}>
                  <th scope="row">
                    <Link to={`/results/${programmeId}/indicators/${indicator.id}`}>{indicator.code}</Link>
                  </th>
                  <td>{title(indicator, 'titleEn', 'titleFr')}</td>
                  <td>{indicator.unit}</td>
                  <td>{t.measure[indicator.measure]}</td>
                  <td>{indicator.computedBy ? t.rule[indicator.computedBy] : t.indicators.entered}</td>
                  <td>{indicator.disaggregations.map((by) => t.disaggregation[by]).join(', ') || shared.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </section>
  );
}
