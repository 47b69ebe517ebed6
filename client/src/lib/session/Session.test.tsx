import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { json, problem, stubApi } from '@/test/stubApi';
import { App } from '@/app/App';
import type { ProgrammeSummary } from '@/lib/referenceData';
import type { Me } from './api';

const notSignedIn = () => problem(401, 'Unauthorized');

const ada: Me = {
  userId: '0b7c8a52-5d0e-4c55-9a43-6b3f3f0e1c01',
  name: 'ada@example.org',
  displayName: 'Ada Lovelace',
  role: 'coordinator',
  donorId: null,
  programmeIds: [],
  administrationIds: [],
};

function programme(code: string, administrations: ProgrammeSummary['administrations'] = []): ProgrammeSummary {
  return {
    id: `00000000-0000-4000-8000-${code.replace(/\D/g, '').padStart(12, '0')}`,
    code,
    name: `Programme ${code}`,
    startsOn: '2024-01-01',
    endsOn: '2025-12-31',
    donors: [],
    administrations,
    version: 1,
  };
}

const page = (...items: ProgrammeSummary[]) => json({ items, nextCursor: null });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const emailInput = () => screen.getByLabelText<HTMLInputElement>('E-mail');
const passwordInput = () => screen.getByLabelText<HTMLInputElement>('Password');
const signInButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' });

/** The text of the elements an input's aria-describedby points at: what a screen reader reads with it. */
function description(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function fillIn(email: string, password: string) {
  fireEvent.change(emailInput(), { target: { value: email } });
  fireEvent.change(passwordInput(), { target: { value: password } });
}

async function signInAs(email: string, password: string) {
  fillIn(email, password);
  // As a real click would, so that a test of where focus goes afterwards means something.
  signInButton().focus();
  fireEvent.click(signInButton());
}

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('Session', () => {
  it('checks the session on start and shows the sign-in form to someone not signed in', async () => {
    const me = deferred<Response>();
    const api = stubApi({ 'GET /api/v1/auth/me': [me.promise] });

    render(<App client={api.client} at="/programmes" />);

    expect((await screen.findByRole('status')).textContent).toBe('Checking your session…');
    me.resolve(notSignedIn());
    await screen.findByRole('heading', { name: 'Sign in' });

    expect(emailInput().type).toBe('email');
    expect(passwordInput().type).toBe('password');
    expect(signInButton().disabled).toBe(false);
    // The form takes the focus in an effect, which may run just after the heading is found.
    await waitFor(() => expect(document.activeElement).toBe(emailInput()));
    expect(screen.queryByRole('status')).toBeNull();
    // A 401 at start is not a problem to report, and nothing else is asked for.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(api.requests()).toEqual(['GET /api/v1/auth/me']);
  });

  it('disables the button while sending, then shows a wrong password in an alert and keeps what was typed', async () => {
    const answer = deferred<Response>();
    const api = stubApi({ 'GET /api/v1/auth/me': [notSignedIn()], 'POST /api/v1/auth/sign-in': [answer.promise] });
    render(<App client={api.client} at="/programmes" />);
    await screen.findByRole('heading', { name: 'Sign in' });

    await signInAs('ada@example.org', 'not-her-password');

    const sending = await screen.findByRole<HTMLButtonElement>('button', { name: 'Signing in…' });
    expect(sending.disabled).toBe(true);
    // A second submit while the first is under way sends nothing more.
    fireEvent.submit(sending.closest('form')!);

    answer.resolve(problem(401, 'Sign-in failed', 'The e-mail or the password is wrong. Check both and try again.'));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sign-in failed');
    expect(alert.textContent).toContain('The e-mail or the password is wrong. Check both and try again.');
    expect(emailInput().value).toBe('ada@example.org');
    expect(passwordInput().value).toBe('not-her-password');
    expect(signInButton().disabled).toBe(false);
    expect(document.activeElement).toBe(passwordInput());
    expect(screen.queryByRole('table')).toBeNull();
    expect(api.requests()).toEqual(['GET /api/v1/auth/me', 'POST /api/v1/auth/sign-in']);
    expect(JSON.parse(api.sent[1]!.body)).toEqual({ email: 'ada@example.org', password: 'not-her-password' });
  });

  it('shows a lock-out (429) in an alert', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [notSignedIn()],
      'POST /api/v1/auth/sign-in': [
        problem(429, 'Account locked', 'Too many wrong passwords: this account is locked until 14:15 UTC.'),
      ],
    });
    render(<App client={api.client} at="/programmes" />);
    await screen.findByRole('heading', { name: 'Sign in' });

    await signInAs('ada@example.org', 'guess-number-six');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many wrong passwords: this account is locked until 14:15 UTC.');
    expect(passwordInput().value).toBe('guess-number-six');
  });

  it("shows the API's field errors next to their fields and focuses the first invalid one", async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [notSignedIn()],
      'POST /api/v1/auth/sign-in': [
        problem(400, 'One or more validation errors occurred.', undefined, {
          errors: {
            password: ["'Password' must not be empty."],
            email: ["'Email' is not a valid email address."],
          },
        }),
      ],
    });
    render(<App client={api.client} at="/programmes" />);
    await screen.findByRole('heading', { name: 'Sign in' });

    await signInAs('ada-at-example', '');

    await waitFor(() => expect(emailInput().getAttribute('aria-invalid')).toBe('true'));
    expect(description(emailInput())).toBe("'Email' is not a valid email address.");
    expect(passwordInput().getAttribute('aria-invalid')).toBe('true');
    expect(description(passwordInput())).toBe("'Password' must not be empty.");
    // Each message sits right after its own field.
    expect(emailInput().parentElement!.textContent).toContain("'Email' is not a valid email address.");
    expect(emailInput().parentElement!.textContent).not.toContain('Password');
    expect(document.activeElement).toBe(emailInput());
    expect(emailInput().value).toBe('ada-at-example');
    // Every error has its field, so there is no alert besides.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('clears field errors that the next answer no longer has', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [notSignedIn()],
      'POST /api/v1/auth/sign-in': [
        problem(400, 'One or more validation errors occurred.', undefined, {
          errors: { password: ["'Password' must not be empty."] },
        }),
        problem(401, 'Sign-in failed', 'The e-mail or the password is wrong. Check both and try again.'),
      ],
    });
    render(<App client={api.client} at="/programmes" />);
    await screen.findByRole('heading', { name: 'Sign in' });

    await signInAs('ada@example.org', '');
    await waitFor(() => expect(document.activeElement).toBe(passwordInput()));
    expect(description(passwordInput())).toBe("'Password' must not be empty.");

    await signInAs('ada@example.org', 'wrong');
    await screen.findByRole('alert');
    expect(passwordInput().hasAttribute('aria-invalid')).toBe(false);
    expect(description(passwordInput())).toBe('');
  });

  it('signs in, shows the name and role in the header and loads the programmes', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [notSignedIn()],
      'POST /api/v1/auth/sign-in': [json(ada)],
      'GET /api/v1/programmes': [
        page(
          programme('P1', [
            { id: '33333333-3333-4333-8333-333333333333', countryCode: 'GH', nameEn: 'Ghana Revenue Authority', nameFr: 'Autorité fiscale du Ghana' },
          ]),
        ),
      ],
    });
    render(<App client={api.client} at="/programmes" />);
    await screen.findByRole('heading', { name: 'Sign in' });

    await signInAs('ada@example.org', 'correct horse battery staple');

    const table = await screen.findByRole('table', { name: 'Anti-corruption programmes' });
    expect(within(table).getByText('Ghana Revenue Authority')).toBeTruthy();
    const header = screen.getByRole('banner');
    expect(header.textContent).toContain('Ada Lovelace');
    expect(header.textContent).toContain('Coordinator');
    expect(within(header).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull();
    expect(api.requests()).toEqual(['GET /api/v1/auth/me', 'POST /api/v1/auth/sign-in', 'GET /api/v1/programmes']);
    // The HttpOnly cookie is the session: nothing about it is kept in the browser's storage.
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('goes straight to the app when the session is still running, naming the account when it has no display name', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [json({ ...ada, displayName: null, role: 'administrator' })],
      'GET /api/v1/programmes': [page(programme('P1'))],
    });
    render(<App client={api.client} at="/programmes" />);

    await screen.findByRole('table');
    const header = screen.getByRole('banner');
    expect(header.textContent).toContain('ada@example.org');
    expect(header.textContent).toContain('Administrator');
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('signs out through the API and returns to an empty sign-in form', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [notSignedIn()],
      'POST /api/v1/auth/sign-in': [json(ada)],
      'GET /api/v1/programmes': [page(programme('P1'))],
      'POST /api/v1/auth/sign-out': [new Response(null, { status: 204 })],
    });
    render(<App client={api.client} at="/programmes" />);
    await screen.findByRole('heading', { name: 'Sign in' });
    await signInAs('ada@example.org', 'correct horse battery staple');
    await screen.findByRole('table');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    await screen.findByRole('heading', { name: 'Sign in' });
    expect(api.requests().at(-1)).toBe('POST /api/v1/auth/sign-out');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(screen.getByRole('banner').textContent).not.toContain('Ada Lovelace');
    expect(passwordInput().value).toBe('');
    // Signing out on purpose is not a session that ended.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not call a late 401 after signing out a session that ended', async () => {
    const list = deferred<Response>();
    const api = stubApi({
      'GET /api/v1/auth/me': [json(ada)],
      'GET /api/v1/programmes': [list.promise],
      'POST /api/v1/auth/sign-out': [new Response(null, { status: 204 })],
    });
    render(<App client={api.client} at="/programmes" />);
    // Signed in once the header offers to sign out; the list is still waiting for its answer.
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    list.resolve(problem(401, 'Unauthorized'));
    await waitFor(() => expect(api.requests()).toContain('GET /api/v1/programmes'));
    await new Promise((settle) => setTimeout(settle, 20));

    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });

  it('says so, and stays signed in, when signing out fails', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [json(ada)],
      'GET /api/v1/programmes': [page(programme('P1'))],
      'POST /api/v1/auth/sign-out': [problem(500, 'Internal Server Error')],
    });
    render(<App client={api.client} at="/programmes" />);
    await screen.findByRole('table');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not sign out; you are still signed in.');
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sign out' }).disabled).toBe(false);
  });

  it('returns to the sign-in form with the session-ended message when the list answers 401, and back after signing in', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [json(ada)],
      'GET /api/v1/programmes': [
        problem(401, 'Unauthorized', 'Sign in to see programmes.'),
        page(programme('P1')),
      ],
      'POST /api/v1/auth/sign-in': [json(ada)],
    });
    render(<App client={api.client} at="/programmes" />);

    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.getByRole('alert').textContent).toBe('Your session has ended; sign in again.');
    expect(screen.queryByRole('heading', { name: 'Programmes' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(screen.getByRole('banner').textContent).not.toContain('Ada Lovelace');

    await signInAs('ada@example.org', 'correct horse battery staple');

    await screen.findByRole('table');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(api.requests()).toEqual([
      'GET /api/v1/auth/me',
      'GET /api/v1/programmes',
      'POST /api/v1/auth/sign-in',
      'GET /api/v1/programmes',
    ]);
  });

  it('offers to try again when the session cannot be checked', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [problem(503, 'Service Unavailable', 'The database is not answering.'), notSignedIn()],
    });
    render(<App client={api.client} at="/programmes" />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not check whether you are signed in.');
    expect(alert.textContent).toContain('The database is not answering.');
    expect(screen.queryByLabelText('Password')).toBeNull();

    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));

    await screen.findByRole('heading', { name: 'Sign in' });
    expect(api.requests()).toEqual(['GET /api/v1/auth/me', 'GET /api/v1/auth/me']);
  });
});
