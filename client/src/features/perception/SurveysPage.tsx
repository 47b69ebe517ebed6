import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { FilterForm } from '@/components/FilterForm';
import { SelectField } from '@/components/fields';
import { Page } from '@/components/Page';
import { CursorTable } from '@/components/RecordTable';
import { useFormValues } from '@/components/RecordForm';
import { useProgrammeChoices } from '@/lib/referenceData';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchSurveyPage, perceptionKeys, type SurveyFilters } from './api';
import { perceptionMessages } from './messages';
import { RegisterSurveyForm } from './RegisterSurveyForm';
import './perception.css';

const filterNames = ['programmeId', 'administrationId'] as const;

/** The filters live in the address, so that "Back" from a round finds the list as it was. */
function readFilters(params: URLSearchParams): SurveyFilters {
  return Object.fromEntries(filterNames.flatMap((name) => (params.get(name) ? [[name, params.get(name)]] : []))) as SurveyFilters;
}

/** /perception-surveys: the survey rounds in the caller's scope, latest first, filtered; registering one; the questionnaires. */
export function SurveysPage() {
  const t = useMessages(perceptionMessages);
  const [params, setParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
  const filters = readFilters(params);
  return (
    <Page
      title={t.heading}
      actions={
        !registering && (
          <button type="button" onClick={() => setRegistering(true)}>
            {t.rounds.register.open}
          </button>
        )
      }
    >
      <ul className="page-links">
        <li>
          <Link to="/questionnaires">{t.rounds.questionnaires}</Link>
        </li>
        <li>
          <Link to="/perception">{t.rounds.summaries}</Link>
        </li>
      </ul>
      {registering && <RegisterSurveyForm onCancel={() => setRegistering(false)} />}
      <SurveyFilterForm key={params.toString()} filters={filters} onApply={(next) => setParams(next as Record<string, string>)} />
      <SurveyList filters={filters} />
    </Page>
  );
}

function SurveyFilterForm({ filters, onApply }: { filters: SurveyFilters; onApply: (filters: SurveyFilters) => void }) {
  const t = useMessages(perceptionMessages);
  const { values, set, setValues } = useFormValues<SurveyFilters>(filters);
  const choices = useProgrammeChoices(values.programmeId);
  return (
    <FilterForm
      folded={t.rounds.filters.legend}
      label={t.rounds.filters.legend}
      button={t.rounds.filters.apply}
      onApply={() => onApply(Object.fromEntries(Object.entries(values).filter(([, value]) => value)) as SurveyFilters)}
    >
      <SelectField
        label={t.fields.programme}
        value={values.programmeId ?? ''}
        onValue={(programmeId) => setValues((previous) => ({ ...previous, programmeId, administrationId: undefined }))}
        options={choices.programmes}
        placeholder={t.rounds.filters.all}
      />
      <SelectField
        label={t.fields.administration}
        value={values.administrationId ?? ''}
        onValue={set('administrationId')}
        options={choices.administrations}
        placeholder={t.rounds.filters.all}
      />
    </FilterForm>
  );
}

function SurveyList({ filters }: { filters: SurveyFilters }) {
  const client = useApiClient();
  const t = useMessages(perceptionMessages);
  const format = useFormat();
  const name = useBilingual();
  const list = useCursorList(perceptionKeys.surveyList(filters), (cursor, signal) => fetchSurveyPage(client, filters, cursor, signal));
  const filtered = filters.administrationId ? list.items.find((survey) => survey.administrationId === filters.administrationId) : undefined;
  return (
    <>
      {filtered && (
        <p>
          <Link to={`/administrations/${filtered.administrationId}/perception-trend`}>
            {t.rounds.compareOf(name(filtered, 'administrationNameEn', 'administrationNameFr'))}
          </Link>
        </p>
      )}
      <CursorTable
        list={list}
        loadingLabel={t.rounds.loading}
        emptyLabel={t.rounds.empty}
        caption={t.rounds.caption}
        rowKey={(survey) => survey.id}
        stackedWhenNarrow
        columns={[
          { header: t.fields.label, cell: (survey) => <Link to={`/perception-surveys/${survey.id}`}>{survey.label}</Link> },
          { header: t.fields.administration, cell: (survey) => name(survey, 'administrationNameEn', 'administrationNameFr') },
          { header: t.fields.programme, cell: (survey) => survey.programmeCode },
          { header: t.fields.questionnaire, cell: (survey) => survey.questionnaireCode },
          { header: t.fields.fieldwork, className: 'nowrap', cell: (survey) => format.period(survey.fieldworkStartsOn, survey.fieldworkEndsOn) },
          { header: t.fields.respondents, className: 'number', cell: (survey) => format.number(survey.respondentCount) },
          {
            header: '',
            className: 'row-actions',
            cell: (survey) => (
              <Link to={`/administrations/${survey.administrationId}/perception-trend`} aria-label={t.rounds.compareOf(name(survey, 'administrationNameEn', 'administrationNameFr'))}>
                {t.rounds.compare}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
