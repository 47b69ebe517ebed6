import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { TextField } from '@/components/fields';
import { ProblemAlert } from '@/components/ProblemAlert';
import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';
import { signIn, type Credentials, type Me } from './api';
import { sessionMessages } from './messages';

const fields = ['email', 'password'] as const;

/**
 * E-mail and password. The API checks both: its field errors are shown next to the fields and
 * the first invalid one gets the focus; what was typed stays when sign-in fails. `ended` says
 * why the user is here (their session ended) until they try again. Nothing is stored in the browser.
 */
export function SignInForm({ ended, onSignedIn }: { ended?: boolean; onSignedIn: (me: Me) => void }) {
  const client = useApiClient();
  const t = useMessages(sessionMessages);
  const titles = useMessages(common);
  const [values, setValues] = useState<Credentials>({ email: '', password: '' });
  const [showNotice, setShowNotice] = useState(true);
  const form = useRef<HTMLFormElement>(null);
  const command = useCommand((credentials: Credentials) => signIn(client, credentials), { onDone: onSignedIn });

  useEffect(() => {
    document.title = titles.pageTitle(t.pageTitle);
  }, [titles, t]);

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (command.pending) return;
    setShowNotice(false);
    if (await command.run(values)) return; // the app replaces the form
  }

  // After a failure, the focus goes to the first field the API named, else to the password.
  const error = command.error;
  useEffect(() => {
    if (!error) return;
    const invalid = fields.find((name) => error.fieldErrors[name]);
    const target = invalid ?? (error.status === 401 ? 'password' : undefined);
    if (target) form.current?.querySelector<HTMLInputElement>(`input[name="${target}"]`)?.focus();
  }, [error]);

  return (
    <section aria-labelledby="sign-in-heading" className="sign-in">
      <h1 id="sign-in-heading">{t.heading}</h1>
      {error ? (
        <ProblemAlert error={error} placedFields={fields} />
      ) : (
        showNotice &&
        ended && (
          <div role="alert" className="notice">
            <p>{t.ended}</p>
          </div>
        )
      )}
      {/* noValidate: the API's messages are the ones shown, the same in every browser. */}
      <form ref={form} onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          name="email"
          label={t.email}
          type="email"
          autoComplete="username"
          required
          value={values.email}
          onValue={(email) => setValues((previous) => ({ ...previous, email }))}
          errors={command.errorsFor('email')}
        />
        <TextField
          name="password"
          label={t.password}
          type="password"
          autoComplete="current-password"
          required
          value={values.password}
          onValue={(password) => setValues((previous) => ({ ...previous, password }))}
          errors={command.errorsFor('password')}
        />
        <button type="submit" disabled={command.pending}>
          {command.pending ? t.submitting : t.submit}
        </button>
      </form>
    </section>
  );
}
