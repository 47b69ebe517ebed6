import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { SelectField, TextField } from '@/components/fields';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ProgrammeAdministrationFields } from '@/components/ProgrammeAdministrationFields';
import { RecordForm, useFormValues } from '@/components/RecordForm';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchAllQuestionnaires, perceptionKeys, registerSurvey, type RegisterPerceptionSurvey } from './api';
import { perceptionMessages } from './messages';

const placed = ['programmeId', 'administrationId', 'questionnaireId', 'label', 'fieldworkStartsOn', 'fieldworkEndsOn'];

/** RegisterPerceptionSurvey: a round of an administration under a programme that covers it, answering one questionnaire; then its page. */
export function RegisterSurveyForm({ onCancel }: { onCancel: () => void }) {
  const client = useApiClient();
  const navigate = useNavigate();
  const t = useMessages(perceptionMessages);
  const title = useBilingual();
  const { values, set, setValues } = useFormValues<RegisterPerceptionSurvey>({
    programmeId: '',
    administrationId: '',
    questionnaireId: '',
    label: '',
    fieldworkStartsOn: '',
    fieldworkEndsOn: '',
  });
  const questionnaires = useQuery({ queryKey: [...perceptionKeys.questionnaires, 'all'], queryFn: ({ signal }) => fetchAllQuestionnaires(client, signal) });
  const command = useCommand((body: RegisterPerceptionSurvey, { idempotencyKey }) => registerSurvey(client, body, idempotencyKey), {
    invalidates: [perceptionKeys.surveys],
    onDone: (created) => void navigate(`/perception-surveys/${created.id}`),
  });

  return (
    <section aria-labelledby="register-round-heading" className="card">
      <h2 id="register-round-heading">{t.rounds.register.heading}</h2>
      {questionnaires.error && <ProblemAlert error={questionnaires.error} onRetry={() => void questionnaires.refetch()} />}
      <RecordForm
        command={command}
        label={t.rounds.register.heading}
        submitLabel={t.rounds.register.submit}
        placedFields={placed}
        onSubmit={() => void command.run(values)}
        onCancel={onCancel}
      >
        <ProgrammeAdministrationFields
          values={values}
          onValues={(chosen) => setValues((previous) => ({ ...previous, ...chosen }))}
          errorsFor={command.errorsFor}
          labels={{ ...t.fields, chooseProgrammeFirst: t.rounds.register.chooseProgrammeFirst }}
        />
        <SelectField
          label={t.fields.questionnaire}
          required
          value={values.questionnaireId}
          onValue={set('questionnaireId')}
          options={(questionnaires.data?.items ?? []).map((one) => ({ value: one.id, label: `${one.code} — ${title(one, 'titleEn', 'titleFr')}` }))}
          placeholder={t.fields.choose}
          errors={command.errorsFor('questionnaireId')}
        />
        <TextField
          label={t.fields.label}
          required
          hint={t.rounds.register.labelHint}
          value={values.label}
          onValue={set('label')}
          errors={command.errorsFor('label')}
        />
        <TextField
          label={t.fields.fieldworkStartsOn}
          type="date"
          required
          value={values.fieldworkStartsOn}
          onValue={set('fieldworkStartsOn')}
          errors={command.errorsFor('fieldworkStartsOn')}
        />
        <TextField
          label={t.fields.fieldworkEndsOn}
          type="date"
          required
          value={values.fieldworkEndsOn}
          onValue={set('fieldworkEndsOn')}
          errors={command.errorsFor('fieldworkEndsOn')}
        />
      </RecordForm>
    </section>
  );
}
