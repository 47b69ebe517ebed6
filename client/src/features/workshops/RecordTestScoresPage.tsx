import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { TextField } from '@/components/fields';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { RecordForm } from '@/components/RecordForm';
import { fullName } from '@/components/people/DuplicatePrompt';
import { useMessages } from '@/i18n/LocaleProvider';
import { fetchEnrolment, recordTestScores, workshopKeys, type Enrolment } from './api';
import { workshopMessages } from './messages';

export function RecordTestScoresPage() {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  const { id = '', participantId = '' } = useParams();
  const enrolment = useQuery({
    queryKey: workshopKeys.enrolment(id, participantId),
    queryFn: ({ signal }) => fetchEnrolment(client, id, participantId, signal),
  });
  if (enrolment.isPending) return <Loading label={t.enrolments.loading} />;
  if (!enrolment.data) return <ProblemAlert error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  return <RecordTestScores workshopId={id} enrolment={enrolment.data} reload={() => void enrolment.refetch()} />;
}

const fields = ['preTestScore', 'postTestScore', 'completed'] as const;

/** A score typed in either language's way ("72,5" or "72.5"); blank clears it; NaN when it is no number. */
function score(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

/** Pre- and post-test scores and completion, sent with the enrolment's version; 412 offers to reload. */
function RecordTestScores({ workshopId, enrolment, reload }: { workshopId: string; enrolment: Enrolment; reload: () => void }) {
  const client = useApiClient();
  const navigate = useNavigate();
  const t = useMessages(workshopMessages);
  const [pre, setPre] = useState(enrolment.preTestScore?.toString() ?? '');
  const [post, setPost] = useState(enrolment.postTestScore?.toString() ?? '');
  const [completed, setCompleted] = useState(enrolment.completed);
  const command = useCommand(
    (_: undefined, { idempotencyKey }) =>
      recordTestScores(client, workshopId, enrolment, { preTestScore: score(pre), postTestScore: score(post), completed }, idempotencyKey),
    {
      invalidates: [workshopKeys.all],
      onDone: () => navigate(`/workshops/${workshopId}`),
      offline: () => fullName(enrolment),
    },
  );

  // JSON has no NaN: text that is no number is caught here, the API checks the range and decimals.
  const unreadable = (text: string) => (Number.isNaN(score(text)) ? [t.results.notANumber] : undefined);
  const [checked, setChecked] = useState(false);

  return (
    <Page title={t.results.heading(fullName(enrolment))}>
      <RecordForm
        command={command}
        onSubmit={() => {
          setChecked(true);
          if (!Number.isNaN(score(pre)) && !Number.isNaN(score(post))) void command.run(undefined);
        }}
        placedFields={fields}
        onReload={reload}
        cancelTo={`/workshops/${workshopId}`}
      >
        <TextField label={t.results.preTest} hint={t.results.hint} inputMode="decimal" value={pre} onValue={setPre} errors={(checked && unreadable(pre)) || command.errorsFor('preTestScore')} />
        <TextField label={t.results.postTest} inputMode="decimal" value={post} onValue={setPost} errors={(checked && unreadable(post)) || command.errorsFor('postTestScore')} />
        <label className="checkbox form-wide">
          <input type="checkbox" checked={completed} onChange={(event) => setCompleted(event.target.checked)} />
          {t.results.completed}
        </label>
      </RecordForm>
    </Page>
  );
}
