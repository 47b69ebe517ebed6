import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { Page } from '@/components/Page';
import { useMe } from '@/lib/session';
import { useMessages } from '@/i18n/LocaleProvider';
import { recordWorkshop, workshopKeys } from './api';
import { workshopMessages } from './messages';
import { newWorkshop, workshopBody, WorkshopForm, type WorkshopValues } from './WorkshopForm';

/** A coordinator plans or logs a workshop; a coordinator of one programme finds it chosen already. */
export function RecordWorkshopPage() {
  const client = useApiClient();
  const navigate = useNavigate();
  const t = useMessages(workshopMessages);
  const me = useMe();
  const [values, setValues] = useState<WorkshopValues>(() => newWorkshop(me.programmeIds.length === 1 ? me.programmeIds[0] : ''));
  const command = useCommand((body: WorkshopValues, { idempotencyKey }) => recordWorkshop(client, body, idempotencyKey), {
    invalidates: [workshopKeys.all],
    onDone: (created) => navigate(`/workshops/${created.id}`),
  });
  return (
    <Page title={t.recordHeading}>
      <WorkshopForm values={values} onChange={setValues} command={command} onSubmit={() => void command.run(workshopBody(values))} cancelTo="/workshops" />
    </Page>
  );
}
