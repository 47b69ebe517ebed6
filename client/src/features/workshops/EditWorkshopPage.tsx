import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { Page } from '@/components/Page';
import { useMessages } from '@/i18n/LocaleProvider';
import { updateWorkshop, workshopKeys, type WorkshopDetails } from './api';
import { workshopMessages } from './messages';
import { WithWorkshop } from './WithWorkshop';
import { valuesOf, workshopBody, WorkshopForm, type WorkshopValues } from './WorkshopForm';

export function EditWorkshopPage() {
  return <WithWorkshop>{(workshop, reload) => <EditWorkshop workshop={workshop} reload={reload} />}</WithWorkshop>;
}

/**
 * Every field, sent with the version read. After a lost race (412), "Reload" reads the workshop
 * again: the next save carries its new version, and what was typed stays in the form.
 */
function EditWorkshop({ workshop, reload }: { workshop: WorkshopDetails; reload: () => void }) {
  const client = useApiClient();
  const navigate = useNavigate();
  const t = useMessages(workshopMessages);
  const [values, setValues] = useState<WorkshopValues>(() => valuesOf(workshop));
  const command = useCommand((body: WorkshopValues) => updateWorkshop(client, workshop.id, workshop.version, body), {
    invalidates: [workshopKeys.all],
    onDone: () => navigate(`/workshops/${workshop.id}`),
  });
  return (
    <Page title={t.editHeading(workshop.title)}>
      <WorkshopForm
        values={values}
        onChange={setValues}
        command={command}
        onSubmit={() => void command.run(workshopBody(values))}
        cancelTo={`/workshops/${workshop.id}`}
        onReload={reload}
      />
    </Page>
  );
}
