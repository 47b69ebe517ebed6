import { useEffect, useRef, useState } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { SelectField, TextField } from '@/components/fields';
import { RecordForm } from '@/components/RecordForm';
import { useMessages } from '@/i18n/LocaleProvider';
import { adminKeys, issueApiToken, type IssueApiToken as IssueApiTokenBody, type IssuedApiToken } from '../api';
import { useDonorOptions } from '@/lib/referenceData';
import { adminMessages } from '../messages';

/** A year from today, as an ISO date: a sensible default for a token's last day. */
function aYearFromToday(): string {
  const day = new Date();
  day.setUTCFullYear(day.getUTCFullYear() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * IssueApiToken. The API answers the secret once and keeps only its hash, so it lives here in
 * this component's state alone (never in the query cache), until the administrator says it is copied.
 */
export function IssueApiToken() {
  const t = useMessages(adminMessages);
  const client = useApiClient();
  const donors = useDonorOptions().options;
  const [values, setValues] = useState<IssueApiTokenBody>({ donorId: '', name: '', expiresOn: aYearFromToday() });
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);
  const command = useCommand((body: IssueApiTokenBody, { idempotencyKey }) => issueApiToken(client, body, idempotencyKey), {
    invalidates: [adminKeys.tokens],
    onDone: (token) => {
      setIssued(token);
      setValues((current) => ({ ...current, name: '' }));
    },
  });

  if (issued) return <IssuedSecret token={issued.token} onDone={() => setIssued(null)} />;
  return (
    <section aria-labelledby="issue-token">
      <h2 id="issue-token">{t.tokens.issueHeading}</h2>
      <RecordForm
        command={command}
        onSubmit={() => void command.run(values)}
        placedFields={['donorId', 'name', 'expiresOn']}
        submitLabel={t.tokens.issue}
        pendingLabel={t.tokens.issuing}
      >
        <SelectField
          label={t.tokens.donor}
          required
          value={values.donorId}
          onValue={(donorId) => setValues({ ...values, donorId })}
          placeholder={t.tokens.chooseDonor}
          options={donors}
          errors={command.errorsFor('donorId')}
        />
        <TextField
          label={t.tokens.name}
          hint={t.tokens.nameHint}
          required
          value={values.name}
          onValue={(name) => setValues({ ...values, name })}
          errors={command.errorsFor('name')}
        />
        <TextField
          label={t.tokens.expiresOn}
          hint={t.tokens.expiresOnHint}
          type="date"
          required
          value={values.expiresOn}
          onValue={(expiresOn) => setValues({ ...values, expiresOn })}
          errors={command.errorsFor('expiresOn')}
        />
      </RecordForm>
    </section>
  );
}

/** The secret, this once: a warning, the token to select or copy, and a button to put it away for good. */
function IssuedSecret({ token, onDone }: { token: string; onDone: () => void }) {
  const t = useMessages(adminMessages);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form the administrator was in is gone: bring them to the secret.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="token-secret" className="card token-secret">
      <h2 id="token-secret" tabIndex={-1} ref={heading}>
        {t.tokens.secretHeading}
      </h2>
      <p role="alert">{t.tokens.secretWarning}</p>
      <label htmlFor="token-secret-value">{t.tokens.secretLabel}</label>
      <input id="token-secret-value" className="token-secret-value" readOnly value={token} onFocus={(event) => event.target.select()} />
      <div className="form-buttons">
        <button
          type="button"
          onClick={() =>
            navigator.clipboard.writeText(token).then(
              () => setCopy('copied'),
              () => setCopy('failed'),
            )
          }
        >
          {t.tokens.copy}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t.tokens.done}
        </button>
      </div>
      <p role="status">{copy === 'copied' ? t.tokens.copied : copy === 'failed' ? t.tokens.copyFailed : ''}</p>
    </section>
  );
}
