import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { BarChart } from '@/components/charts/BarChart';
import { onNarrowScreen } from '@/components/narrowScreen';
import { SelectField } from '@/components/fields';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchSurveyPage, perceptionKeys } from './api';
import { ChangeMark } from './ChangeMark';
import { fetchTrend, respondentGroups, type PerceptionTrend, type RespondentGroup } from './contract';
import { perceptionMessages } from './messages';
import { ScoreFigure } from './ScoreFigure';
import { keyFactorLabel } from './scoreData';
import './perception.css';

/**
 * /administrations/:id/perception-trend: the administration's rounds in fieldwork order, per group a chart and a
 * table of the favourable share per key factor, with the change in points from one round to the next. The
 * questionnaire can be chosen among those its rounds answered (rounds of one questionnaire compare best).
 */
export function TrendPage() {
  const { id = '' } = useParams();
  const client = useApiClient();
  const t = useMessages(perceptionMessages);
  const name = useBilingual();
  const [search, setSearch] = useSearchParams();
  const questionnaireId = search.get('questionnaireId');
  // The administration's rounds name it and the questionnaires they answered; a first page holds years of rounds.
  const rounds = useQuery({
    queryKey: perceptionKeys.surveyList({ administrationId: id }),
    queryFn: ({ signal }) => fetchSurveyPage(client, { administrationId: id }, undefined, signal),
  });
  const trend = useQuery({ queryKey: perceptionKeys.trend(id, questionnaireId), queryFn: ({ signal }) => fetchTrend(client, id, questionnaireId, signal) });
  const first = rounds.data?.items[0];
  const questionnaires = [...new Map((rounds.data?.items ?? []).map((round) => [round.questionnaireId, round.questionnaireCode])).entries()];
  const choose = (value: string) => setSearch(value ? { questionnaireId: value } : {}, { replace: true });

  let content;
  if (trend.isError) content = <ProblemAlert error={trend.error} onRetry={() => void trend.refetch()} />;
  else if (!trend.data) content = <Loading label={t.trend.loading} />;
  else if (trend.data.rounds.length === 0) content = <p>{t.trend.empty}</p>;
  else
    content = (
      <>
        <p className="field-hint">{t.trend.note}</p>
        {respondentGroups.map((group) => (
          <GroupTrend key={group} trend={trend.data} group={group} />
        ))}
      </>
    );
  return (
    <Page title={first ? t.trend.heading(name(first, 'administrationNameEn', 'administrationNameFr')) : t.trend.title}>
      <p>
        <Link to={`/perception-surveys?${new URLSearchParams({ administrationId: id })}`}>{t.trend.back}</Link>
      </p>
      {rounds.isError && <ProblemAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      <form className="form choice-form" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t.trend.questionnaire}
          value={questionnaireId ?? ''}
          onValue={choose}
          placeholder={t.trend.allQuestionnaires}
          options={questionnaires.map(([value, code]) => ({ value, label: code }))}
        />
      </form>
      {content}
    </Page>
  );
}

/** One group's rounds: the chart (a series per round) and the table with the change marks. */
function GroupTrend({ trend, group }: { trend: PerceptionTrend; group: RespondentGroup }) {
  const t = useMessages(perceptionMessages);
  const name = useBilingual();
  const format = useFormat();
  const items = trend.items.filter((item) => item.group === group);
  if (items.length === 0) return null;
  const groupName = t.groups[group];
  const keyFactor = (item: PerceptionTrend['items'][number]) => `${item.keyFactorCode} ${name(item, 'keyFactorNameEn', 'keyFactorNameFr')}`;
  return (
    <section aria-labelledby={`trend-${group}`}>
      <h2 id={`trend-${group}`}>{groupName}</h2>
      <BarChart
        title={t.trend.chart(groupName)}
        horizontal
        labels={items.map((item) => keyFactorLabel(item, name(item, 'keyFactorNameEn', 'keyFactorNameFr'), onNarrowScreen()))}
        series={trend.rounds.map((round, index) => ({
          label: round.label,
          values: items.map((item) => (item.points[index]?.suppressed ? null : (item.points[index]?.favourablePercent ?? null))),
        }))}
      />
      <div className="table-box">
        <table className="trend-table">
          <caption>{t.trend.caption(groupName)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.trend.keyFactor}</th>
              {trend.rounds.map((round) => (
                <th key={round.surveyId} scope="col" className="number">
                  <Link to={`/perception-surveys/${round.surveyId}`}>{round.label}</Link>
                  <span className="round-dates">{format.period(round.fieldworkStartsOn, round.fieldworkEndsOn)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.keyFactorCode}>
                <th scope="row">{keyFactor(item)}</th>
                {trend.rounds.map((round, index) => {
                  const point = item.points[index];
                  return (
                    <td key={round.surveyId} className="number">
                      <ScoreFigure cell={point} figure="favourablePercent" />
                      {point && <ChangeMark point={point} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
