import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { RecordTable } from '@/components/RecordTable';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { useKeyFactors } from '@/lib/referenceData';
import { useMe } from '@/lib/session';
import { fetchQuestionnaire, perceptionKeys } from './api';
import { perceptionMessages } from './messages';

/** /questionnaires/:id: a questionnaire's titles and questions in order, each with its key factor; administrators may edit it. */
export function QuestionnairePage() {
  const { id = '' } = useParams();
  const client = useApiClient();
  const t = useMessages(perceptionMessages).questionnaires;
  const name = useBilingual();
  const administrator = useMe().role === 'administrator';
  const questionnaire = useQuery({ queryKey: perceptionKeys.questionnaire(id), queryFn: ({ signal }) => fetchQuestionnaire(client, id, signal) });
  const keyFactors = useKeyFactors();
  const keyFactor = (code: string) => {
    const factor = keyFactors.data?.items.find((one) => one.code === code);
    return factor ? `${code} ${name(factor, 'nameEn', 'nameFr')}` : code;
  };

  if (questionnaire.isPending) return <Loading label={t.loading} />;
  if (questionnaire.isError) return <ProblemAlert error={questionnaire.error} onRetry={() => void questionnaire.refetch()} />;
  const record = questionnaire.data;
  return (
    <Page
      title={t.titled(record.code, name(record, 'titleEn', 'titleFr'))}
      actions={
        administrator && (
          <Link className="button secondary" to={`/questionnaires/${record.id}/edit`}>
            {t.edit}
          </Link>
        )
      }
    >
      <p>
        <Link to="/questionnaires">{t.back}</Link>
      </p>
      <dl className="details">
        <dt>{t.titleEn}</dt>
        <dd lang="en">{record.titleEn}</dd>
        <dt>{t.titleFr}</dt>
        <dd lang="fr">{record.titleFr}</dd>
      </dl>
      <p className="field-hint">{t.scale}</p>
      <RecordTable
        caption={t.questions}
        rows={record.questions}
        rowKey={(question) => question.code}
        stackedWhenNarrow
        columns={[
          { header: t.questionCode, className: 'nowrap', cell: (question) => question.code },
          { header: t.keyFactor, cell: (question) => keyFactor(question.keyFactorCode) },
          { header: t.text, cell: (question) => name(question, 'textEn', 'textFr') },
          { header: t.reversedShort, cell: (question) => (question.reversed ? t.yes : t.no) },
        ]}
      />
    </Page>
  );
}
