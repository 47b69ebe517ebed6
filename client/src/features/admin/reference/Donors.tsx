import { Link } from 'react-router';
import { TextField } from '@/components/fields';
import { useMessages } from '@/i18n/LocaleProvider';
import { adminKeys, fetchDonor, fetchDonorPage, registerDonor, updateDonor, type DonorDetails } from '../api';
import { formPages, RecordForm, useFormValues, useSaveCommand, type RecordFormProps } from '@/components/RecordForm';
import { referenceMessages } from './messages';
import { ReferenceListPage } from './ReferenceListPage';

export function DonorsPage() {
  const t = useMessages(referenceMessages);
  return (
    <ReferenceListPage<DonorDetails>
      labels={t.donors}
      queryKey={adminKeys.donors}
      fetchPage={fetchDonorPage}
      registerTo="/admin/donors/new"
      columns={[
        { header: t.code, cell: (donor) => <Link to={`/admin/donors/${donor.id}`}>{donor.code}</Link> },
        { header: t.donors.name, cell: (donor) => donor.name },
        { header: t.donors.iati, cell: (donor) => donor.iatiOrganisationId ?? '' },
      ]}
    />
  );
}

/** RegisterDonor or UpdateDonor. */
function DonorForm({ record, onReload }: RecordFormProps<DonorDetails>) {
  const t = useMessages(referenceMessages);
  const { values, set } = useFormValues(() => ({
    code: record?.code ?? '',
    name: record?.name ?? '',
    iatiOrganisationId: record?.iatiOrganisationId ?? '',
  }));
  const command = useSaveCommand({ record, register: registerDonor, update: updateDonor, invalidates: [adminKeys.donors], doneTo: '/admin/donors' });
  return (
    <RecordForm
      command={command}
      onSubmit={() => void command.run({ ...values, iatiOrganisationId: values.iatiOrganisationId || null })}
      onReload={onReload}
      placedFields={['code', 'name', 'iatiOrganisationId']}
      cancelTo="/admin/donors"
    >
      <TextField label={t.code} required value={values.code} onValue={set('code')} errors={command.errorsFor('code')} />
      <TextField label={t.donors.name} required value={values.name} onValue={set('name')} errors={command.errorsFor('name')} />
      <TextField
        label={t.donors.iati}
        hint={t.donors.iatiHint}
        value={values.iatiOrganisationId}
        onValue={set('iatiOrganisationId')}
        errors={command.errorsFor('iatiOrganisationId')}
      />
    </RecordForm>
  );
}

export const { Register: RegisterDonorPage, Update: UpdateDonorPage } = formPages(DonorForm, {
  useTitles: () => {
    const t = useMessages(referenceMessages).donors;
    return { register: t.register, edit: t.edit };
  },
  queryKey: adminKeys.donors,
  load: fetchDonor,
});
