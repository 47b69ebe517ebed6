import { SelectField, TextField } from '@/components/fields';
import { useAccounts, useAdministrationOptions } from '@/lib/referenceData';
import { EditRecordPage, formPages, RecordForm, useFormValues, useSaveCommand, type RecordFormProps } from '@/components/RecordForm';
import { useMe } from '@/lib/session';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { Accreditations } from './Accreditations';
import { fetchTrainer, registerTrainer, trainerKeys, trainerKinds, updateTrainer, type TrainerDetails, type TrainerKind } from './api';
import { trainerMessages } from './messages';

/**
 * RegisterTrainer or UpdateTrainer. A national trainer belongs to an administration, a WCO expert
 * to none; only administrators link a trainer to the account they sign in with.
 */
function TrainerForm({ record, onReload }: RecordFormProps<TrainerDetails>) {
  const t = useMessages(trainerMessages);
  const administrator = useMe().role === 'administrator';
  const administrations = useAdministrationOptions().options;
  const { data: accounts = [] } = useAccounts('trainer', administrator);
  const { values, set } = useFormValues(() => ({
    fullName: record?.fullName ?? '',
    kind: record?.kind ?? ('national_trainer' as TrainerKind),
    administrationId: record?.administrationId ?? '',
    email: record?.email ?? '',
    userId: record?.userId ?? '',
  }));
  const command = useSaveCommand({ record, register: registerTrainer, update: updateTrainer, invalidates: [trainerKeys.all], doneTo: '/trainers' });
  const national = values.kind === 'national_trainer';
  return (
    <RecordForm
      command={command}
      onSubmit={() =>
        void command.run({
          fullName: values.fullName,
          kind: values.kind,
          administrationId: national ? values.administrationId || null : null,
          email: values.email || null,
          userId: values.userId || null,
        })
      }
      onReload={onReload}
      placedFields={['fullName', 'kind', 'administrationId', 'email', 'userId']}
      cancelTo="/trainers"
    >
      <TextField label={t.fields.fullName} required value={values.fullName} onValue={set('fullName')} errors={command.errorsFor('fullName')} />
      <SelectField
        label={t.kind}
        value={values.kind}
        onValue={(kind) => set('kind')(kind as TrainerKind)}
        options={trainerKinds.map((kind) => ({ value: kind, label: t.kinds[kind] }))}
        errors={command.errorsFor('kind')}
      />
      {national && (
        <SelectField
          label={t.fields.administration}
          required
          value={values.administrationId}
          onValue={set('administrationId')}
          placeholder={t.fields.chooseAdministration}
          options={administrations}
          errors={command.errorsFor('administrationId')}
        />
      )}
      <TextField label={t.fields.email} type="email" value={values.email} onValue={set('email')} errors={command.errorsFor('email')} />
      {administrator && (
        <SelectField
          label={t.fields.account}
          value={values.userId}
          onValue={set('userId')}
          placeholder={t.fields.noAccount}
          options={accounts.map((account) => ({ value: account.id, label: `${account.displayName} (${account.email})` }))}
          errors={command.errorsFor('userId')}
        />
      )}
    </RecordForm>
  );
}

export const { Register: RegisterTrainerPage } = formPages(TrainerForm, {
  useTitles: () => {
    const t = useMessages(trainerMessages);
    return { register: t.register, edit: t.edit };
  },
  queryKey: trainerKeys.all,
  load: fetchTrainer,
});

/**
 * A trainer: their details, and where they stand with each module. A trainer may read themselves and their
 * co-trainers but change nobody, so they see the record without forms.
 */
export function UpdateTrainerPage() {
  const t = useMessages(trainerMessages);
  const readOnly = useMe().role === 'trainer';
  return (
    <EditRecordPage title={readOnly ? t.profile : t.edit} queryKey={trainerKeys.all} load={fetchTrainer}>
      {(trainer, reload) => (
        <>
          {readOnly ? <TrainerProfile trainer={trainer} /> : <TrainerForm record={trainer} onReload={reload} />}
          <Accreditations trainer={trainer} onReload={reload} readOnly={readOnly} />
        </>
      )}
    </EditRecordPage>
  );
}

function TrainerProfile({ trainer }: { trainer: TrainerDetails }) {
  const t = useMessages(trainerMessages);
  const name = useBilingual();
  return (
    <dl className="details">
      <dt>{t.fields.fullName}</dt>
      <dd>{trainer.fullName}</dd>
      <dt>{t.kind}</dt>
      <dd>{t.kinds[trainer.kind]}</dd>
      <dt>{t.fields.administration}</dt>
      <dd>{trainer.administrationNameEn ? name(trainer, 'administrationNameEn', 'administrationNameFr') : '—'}</dd>
      <dt>{t.fields.email}</dt>
      <dd>{trainer.email ?? '—'}</dd>
    </dl>
  );
}
