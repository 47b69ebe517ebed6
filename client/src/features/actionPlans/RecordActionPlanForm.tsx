import { useNavigate } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { ProgrammeAdministrationFields } from '@/components/ProgrammeAdministrationFields';
import { RecordForm, useFormValues } from '@/components/RecordForm';
import { useMessages } from '@/i18n/LocaleProvider';
import { actionPlanKeys, recordActionPlan, type RecordActionPlan } from './api';
import { actionPlanMessages } from './messages';
import { PlanFields, planFields } from './PlanFields';

const placed = ['programmeId', 'administrationId', ...planFields];

/** RecordActionPlan: a draft plan of an administration under a programme that covers it; then its page. */
export function RecordActionPlanForm({ onCancel }: { onCancel: () => void }) {
  const client = useApiClient();
  const navigate = useNavigate();
  const t = useMessages(actionPlanMessages);
  const { values, set, setValues } = useFormValues<RecordActionPlan>({ programmeId: '', administrationId: '', title: '', startsOn: '', endsOn: '' });
  const command = useCommand((body: RecordActionPlan, { idempotencyKey }) => recordActionPlan(client, body, idempotencyKey), {
    invalidates: [actionPlanKeys.all],
    onDone: (created) => void navigate(`/action-plans/${created.id}`),
  });

  return (
    <section aria-labelledby="record-plan-heading" className="card">
      <h2 id="record-plan-heading">{t.record.heading}</h2>
      <RecordForm command={command} label={t.record.heading} submitLabel={t.record.submit} placedFields={placed} onSubmit={() => void command.run(values)} onCancel={onCancel}>
        <ProgrammeAdministrationFields
          values={values}
          onValues={(chosen) => setValues((previous) => ({ ...previous, ...chosen }))}
          errorsFor={command.errorsFor}
          labels={{ ...t.fields, chooseProgrammeFirst: t.record.chooseProgrammeFirst }}
        />
        <PlanFields values={values} set={set} errorsFor={command.errorsFor} />
      </RecordForm>
    </section>
  );
}
