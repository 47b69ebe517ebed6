import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCommand, type CommandContext } from '@/api/useCommand';
import { CheckboxGroup, SelectField, TextField } from '@/components/fields';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { RecordForm } from '@/components/RecordForm';
import { useMessages } from '@/i18n/LocaleProvider';
import { workshopKeys, type PlanSession, type WorkshopDetails } from './api';
import { workshopMessages } from './messages';
import { useModuleOptions } from '@/lib/referenceData';
import { useTrainerChoices } from './useChoices';

const fields = ['moduleId', 'heldOn', 'trainerIds'] as const;

/**
 * A session of a workshop: its module, its day (within the workshop's dates) and its trainers. For
 * planning one and for moving one; back to the workshop page once saved.
 */
export function SessionForm({
  title,
  workshop,
  initial,
  send,
  onReload,
}: {
  title: string;
  workshop: WorkshopDetails;
  initial: PlanSession;
  /** PlanSession or UpdateSession. */
  send: (body: PlanSession, context: CommandContext) => Promise<unknown>;
  onReload?: () => void;
}) {
  const t = useMessages(workshopMessages);
  const navigate = useNavigate();
  const modules = useModuleOptions();
  const trainers = useTrainerChoices();
  const [values, setValues] = useState<PlanSession>(initial);
  const command = useCommand(send, { invalidates: [workshopKeys.all], onDone: () => navigate(`/workshops/${workshop.id}`) });

  return (
    <Page title={title}>
      <p>{workshop.title}</p>
      {[modules, trainers].map((choices, index) => choices.error && <ProblemAlert key={index} error={choices.error} onRetry={choices.retry} />)}
      <RecordForm command={command} placedFields={fields} onSubmit={() => void command.run(values)} onReload={onReload} cancelTo={`/workshops/${workshop.id}`}>
        <SelectField
          label={t.sessions.module}
          required
          value={values.moduleId}
          onValue={(moduleId) => setValues({ ...values, moduleId })}
          placeholder={t.fields.choose}
          options={modules.options}
          errors={command.errorsFor('moduleId')}
        />
        <TextField
          label={t.sessions.day}
          type="date"
          required
          min={workshop.startsOn}
          max={workshop.endsOn}
          value={values.heldOn}
          onValue={(heldOn) => setValues({ ...values, heldOn })}
          errors={command.errorsFor('heldOn')}
        />
        <CheckboxGroup
          legend={t.sessions.trainers}
          options={trainers.options}
          selected={values.trainerIds}
          onSelected={(trainerIds) => setValues({ ...values, trainerIds })}
          errors={command.errorsFor('trainerIds')}
        />
      </RecordForm>
    </Page>
  );
}
