import { useState } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { SelectField, TextField } from '@/components/fields';
import { Page } from '@/components/Page';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { adminKeys, fetchUserPage, roles, type Role, type UserDetails } from '../api';
import { useAdministrations, useDonors, useProgrammes } from '@/lib/referenceData';
import { adminMessages } from '../messages';
import { CursorTable } from '@/components/RecordTable';
import { FilterForm } from '@/components/FilterForm';

/** What an account may see: its donor, or its programmes and administrations, by name. */
function useScopeOf() {
  const t = useMessages(adminMessages);
  const name = useBilingual();
  const { data: donors = [] } = useDonors();
  const { data: programmes = [] } = useProgrammes();
  const { data: administrations = [] } = useAdministrations();
  return (user: UserDetails) => {
    if (user.role === 'administrator') return t.users.allScope;
    if (user.role === 'donor') return donors.find((donor) => donor.id === user.donorId)?.name ?? '';
    const named = [
      ...programmes.filter((programme) => user.programmeIds.includes(programme.id)).map((programme) => programme.code),
      ...administrations
        .filter((administration) => user.administrationIds.includes(administration.id))
        .map((administration) => name(administration, 'nameEn', 'nameFr')),
    ];
    return named.join(', ');
  };
}

/** The accounts, found by name, e-mail and role, a page at a time. */
export function UsersPage() {
  const t = useMessages(adminMessages);
  const client = useApiClient();
  const format = useFormat();
  const scopeOf = useScopeOf();
  const [draft, setDraft] = useState<{ q: string; role: Role | '' }>({ q: '', role: '' });
  const [filters, setFilters] = useState(draft);
  const list = useCursorList([...adminKeys.users, 'page', filters], (cursor, signal) => fetchUserPage(client, filters, cursor, signal));

  const status = (user: UserDetails) => {
    if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) return t.users.lockedUntil(format.dateTime(user.lockedUntil));
    return user.hasPassword ? t.users.active : t.users.noPassword;
  };

  return (
    <Page
      title={t.users.heading}
      actions={
        <Link className="button" to="/admin/users/new">
          {t.users.add}
        </Link>
      }
    >
      <FilterForm onApply={() => setFilters(draft)} button={t.users.filter}>
        <TextField label={t.users.search} type="search" value={draft.q} onValue={(q) => setDraft({ ...draft, q })} />
        <SelectField
          label={t.users.role}
          value={draft.role}
          onValue={(role) => setDraft({ ...draft, role: role as Role | '' })}
          placeholder={t.users.anyRole}
          options={roles.map((role) => ({ value: role, label: t.roles[role] }))}
        />
      </FilterForm>
      <CursorTable
        list={list}
        loadingLabel={t.users.loading}
        emptyLabel={t.users.empty}
        caption={t.users.caption}
        rowKey={(user) => user.id}
        columns={[
          { header: t.users.columns.name, cell: (user) => <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link> },
          { header: t.users.columns.email, cell: (user) => user.email },
          { header: t.users.columns.role, cell: (user) => t.roles[user.role] },
          { header: t.users.columns.scope, cell: scopeOf },
          { header: t.users.columns.status, cell: status },
        ]}
      />
    </Page>
  );
}
