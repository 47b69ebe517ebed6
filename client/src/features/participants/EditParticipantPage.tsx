import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { Page } from '@/components/Page';
import { useMessages } from '@/i18n/LocaleProvider';
import { participantKeys, personBody, updateParticipant, type ParticipantDetails, type PersonValues } from '@/lib/people/api';
import { fullName } from '@/components/people/DuplicatePrompt';
import { participantMessages } from '@/lib/people/messages';
import { PersonForm } from '@/components/people/PersonForm';
import { WithParticipant } from './WithParticipant';

export function EditParticipantPage() {
  return <WithParticipant>{(participant, reload) => <EditParticipant participant={participant} reload={reload} />}</WithParticipant>;
}

/**
 * Every field of a person, sent with the version read. A lost race (412) offers to reload the record,
 * keeping what was typed; a change that makes them look like someone else asks for confirmation.
 */
function EditParticipant({ participant, reload }: { participant: ParticipantDetails; reload: () => void }) {
  const client = useApiClient();
  const navigate = useNavigate();
  const t = useMessages(participantMessages);
  const [values, setValues] = useState<PersonValues>(() => ({
    familyName: participant.familyName,
    givenNames: participant.givenNames,
    sex: participant.sex,
    administrationId: participant.administrationId,
    service: participant.service,
    position: participant.position ?? '',
    email: participant.email ?? '',
    staffNumber: participant.staffNumber ?? '',
  }));
  // The version comes from the latest read, so that "Reload" after a 412 lets the next save through.
  const command = useCommand(
    (confirmDistinctPerson: boolean) =>
      updateParticipant(client, participant.id, participant.version, { ...personBody(values), confirmDistinctPerson: confirmDistinctPerson || null }),
    { invalidates: [participantKeys.all], onDone: () => navigate(`/participants/${participant.id}`) },
  );
  return (
    <Page title={t.editHeading(fullName(participant))}>
      <PersonForm
        values={values}
        onChange={setValues}
        command={command}
        use={(candidate) => <Link to={`/participants/${candidate.id}`}>{t.duplicate.open(fullName(candidate))}</Link>}
        confirmLabel={t.duplicate.keepChange}
        cancelTo={`/participants/${participant.id}`}
        onReload={reload}
      />
    </Page>
  );
}
