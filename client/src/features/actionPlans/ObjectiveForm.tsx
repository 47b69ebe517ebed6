import { useApiClient } from '@/api/ApiClientProvider';
import { useKeyFactors } from '@/lib/referenceData';
import { useCommand } from '@/api/useCommand';
import { CheckboxGroup, TextAreaField, TextField } from '@/components/fields';
import { RecordForm, useFormValues } from '@/components/RecordForm';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { actionPlanKeys, addObjective, updateObjective, type AddObjective, type ObjectiveDetails } from './api';
import { actionPlanMessages } from './messages';

const placed = ['title', 'keyFactorCodes', 'outcomeIndicator', 'baseline', 'target'];

/**
 * AddObjective, or UpdateObjective when `objective` is given (If-Match with its version): the key
 * factors it serves, its outcome indicator, baseline (empty: not measured yet) and target.
 */
export function ObjectiveForm({
  planId,
  objective,
  onClose,
  onReload,
}: {
  planId: string;
  objective?: ObjectiveDetails;
  onClose: () => void;
  onReload: () => void;
}) {
  const client = useApiClient();
  const t = useMessages(actionPlanMessages);
  const name = useBilingual();
  const keyFactors = useKeyFactors();
  const { values, set } = useFormValues<AddObjective>({
    title: objective?.title ?? '',
    keyFactorCodes: objective?.keyFactorCodes ?? [],
    outcomeIndicator: objective?.outcomeIndicator ?? '',
    baseline: objective?.baseline ?? '',
    target: objective?.target ?? '',
  });
  const command = useCommand(
    (body: AddObjective, { idempotencyKey }) =>
      objective ? updateObjective(client, planId, objective, body) : addObjective(client, planId, body, idempotencyKey),
    { invalidates: [actionPlanKeys.all], onDone: onClose },
  );
  const heading = objective ? t.objectives.edit(objective.position) : t.objectives.add;
  const send = () => void command.run({ ...values, baseline: values.baseline?.trim() ? values.baseline : null });

  return (
    <RecordForm command={command} label={heading} placedFields={placed} onSubmit={send} onCancel={onClose} onReload={onReload}>
      <div className="form-wide">
        <TextField label={t.objectives.title} required value={values.title} onValue={set('title')} errors={command.errorsFor('title')} />
      </div>
      <CheckboxGroup
        legend={t.objectives.keyFactors}
        options={(keyFactors.data?.items ?? []).map((factor) => ({ value: factor.code, label: `${factor.code} ${name(factor, 'nameEn', 'nameFr')}` }))}
        selected={values.keyFactorCodes}
        onSelected={set('keyFactorCodes')}
        errors={command.errorsFor('keyFactorCodes')}
      />
      <div className="form-wide">
        <TextAreaField
          label={t.objectives.outcomeIndicator}
          required
          value={values.outcomeIndicator}
          onValue={set('outcomeIndicator')}
          errors={command.errorsFor('outcomeIndicator')}
        />
      </div>
      <TextField
        label={t.objectives.baseline}
        hint={t.objectives.baselineHint}
        value={values.baseline ?? ''}
        onValue={set('baseline')}
        errors={command.errorsFor('baseline')}
      />
      <TextField label={t.objectives.target} required value={values.target} onValue={set('target')} errors={command.errorsFor('target')} />
    </RecordForm>
  );
}
