import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { BarChart } from '@/components/charts/BarChart';
import { onNarrowScreen } from '@/components/narrowScreen';
import { SelectField } from '@/components/fields';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { perceptionKeys, type PerceptionSurveyDetails } from './api';
import { fetchScores, respondentGroups, scoreBreakdowns, type ScoreBreakdown, type SurveyScores } from './contract';
import { perceptionMessages } from './messages';
import { ScoreFigure } from './ScoreFigure';
import { favourableByGroup, keyFactorLabel, scoreRows } from './scoreData';

const figures = ['favourablePercent', 'mean', 'respondents'] as const;

/**
 * A round's scores: a chart of the favourable share of the two groups per key factor, and under it the table of
 * favourable share, mean and respondents, broken down by service, sex or region when chosen (the chart stays whole).
 * Side by side they would not fit the page: the table alone takes a laptop's width.
 */
export function SurveyScores({ survey }: { survey: PerceptionSurveyDetails }) {
  const client = useApiClient();
  const t = useMessages(perceptionMessages);
  const name = useBilingual();
  const [search, setSearch] = useSearchParams();
  const by = scoreBreakdowns.find((one) => one === search.get('by')) ?? null;
  const imported = survey.respondentCount > 0;
  const whole = useQuery({
    queryKey: perceptionKeys.scores(survey.id, null),
    queryFn: ({ signal }) => fetchScores(client, survey.id, null, signal),
    enabled: imported,
  });
  const broken = useQuery({
    queryKey: perceptionKeys.scores(survey.id, by),
    queryFn: ({ signal }) => fetchScores(client, survey.id, by, signal),
    enabled: imported && by !== null,
  });
  const table = by ? broken : whole;
  const choose = (value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set('by', value);
    else next.delete('by');
    setSearch(next, { replace: true });
  };

  let content;
  if (!imported) content = <p>{t.scores.empty}</p>;
  else if (whole.isError) content = <ProblemAlert error={whole.error} onRetry={() => void whole.refetch()} />;
  else if (!whole.data) content = <Loading label={t.scores.loading} />;
  else {
    const chart = favourableByGroup(whole.data.items);
    content = (
      <>
        <p className="field-hint">
          {t.scores.note} {t.scores.rule(whole.data.minimumCellSize)}
        </p>
        <BarChart
          title={t.scores.chart}
          horizontal
          labels={chart.keyFactors.map((factor) => keyFactorLabel(factor, name(factor, 'keyFactorNameEn', 'keyFactorNameFr'), onNarrowScreen()))}
          series={respondentGroups.map((group) => ({ label: t.groups[group], values: chart.byGroup[group] }))}
        />
        <div className="scores-table">
          <form className="form choice-form" onSubmit={(event) => event.preventDefault()}>
            <SelectField
              label={t.scores.by}
              value={by ?? ''}
              onValue={choose}
              placeholder={t.scores.byNone}
              options={scoreBreakdowns.map((one) => ({ value: one, label: t.scores.breakdowns[one] }))}
            />
          </form>
          {table.isError ? (
            <ProblemAlert error={table.error} onRetry={() => void table.refetch()} />
          ) : !table.data ? (
            <Loading label={t.scores.loading} />
          ) : (
            <ScoreTable scores={table.data} />
          )}
        </div>
      </>
    );
  }
  return (
    <section aria-labelledby="scores-heading">
      <h2 id="scores-heading">{t.scores.heading}</h2>
      {content}
    </section>
  );
}

/** The scores as a table: a row per key factor (and breakdown), the two groups' favourable share, mean and respondents side by side. */
export function ScoreTable({ scores }: { scores: SurveyScores }) {
  const t = useMessages(perceptionMessages);
  const name = useBilingual();
  const rows = scoreRows(scores.items);
  const breakdown = (by: ScoreBreakdown, value: string | null) => {
    if (value === null) return t.scores.notGiven;
    if (by === 'sex') return t.scores.sexes[value as keyof typeof t.scores.sexes] ?? value;
    return value;
  };
  const headers = { favourablePercent: t.scores.favourable, mean: t.scores.mean, respondents: t.scores.respondents };
  return (
    <table className="score-table">
      <caption>{t.scores.caption}</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {t.scores.keyFactor}
          </th>
          {scores.by && (
            <th scope="col" rowSpan={2}>
              {t.scores.breakdowns[scores.by]}
            </th>
          )}
          {respondentGroups.map((group) => (
            <th key={group} scope="colgroup" colSpan={figures.length}>
              {t.groups[group]}
            </th>
          ))}
        </tr>
        <tr>
          {respondentGroups.flatMap((group) =>
            figures.map((figure) => (
              <th key={`${group}:${figure}`} scope="col" className="number">
                {headers[figure]}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              {row.keyFactor.keyFactorCode} <span className="key-factor-name">{name(row.keyFactor, 'keyFactorNameEn', 'keyFactorNameFr')}</span>
            </th>
            {scores.by && <td>{breakdown(scores.by, row.breakdown)}</td>}
            {respondentGroups.flatMap((group) =>
              figures.map((figure) => (
                <td key={`${group}:${figure}`} className="number">
                  <ScoreFigure cell={row.byGroup[group]} figure={figure} minimumCellSize={scores.minimumCellSize} />
                </td>
              )),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
