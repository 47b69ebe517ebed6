import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { FilterForm } from '@/components/FilterForm';
import { TextField } from '@/components/fields';
import { Page } from '@/components/Page';
import { CursorTable } from '@/components/RecordTable';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { useMe } from '@/lib/session';
import { fetchQuestionnairePage, perceptionKeys } from './api';
import { perceptionMessages } from './messages';

/** /questionnaires: the perception survey questionnaires by code; administrators add and change them, coordinators read them. */
export function QuestionnairesPage() {
  const client = useApiClient();
  const messages = useMessages(perceptionMessages);
  const t = messages.questionnaires;
  const format = useFormat();
  const title = useBilingual();
  const administrator = useMe().role === 'administrator';
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const list = useCursorList(perceptionKeys.questionnaireList(q), (cursor, signal) => fetchQuestionnairePage(client, q, cursor, signal));
  return (
    <Page
      title={t.heading}
      actions={
        administrator && (
          <Link className="button" to="/questionnaires/new">
            {t.create}
          </Link>
        )
      }
    >
      <p>
        <Link to="/perception-surveys">{messages.round.back}</Link>
      </p>
      <FilterForm button={t.apply} onApply={() => setParams(typed ? { q: typed } : {})}>
        <TextField label={t.search} type="search" value={typed} onValue={setTyped} />
      </FilterForm>
      <CursorTable
        list={list}
        loadingLabel={t.loading}
        emptyLabel={t.empty}
        caption={t.caption}
        rowKey={(questionnaire) => questionnaire.id}
        stackedWhenNarrow
        columns={[
          { header: t.code, cell: (questionnaire) => <Link to={`/questionnaires/${questionnaire.id}`}>{questionnaire.code}</Link> },
          { header: t.title, cell: (questionnaire) => title(questionnaire, 'titleEn', 'titleFr') },
          { header: t.questionCount, className: 'number', cell: (questionnaire) => format.number(questionnaire.questions.length) },
        ]}
      />
    </Page>
  );
}
