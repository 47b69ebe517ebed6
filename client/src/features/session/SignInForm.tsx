import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import type { Problem } from '@/api/problem';
import { messages } from '@/lib/messages';
import { signIn, type CredentialField, type FieldErrors, type Me } from './api';

const t = messages.session;
const order: readonly CredentialField[] = ['email', 'password'];

/**
 * E-mail and password. The API checks both: its field errors are shown next to the fields and
 * the first invalid one gets the focus; what was typed stays when sign-in fails. `notice` says
 * why the user is here (their session ended) until they try again. Nothing is stored in the browser.
 */
export function SignInForm({ notice, onSignedIn }: { notice?: string; onSignedIn: (me: Me) => void }) {
  const client = useApiClient();
  const [values, setValues] = useState<Record<CredentialField, string>>({ email: '', password: '' });
  const [sending, setSending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [showNotice, setShowNotice] = useState(true);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const refs: Record<CredentialField, RefObject<HTMLInputElement | null>> = { email: emailRef, password: passwordRef };
  const mounted = useRef(false);

  useEffect(() => {
    mounted.current = true;
    document.title = t.pageTitle;
    emailRef.current?.focus();
    return () => {
      mounted.current = false;
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setProblem(null);
    setFieldErrors({});
    setShowNotice(false);

    const result = await signIn(client, values);
    if (result.ok) {
      onSignedIn(result.me); // the app replaces the form
      return;
    }
    if (!mounted.current) return;
    setSending(false);
    setFieldErrors(result.fieldErrors);
    setProblem(result.problem);
    const firstInvalid = order.find((name) => (result.fieldErrors[name]?.length ?? 0) > 0);
    if (firstInvalid) refs[firstInvalid].current?.focus();
    else if (result.status === 401) passwordRef.current?.focus();
  }

  const setValue = (name: CredentialField) => (value: string) =>
    setValues((previous) => ({ ...previous, [name]: value }));

  return (
    <section aria-labelledby="sign-in-heading" className="sign-in">
      <h1 id="sign-in-heading">{t.heading}</h1>

      {problem ? (
        <div role="alert" className="problem">
          <p className="problem-title">{problem.title}</p>
          {problem.detail && <p className="problem-detail">{problem.detail}</p>}
        </div>
      ) : (
        showNotice &&
        notice && (
          <div role="alert" className="notice">
            <p>{notice}</p>
          </div>
        )
      )}

      {/* noValidate: the API's messages are the ones shown, the same in every browser. */}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          name="email"
          label={t.email}
          type="email"
          autoComplete="username"
          value={values.email}
          onChange={setValue('email')}
          errors={fieldErrors.email}
          inputRef={emailRef}
        />
        <Field
          name="password"
          label={t.password}
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={setValue('password')}
          errors={fieldErrors.password}
          inputRef={passwordRef}
        />
        <button type="submit" disabled={sending}>
          {sending ? t.submitting : t.submit}
        </button>
      </form>
    </section>
  );
}

interface FieldProps {
  name: CredentialField;
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  inputRef: RefObject<HTMLInputElement | null>;
}

/** A labelled input with the API's errors for it right below, tied to it by aria-describedby. */
function Field({ name, label, type, autoComplete, value, onChange, errors = [], inputRef }: FieldProps) {
  const id = `sign-in-${name}`;
  const errorId = `${id}-error`;
  const invalid = errors.length > 0;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
      />
      {invalid && (
        <p id={errorId} className="field-error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
