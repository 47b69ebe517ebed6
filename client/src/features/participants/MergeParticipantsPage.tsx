import { useNavigate } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useMessages } from '@/i18n/LocaleProvider';
import { mergeParticipants, participantKeys, type ParticipantDetails } from '@/lib/people/api';
import { fullName } from '@/components/people/DuplicatePrompt';
import { participantMessages } from '@/lib/people/messages';
import { ParticipantSearch } from '@/components/people/ParticipantSearch';
import { WithParticipant } from './WithParticipant';

export function MergeParticipantsPage() {
  return <WithParticipant>{(participant) => <MergeInto kept={participant} />}</WithParticipant>;
}

/** Two records of one person: the one found here is merged into the one of the address, then deleted. */
function MergeInto({ kept }: { kept: ParticipantDetails }) {
  const client = useApiClient();
  const navigate = useNavigate();
  const t = useMessages(participantMessages);
  const command = useCommand((duplicateId: string) => mergeParticipants(client, kept.id, duplicateId), {
    invalidates: [participantKeys.all],
    onDone: () => navigate(`/participants/${kept.id}`),
  });
  return (
    <Page title={t.mergeHeading(fullName(kept))}>
      <p>{t.mergeIntro}</p>
      <ProblemAlert error={command.error} />
      <ParticipantSearch
        action={(candidate) =>
          candidate.id === kept.id ? (
            t.notHimself
          ) : (
            <button type="button" className="secondary" disabled={command.pending} onClick={() => void command.run(candidate.id)}>
              {t.mergeCandidate(fullName(candidate))}
            </button>
          )
        }
      />
    </Page>
  );
}
