import { Link } from 'react-router';
import { SelectField, TextField } from '@/components/fields';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import {
  adminKeys,
  fetchAdministration,
  fetchAdministrationPage,
  registerAdministration,
  updateAdministration,
  type AdministrationDetails,
} from '../api';
import { useCountries, useRegions } from '@/lib/referenceData';
import { formPages, RecordForm, useFormValues, useSaveCommand, type RecordFormProps } from '@/components/RecordForm';
import { referenceMessages } from './messages';
import { ReferenceListPage } from './ReferenceListPage';

export function AdministrationsPage() {
  const t = useMessages(referenceMessages);
  const name = useBilingual();
  const { data: regions } = useRegions();
  const regionOf = (code: string) => {
    const region = regions?.items.find((candidate) => candidate.code === code);
    return region ? name(region, 'nameEn', 'nameFr') : code;
  };
  return (
    <ReferenceListPage<AdministrationDetails>
      labels={t.administrations}
      queryKey={adminKeys.administrations}
      fetchPage={(client, q, cursor, signal) => fetchAdministrationPage(client, { q, regionCode: '' }, cursor, signal)}
      registerTo="/admin/administrations/new"
      columns={[
        {
          header: t.administrations.name,
          cell: (administration) => <Link to={`/admin/administrations/${administration.id}`}>{name(administration, 'nameEn', 'nameFr')}</Link>,
        },
        { header: t.administrations.country, cell: (administration) => name(administration, 'countryNameEn', 'countryNameFr') },
        { header: t.administrations.region, cell: (administration) => regionOf(administration.regionCode) },
      ]}
    />
  );
}

/** RegisterAdministration or UpdateAdministration: country and region picked from the API's lists. */
function AdministrationForm({ record, onReload }: RecordFormProps<AdministrationDetails>) {
  const t = useMessages(referenceMessages);
  const name = useBilingual();
  const { data: countries } = useCountries();
  const { data: regions } = useRegions();
  const { values, set } = useFormValues(() => ({
    countryCode: record?.countryCode ?? '',
    regionCode: record?.regionCode ?? '',
    nameEn: record?.nameEn ?? '',
    nameFr: record?.nameFr ?? '',
  }));
  const command = useSaveCommand({
    record,
    register: registerAdministration,
    update: updateAdministration,
    invalidates: [adminKeys.administrations],
    doneTo: '/admin/administrations',
  });
  const options = (items: { code: string; nameEn: string; nameFr: string }[] = []) =>
    items.map((item) => ({ value: item.code, label: name(item, 'nameEn', 'nameFr') }));
  return (
    <RecordForm
      command={command}
      onSubmit={() => void command.run(values)}
      onReload={onReload}
      placedFields={['countryCode', 'regionCode', 'nameEn', 'nameFr']}
      cancelTo="/admin/administrations"
    >
      <SelectField
        label={t.administrations.country}
        required
        value={values.countryCode}
        onValue={set('countryCode')}
        placeholder={t.administrations.chooseCountry}
        options={options(countries?.items)}
        errors={command.errorsFor('countryCode')}
      />
      <SelectField
        label={t.administrations.region}
        required
        value={values.regionCode}
        onValue={set('regionCode')}
        placeholder={t.administrations.chooseRegion}
        options={options(regions?.items)}
        errors={command.errorsFor('regionCode')}
      />
      <TextField label={t.nameEn} lang="en" required value={values.nameEn} onValue={set('nameEn')} errors={command.errorsFor('nameEn')} />
      <TextField label={t.nameFr} lang="fr" required value={values.nameFr} onValue={set('nameFr')} errors={command.errorsFor('nameFr')} />
    </RecordForm>
  );
}

export const { Register: RegisterAdministrationPage, Update: UpdateAdministrationPage } = formPages(AdministrationForm, {
  useTitles: () => {
    const t = useMessages(referenceMessages).administrations;
    return { register: t.register, edit: t.edit };
  },
  queryKey: adminKeys.administrations,
  load: fetchAdministration,
});
