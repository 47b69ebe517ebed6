import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchSurvey, perceptionKeys } from './api';
import { ImportResponses } from './ImportResponses';
import { perceptionMessages } from './messages';
import { SurveyScores } from './SurveyScores';
import './perception.css';

/** /perception-surveys/:id: a round's facts, the import of its responses, its scores, and the way to compare it with the others. */
export function SurveyPage() {
  const { id = '' } = useParams();
  const client = useApiClient();
  const t = useMessages(perceptionMessages);
  const format = useFormat();
  const name = useBilingual();
  const survey = useQuery({ queryKey: perceptionKeys.survey(id), queryFn: ({ signal }) => fetchSurvey(client, id, signal) });

  if (survey.isPending) return <Loading label={t.round.loading} />;
  if (survey.isError) return <ProblemAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  const round = survey.data;
  const administration = name(round, 'administrationNameEn', 'administrationNameFr');
  return (
    <Page title={t.round.title(round.label, administration)}>
      <ul className="page-links">
        <li>
          <Link to="/perception-surveys">{t.round.back}</Link>
        </li>
        <li>
          <Link to={`/administrations/${round.administrationId}/perception-trend?${new URLSearchParams({ questionnaireId: round.questionnaireId })}`}>
            {t.round.compare}
          </Link>
        </li>
      </ul>
      <dl className="details">
        <dt>{t.fields.administration}</dt>
        <dd>{administration}</dd>
        <dt>{t.fields.programme}</dt>
        <dd>{round.programmeCode}</dd>
        <dt>{t.fields.questionnaire}</dt>
        <dd>
          <Link to={`/questionnaires/${round.questionnaireId}`}>{round.questionnaireCode}</Link>
        </dd>
        <dt>{t.fields.fieldwork}</dt>
        <dd>{format.period(round.fieldworkStartsOn, round.fieldworkEndsOn)}</dd>
        <dt>{t.fields.respondents}</dt>
        <dd>{format.number(round.respondentCount)}</dd>
        <dt>{t.fields.answers}</dt>
        <dd>{format.number(round.answerCount)}</dd>
      </dl>
      <SurveyScores survey={round} />
      <ImportResponses survey={round} />
    </Page>
  );
}
