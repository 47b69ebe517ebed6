import type { Command } from '@/api/useCommand';
import { TextField } from '@/components/fields';
import { useMessages } from '@/i18n/LocaleProvider';
import type { UpdateActionPlan } from './api';
import { actionPlanMessages } from './messages';

export const planFields = ['title', 'startsOn', 'endsOn'] as const;

/** Title and period of a plan, as recorded and as edited. */
export function PlanFields({
  values,
  set,
  errorsFor,
}: {
  values: UpdateActionPlan;
  set: <K extends keyof UpdateActionPlan>(field: K) => (value: UpdateActionPlan[K]) => void;
  errorsFor: Command<never, unknown>['errorsFor'];
}) {
  const t = useMessages(actionPlanMessages);
  return (
    <>
      <div className="form-wide">
        <TextField label={t.fields.title} required value={values.title} onValue={set('title')} errors={errorsFor('title')} />
      </div>
      <TextField label={t.fields.startsOn} type="date" required value={values.startsOn} onValue={set('startsOn')} errors={errorsFor('startsOn')} />
      <TextField label={t.fields.endsOn} type="date" required value={values.endsOn} onValue={set('endsOn')} errors={errorsFor('endsOn')} />
    </>
  );
}
