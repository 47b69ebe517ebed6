import { Link } from 'react-router';
import { useKeyFactors } from '@/lib/referenceData';
import { CheckboxGroup, TextField } from '@/components/fields';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { adminKeys, fetchModule, fetchModulePage, registerModule, updateModule, type ModuleDetails } from '../api';
import { formPages, RecordForm, useFormValues, useSaveCommand, type RecordFormProps } from '@/components/RecordForm';
import { referenceMessages } from './messages';
import { ReferenceListPage } from './ReferenceListPage';

export function ModulesPage() {
  const t = useMessages(referenceMessages);
  const title = useBilingual();
  const format = useFormat();
  return (
    <ReferenceListPage<ModuleDetails>
      labels={t.modules}
      queryKey={adminKeys.modules}
      fetchPage={fetchModulePage}
      registerTo="/admin/modules/new"
      columns={[
        { header: t.code, cell: (module) => <Link to={`/admin/modules/${module.id}`}>{module.code}</Link> },
        { header: t.modules.title, cell: (module) => title(module, 'titleEn', 'titleFr') },
        { header: t.modules.hours, cell: (module) => format.number(module.hours), className: 'number' },
        { header: t.modules.keyFactors, cell: (module) => module.keyFactorCodes.join(', ') },
      ]}
    />
  );
}

/** RegisterModule or UpdateModule: hours typed as text, sent as a number. */
function ModuleForm({ record, onReload }: RecordFormProps<ModuleDetails>) {
  const t = useMessages(referenceMessages);
  const name = useBilingual();
  const { data: keyFactors } = useKeyFactors();
  const { values, set } = useFormValues(() => ({
    code: record?.code ?? '',
    titleEn: record?.titleEn ?? '',
    titleFr: record?.titleFr ?? '',
    hours: record ? String(record.hours) : '',
    keyFactorCodes: record?.keyFactorCodes ?? [],
  }));
  const command = useSaveCommand({ record, register: registerModule, update: updateModule, invalidates: [adminKeys.modules], doneTo: '/admin/modules' });
  return (
    <RecordForm
      command={command}
      // A French decimal comma is read as a point.
      onSubmit={() => void command.run({ ...values, hours: Number(values.hours.replace(',', '.')) })}
      onReload={onReload}
      placedFields={['code', 'titleEn', 'titleFr', 'hours', 'keyFactorCodes']}
      cancelTo="/admin/modules"
    >
      <TextField label={t.code} required value={values.code} onValue={set('code')} errors={command.errorsFor('code')} />
      <TextField
        label={t.modules.hours}
        hint={t.modules.hoursHint}
        inputMode="decimal"
        required
        value={values.hours}
        onValue={set('hours')}
        errors={command.errorsFor('hours')}
      />
      <TextField label={t.modules.titleEn} lang="en" required value={values.titleEn} onValue={set('titleEn')} errors={command.errorsFor('titleEn')} />
      <TextField label={t.modules.titleFr} lang="fr" required value={values.titleFr} onValue={set('titleFr')} errors={command.errorsFor('titleFr')} />
      <CheckboxGroup
        legend={t.modules.keyFactors}
        options={(keyFactors?.items ?? []).map((factor) => ({ value: factor.code, label: `${factor.code} ${name(factor, 'nameEn', 'nameFr')}` }))}
        selected={values.keyFactorCodes}
        onSelected={set('keyFactorCodes')}
        errors={command.errorsFor('keyFactorCodes')}
      />
    </RecordForm>
  );
}

export const { Register: RegisterModulePage, Update: UpdateModulePage } = formPages(ModuleForm, {
  useTitles: () => {
    const t = useMessages(referenceMessages).modules;
    return { register: t.register, edit: t.edit };
  },
  queryKey: adminKeys.modules,
  load: fetchModule,
});
