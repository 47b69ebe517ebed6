import { useState } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { participantKeys, personBody, type ParticipantSummary, type PersonValues } from '@/lib/people/api';
import { fullName } from '@/components/people/DuplicatePrompt';
import { ParticipantSearch } from '@/components/people/ParticipantSearch';
import { emptyPerson } from '@/components/people/PersonFields';
import { PersonForm } from '@/components/people/PersonForm';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { administrationsTakingPart, enrolParticipant, workshopKeys, type EnrolParticipant, type WorkshopDetails } from './api';
import { workshopMessages } from './messages';
import { WithWorkshop } from './WithWorkshop';

type Someone = Pick<ParticipantSummary, 'id' | 'familyName' | 'givenNames'>;

export function EnrolParticipantPage() {
  return <WithWorkshop>{(workshop) => <Enrol workshop={workshop} />}</WithWorkshop>;
}

/**
 * Enrols someone already registered, or registers a new person on the way. When the registry likely
 * holds the new person already, the user enrols one of the candidates or confirms someone else.
 */
function Enrol({ workshop }: { workshop: WorkshopDetails }) {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  const name = useBilingual();
  const [person, setPerson] = useState<PersonValues>(() => emptyPerson(workshop.hostAdministrationId));
  const [enrolled, setEnrolled] = useState<string | null>(null);
  const invalidates = [workshopKeys.all, participantKeys.all];
  const send = (body: EnrolParticipant, key: string) => enrolParticipant(client, workshop.id, body, key);
  const newPerson = useCommand(
    (confirmNewPerson: boolean, { idempotencyKey }) => send({ ...personBody(person), confirmNewPerson: confirmNewPerson || null }, idempotencyKey),
    {
      invalidates,
      onDone: () => {
        setEnrolled(fullName(person));
        setPerson(emptyPerson(workshop.hostAdministrationId));
      },
      offline: () => `${fullName(person)}, ${workshop.title}`,
    },
  );
  const existing = useCommand((someone: Someone, { idempotencyKey }) => send({ participantId: someone.id }, idempotencyKey), {
    invalidates,
    onDone: (_, someone) => {
      newPerson.reset();
      setEnrolled(fullName(someone));
    },
    offline: (someone) => `${fullName(someone)}, ${workshop.title}`,
  });
  const enrolExisting = (someone: Someone) => (
    <button type="button" className="secondary" disabled={existing.pending} onClick={() => void existing.run(someone)}>
      {t.enrol.enrolThem(fullName(someone))}
    </button>
  );

  return (
    <Page title={t.enrol.heading(workshop.title)} actions={<Link to={`/workshops/${workshop.id}`}>{t.sheet.back}</Link>}>
      <p role="status">{enrolled && t.enrol.enrolled(enrolled)}</p>
      <ProblemAlert error={existing.error} />
      <h2>{t.enrol.newPerson}</h2>
      <PersonForm
        values={person}
        onChange={setPerson}
        command={newPerson}
        use={enrolExisting}
        confirmLabel={t.enrol.differentPerson}
        submitLabel={t.enrol.register}
        moreAdministrations={administrationsTakingPart(workshop).map((administration) => ({ value: administration.id, label: name(administration, 'nameEn', 'nameFr') }))}
      />
      <h2>{t.enrol.existing}</h2>
      <ParticipantSearch action={enrolExisting} />
    </Page>
  );
}
