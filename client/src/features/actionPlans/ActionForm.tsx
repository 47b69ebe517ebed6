import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { SelectField, TextField } from '@/components/fields';
import { RecordForm, useFormValues } from '@/components/RecordForm';
import { useMessages } from '@/i18n/LocaleProvider';
import { actionPlanKeys, planAction, updateAction, type ActionDetails, type ActionPlanDetails, type PlanAction } from './api';
import { actionPlanMessages } from './messages';

const placed = ['objectiveId', 'title', 'leadUnit', 'owner', 'startsOn', 'dueOn'];

/**
 * PlanAction, or UpdateAction when `action` is given (If-Match with its version): what an action
 * plans. Its status and percent done come from progress updates only, so they are not here.
 */
export function ActionForm({
  plan,
  action,
  onClose,
  onReload,
}: {
  plan: ActionPlanDetails;
  action?: ActionDetails;
  onClose: () => void;
  onReload: () => void;
}) {
  const client = useApiClient();
  const t = useMessages(actionPlanMessages);
  const { values, set } = useFormValues<PlanAction>({
    objectiveId: action?.objectiveId ?? '',
    title: action?.title ?? '',
    leadUnit: action?.leadUnit ?? '',
    owner: action?.owner ?? '',
    startsOn: action?.startsOn ?? '',
    dueOn: action?.dueOn ?? '',
  });
  const command = useCommand(
    (body: PlanAction, { idempotencyKey }) =>
      action ? updateAction(client, action.id, action.version, body) : planAction(client, plan.id, body, idempotencyKey),
    { invalidates: [actionPlanKeys.all, ...(action ? [actionPlanKeys.action(action.id)] : [])], onDone: onClose },
  );

  return (
    <RecordForm
      command={command}
      label={action ? t.actions.edit : t.actions.plan}
      placedFields={placed}
      onSubmit={() => void command.run(values)}
      onCancel={onClose}
      onReload={onReload}
    >
      <div className="form-wide">
        <SelectField
          label={t.actions.objective}
          required
          value={values.objectiveId}
          onValue={set('objectiveId')}
          options={plan.objectives.map((objective) => ({ value: objective.id, label: `${t.objectives.number(objective.position)}: ${objective.title}` }))}
          placeholder={t.fields.choose}
          errors={command.errorsFor('objectiveId')}
        />
      </div>
      <div className="form-wide">
        <TextField label={t.actions.title} required value={values.title} onValue={set('title')} errors={command.errorsFor('title')} />
      </div>
      <TextField label={t.actions.leadUnit} required value={values.leadUnit} onValue={set('leadUnit')} errors={command.errorsFor('leadUnit')} />
      <TextField
        label={t.actions.owner}
        hint={t.actions.ownerHint}
        required
        value={values.owner}
        onValue={set('owner')}
        errors={command.errorsFor('owner')}
      />
      {(['startsOn', 'dueOn'] as const).map((field) => (
        <TextField
          key={field}
          label={t.actions[field]}
          type="date"
          required
          min={plan.startsOn}
          max={plan.endsOn}
          value={values[field]}
          onValue={set(field)}
          errors={command.errorsFor(field)}
        />
      ))}
    </RecordForm>
  );
}
