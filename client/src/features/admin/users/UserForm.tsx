import { adminKeys, addUser, fetchUser, roles, updateUser, type AddUser, type Role, type UpdateUser, type UserDetails } from '../api';
import { useAdministrationOptions, useDonorOptions, useProgrammeOptions } from '@/lib/referenceData';
import { adminMessages } from '../messages';
import { formPages, RecordForm, useFormValues, useSaveCommand, type RecordFormProps } from '@/components/RecordForm';
import { CheckboxGroup, SelectField, TextField } from '@/components/fields';
import { useMessages } from '@/i18n/LocaleProvider';

interface UserValues {
  email: string;
  displayName: string;
  role: Role;
  donorId: string;
  programmeIds: string[];
  administrationIds: string[];
  /** The password of a new account, or a new one for an existing account (empty: none, or unchanged). */
  password: string;
}

/** Coordinators and trainers work within programmes and administrations; administrators see all, donors their own. */
const hasScope = (role: Role) => role === 'coordinator' || role === 'trainer';

/** The donor and scope the chosen role takes, and nothing the API would refuse for that role. */
export function accessFor(values: UserValues): Pick<AddUser, 'donorId' | 'programmeIds' | 'administrationIds'> {
  return {
    donorId: values.role === 'donor' ? values.donorId || null : null,
    programmeIds: hasScope(values.role) ? values.programmeIds : null,
    administrationIds: hasScope(values.role) ? values.administrationIds : null,
  };
}

const toAddUser = (values: UserValues): AddUser => ({
  email: values.email.trim(),
  displayName: values.displayName,
  role: values.role,
  password: values.password || null,
  ...accessFor(values),
});

const toUpdateUser = (values: UserValues): UpdateUser => ({
  displayName: values.displayName,
  role: values.role,
  newPassword: values.password || null,
  ...accessFor(values),
});

const placedFields = ['email', 'displayName', 'role', 'donorId', 'programmeIds', 'administrationIds', 'password', 'newPassword'];

/** AddUser, or UpdateUser for `user`: the fields shown follow the role chosen. */
function UserForm({ record: user, onReload }: RecordFormProps<UserDetails>) {
  const t = useMessages(adminMessages);
  const donors = useDonorOptions().options;
  const programmes = useProgrammeOptions().options;
  const administrations = useAdministrationOptions().options;
  const { values, set } = useFormValues<UserValues>(() => ({
    email: user?.email ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'coordinator',
    donorId: user?.donorId ?? '',
    programmeIds: user?.programmeIds ?? [],
    administrationIds: user?.administrationIds ?? [],
    password: '',
  }));
  const command = useSaveCommand<UserValues>({
    record: user,
    register: (client, body, key) => addUser(client, toAddUser(body), key),
    update: (client, id, body, version) => updateUser(client, id, toUpdateUser(body), version),
    invalidates: [adminKeys.users],
    doneTo: '/admin/users',
  });

  return (
    <RecordForm command={command} onSubmit={() => void command.run(values)} onReload={onReload} placedFields={placedFields} cancelTo="/admin/users">
      {user ? (
        <p className="form-wide">
          {t.users.email}: <strong>{user.email}</strong>
        </p>
      ) : (
        <TextField label={t.users.email} type="email" autoComplete="off" required value={values.email} onValue={set('email')} errors={command.errorsFor('email')} />
      )}
      <TextField label={t.users.displayName} required value={values.displayName} onValue={set('displayName')} errors={command.errorsFor('displayName')} />
      <SelectField
        label={t.users.role}
        value={values.role}
        onValue={(role) => set('role')(role as Role)}
        options={roles.map((role) => ({ value: role, label: t.roles[role] }))}
        errors={command.errorsFor('role')}
      />
      {values.role === 'donor' && (
        <SelectField
          label={t.users.donor}
          required
          value={values.donorId}
          onValue={set('donorId')}
          placeholder={t.users.chooseDonor}
          options={donors}
          errors={command.errorsFor('donorId')}
        />
      )}
      {hasScope(values.role) && (
        <>
          <CheckboxGroup legend={t.users.programmes} options={programmes} selected={values.programmeIds} onSelected={set('programmeIds')} errors={command.errorsFor('programmeIds')} />
          <CheckboxGroup
            legend={t.users.administrations}
            options={administrations}
            selected={values.administrationIds}
            onSelected={set('administrationIds')}
            errors={command.errorsFor('administrationIds')}
          />
        </>
      )}
      <TextField
        label={user ? t.users.newPassword : t.users.password}
        hint={user ? t.users.newPasswordHint : t.users.passwordHint}
        type="password"
        autoComplete="new-password"
        value={values.password}
        onValue={set('password')}
        errors={command.errorsFor(user ? 'newPassword' : 'password')}
      />
    </RecordForm>
  );
}

export const { Register: AddUserPage, Update: UpdateUserPage } = formPages(UserForm, {
  useTitles: () => {
    const t = useMessages(adminMessages).users;
    return { register: t.addHeading, edit: t.editHeading };
  },
  queryKey: adminKeys.users,
  load: fetchUser,
});
