import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem, stubApi } from '@/test/stubApi';
import type { UserDetails } from '../api';
import { acip, burkina, norad, pickers, renderRoute } from '@/test/world';
import { AddUserPage, UpdateUserPage } from './UserForm';

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const check = (name: string) => fireEvent.click(screen.getByRole('checkbox', { name }));
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

const awa: UserDetails = {
  id: 'u0000000-0000-4000-8000-000000000001',
  email: 'awa@douanes.bf',
  displayName: 'Awa Ouédraogo',
  role: 'coordinator',
  donorId: null,
  hasPassword: true,
  lockedUntil: '2099-01-01T10:00:00Z',
  programmeIds: [acip.id],
  administrationIds: [burkina.id],
  version: 3,
};

function renderAdd(routes: Parameters<typeof stubApi>[0], locale?: 'en' | 'fr') {
  const api = stubApi({ ...pickers(), ...routes });
  renderRoute(<AddUserPage />, api.client, { path: '/admin/users/new', at: '/admin/users/new', done: '/admin/users', locale });
  return api;
}

describe('AddUser', () => {
  it('asks a coordinator for programmes and administrations, a donor account for its donor, an administrator for neither', async () => {
    renderAdd({});
    await screen.findByRole('checkbox', { name: 'A-CIP — Anti-Corruption and Integrity Promotion' });
    expect(screen.getByRole('group', { name: 'Programmes they work on' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Administrations they work with' })).toBeTruthy();
    expect(screen.queryByLabelText('Donor they speak for')).toBeNull();

    fireEvent.change(field('Role'), { target: { value: 'donor' } });
    expect(screen.queryByRole('group', { name: 'Programmes they work on' })).toBeNull();
    await waitFor(() => expect(within(field('Donor they speak for')).getByRole('option', { name: 'Norad' })).toBeTruthy());

    fireEvent.change(field('Role'), { target: { value: 'administrator' } });
    expect(screen.queryByLabelText('Donor they speak for')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Programmes they work on' })).toBeNull();
  });

  it('sends AddUser with the scope of a coordinator only, once, with an Idempotency-Key, then goes back to the list', async () => {
    const api = renderAdd({ 'POST /api/v1/users': [json({ id: awa.id, version: 1 }, 201)] });
    await screen.findByRole('checkbox', { name: 'Mali Customs' });
    type('E-mail', ' awa@douanes.bf ');
    type('Display name', 'Awa Ouédraogo');
    // A donor picked, then the role changed: the donor must not be sent.
    fireEvent.change(field('Role'), { target: { value: 'donor' } });
    await waitFor(() => expect(within(field('Donor they speak for')).getByRole('option', { name: 'Norad' })).toBeTruthy());
    fireEvent.change(field('Donor they speak for'), { target: { value: norad.id } });
    fireEvent.change(field('Role'), { target: { value: 'coordinator' } });
    check('A-CIP — Anti-Corruption and Integrity Promotion');
    check('Burkina Faso Customs');
    type('Password', 'a long enough password');
    save();

    await screen.findByText('Back at /admin/users');
    const sent = api.sent.find((request) => request.method === 'POST')!;
    expect(JSON.parse(sent.body)).toEqual({
      email: 'awa@douanes.bf',
      displayName: 'Awa Ouédraogo',
      role: 'coordinator',
      password: 'a long enough password',
      donorId: null,
      programmeIds: [acip.id],
      administrationIds: [burkina.id],
    });
    expect(sent.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a donor account with its donor and no scope', async () => {
    const api = renderAdd({ 'POST /api/v1/users': [json({ id: awa.id, version: 1 }, 201)] });
    await screen.findByRole('checkbox', { name: 'Mali Customs' });
    check('Mali Customs');
    fireEvent.change(field('Role'), { target: { value: 'donor' } });
    await waitFor(() => expect(within(field('Donor they speak for')).getByRole('option', { name: 'Norad' })).toBeTruthy());
    fireEvent.change(field('Donor they speak for'), { target: { value: norad.id } });
    type('E-mail', 'analyst@norad.no');
    type('Display name', 'Analyst');
    save();

    await screen.findByText('Back at /admin/users');
    expect(JSON.parse(api.sent.find((request) => request.method === 'POST')!.body)).toMatchObject({
      role: 'donor',
      donorId: norad.id,
      programmeIds: null,
      administrationIds: null,
      password: null,
    });
  });

  it("shows the API's field errors next to their fields and keeps what was typed", async () => {
    renderAdd({
      'POST /api/v1/users': [
        problem(400, 'One or more validation errors occurred.', undefined, {
          errors: { Email: ["'Email' is not a valid email address."], Password: ['At least 12 characters.'] },
        }),
      ],
    });
    await screen.findByRole('checkbox', { name: 'Mali Customs' });
    type('E-mail', 'awa-at-douanes');
    type('Display name', 'Awa');
    type('Password', 'short');
    save();

    await waitFor(() => expect(field('E-mail').getAttribute('aria-invalid')).toBe('true'));
    expect(field('E-mail').parentElement!.textContent).toContain("'Email' is not a valid email address.");
    expect(field('Password').parentElement!.textContent).toContain('At least 12 characters.');
    expect(field('E-mail').value).toBe('awa-at-douanes');
    expect(field('Password').value).toBe('short');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks French', async () => {
    renderAdd({}, 'fr');
    await screen.findByRole('checkbox', { name: 'Douanes maliennes' });
    expect(screen.getByRole('heading', { name: 'Ajouter un utilisateur' })).toBeTruthy();
    expect(field('Nom affiché')).toBeTruthy();
    expect(within(field('Rôle')).getByRole('option', { name: 'Bailleur' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Administrations suivies' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
  });
});

describe('UpdateUser', () => {
  it('on 412 offers to reload, keeps the typed values, and saves again at the reloaded version', async () => {
    const api = stubApi({
      ...pickers(),
      'GET /api/v1/users/u0000000-0000-4000-8000-000000000001': [json(awa), json({ ...awa, displayName: 'Awa O.', version: 4 })],
      'PUT /api/v1/users/u0000000-0000-4000-8000-000000000001': [
        problem(412, 'Precondition Failed'),
        new Response(null, { status: 204 }),
      ],
    });
    renderRoute(<UpdateUserPage />, api.client, { path: '/admin/users/:id', at: `/admin/users/${awa.id}`, done: '/admin/users' });

    await waitFor(() => expect(field('Display name').value).toBe('Awa Ouédraogo'));
    expect(screen.getByText('awa@douanes.bf')).toBeTruthy();
    expect(await screen.findByRole('checkbox', { name: 'Burkina Faso Customs' })).toHaveProperty('checked', true);
    type('Display name', 'Awa Ouédraogo-Kaboré');
    type('New password', 'a brand new password');
    save();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this record');
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await waitFor(() => expect(api.requests().filter((request) => request.startsWith('GET /api/v1/users/'))).toHaveLength(2));
    expect(field('Display name').value).toBe('Awa Ouédraogo-Kaboré');
    save();

    await screen.findByText('Back at /admin/users');
    const puts = api.sent.filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.headers.get('If-Match'))).toEqual(['"3"', '"4"']);
    expect(JSON.parse(puts[1]!.body)).toEqual({
      displayName: 'Awa Ouédraogo-Kaboré',
      role: 'coordinator',
      newPassword: 'a brand new password',
      donorId: null,
      programmeIds: [acip.id],
      administrationIds: [burkina.id],
    });
  });
});
