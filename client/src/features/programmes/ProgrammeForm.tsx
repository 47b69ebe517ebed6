import { fetchProgramme, referenceKeys, useAdministrationOptions, useDonorOptions, type ProgrammeSummary } from '@/lib/referenceData';
import { formPages, RecordForm, useFormValues, useSaveCommand, type RecordFormProps } from '@/components/RecordForm';
import { CheckboxGroup, TextField } from '@/components/fields';
import { useMe } from '@/lib/session';
import { useMessages } from '@/i18n/LocaleProvider';
import { registerProgramme, updateProgramme } from './api';
import { programmeMessages } from './messages';

/**
 * RegisterProgramme (administrators) or UpdateProgramme. Only administrators change who funds a
 * programme and which administrations it covers: a coordinator's form keeps them as they are.
 */
function ProgrammeForm({ record, onReload }: RecordFormProps<ProgrammeSummary>) {
  const t = useMessages(programmeMessages);
  const administrator = useMe().role === 'administrator';
  const donors = useDonorOptions().options;
  const administrations = useAdministrationOptions().options;
  const { values, set } = useFormValues(() => ({
    code: record?.code ?? '',
    name: record?.name ?? '',
    startsOn: record?.startsOn ?? '',
    endsOn: record?.endsOn ?? '',
    donorIds: record?.donors.map((donor) => donor.id) ?? [],
    administrationIds: record?.administrations.map((administration) => administration.id) ?? [],
  }));
  const command = useSaveCommand({
    record,
    register: registerProgramme,
    update: updateProgramme,
    // A programme's code names it in accounts' scopes and donors' pickers too.
    invalidates: [referenceKeys.programmes, referenceKeys.users],
    doneTo: '/programmes',
  });
  return (
    <RecordForm
      command={command}
      onSubmit={() => void command.run(values)}
      onReload={onReload}
      placedFields={['code', 'name', 'startsOn', 'endsOn', 'donorIds', 'administrationIds']}
      cancelTo="/programmes"
    >
      <TextField label={t.fields.code} hint={t.fields.codeHint} required value={values.code} onValue={set('code')} errors={command.errorsFor('code')} />
      <TextField label={t.fields.name} required value={values.name} onValue={set('name')} errors={command.errorsFor('name')} />
      <TextField label={t.fields.startsOn} type="date" required value={values.startsOn} onValue={set('startsOn')} errors={command.errorsFor('startsOn')} />
      <TextField label={t.fields.endsOn} type="date" required value={values.endsOn} onValue={set('endsOn')} errors={command.errorsFor('endsOn')} />
      {administrator && (
        <>
          <CheckboxGroup legend={t.fields.donors} options={donors} selected={values.donorIds} onSelected={set('donorIds')} errors={command.errorsFor('donorIds')} />
          <CheckboxGroup
            legend={t.fields.administrations}
            options={administrations}
            selected={values.administrationIds}
            onSelected={set('administrationIds')}
            errors={command.errorsFor('administrationIds')}
          />
        </>
      )}
    </RecordForm>
  );
}

export const { Register: RegisterProgrammePage, Update: UpdateProgrammePage } = formPages(ProgrammeForm, {
  useTitles: () => useMessages(programmeMessages),
  queryKey: referenceKeys.programmes,
  load: fetchProgramme,
});
