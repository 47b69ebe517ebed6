import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { RecordForm, useFormValues } from '@/components/RecordForm';
import { useMessages } from '@/i18n/LocaleProvider';
import { actionPlanKeys, updateActionPlan, type ActionPlanDetails, type UpdateActionPlan } from './api';
import { actionPlanMessages } from './messages';
import { PlanFields, planFields } from './PlanFields';

/**
 * UpdateActionPlan: title and period. The version sent is the latest read, so after a lost race
 * (412) "Reload" fetches the other edit and the next save, with what was typed, applies over it.
 */
export function EditActionPlanForm({ plan, onReload, onClose }: { plan: ActionPlanDetails; onReload: () => void; onClose: () => void }) {
  const client = useApiClient();
  const t = useMessages(actionPlanMessages);
  const { values, set } = useFormValues<UpdateActionPlan>({ title: plan.title, startsOn: plan.startsOn, endsOn: plan.endsOn });
  const command = useCommand((body: UpdateActionPlan) => updateActionPlan(client, plan.id, plan.version, body), {
    invalidates: [actionPlanKeys.all],
    onDone: onClose,
  });
  return (
    <section aria-labelledby="edit-plan-heading" className="card">
      <h2 id="edit-plan-heading">{t.plan.editHeading}</h2>
      <RecordForm command={command} label={t.plan.editHeading} placedFields={planFields} onSubmit={() => void command.run(values)} onCancel={onClose} onReload={onReload}>
        <PlanFields values={values} set={set} errorsFor={command.errorsFor} />
      </RecordForm>
    </section>
  );
}
