import { SelectField, TextField } from '@/components/fields';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useMessages } from '@/i18n/LocaleProvider';
import type { PersonValues, Service, Sex } from '@/lib/people/api';
import { participantMessages } from '@/lib/people/messages';
import { useAdministrationOptions, type Choice } from '@/lib/referenceData';

export const personFieldNames = ['familyName', 'givenNames', 'sex', 'administrationId', 'service', 'position', 'email', 'staffNumber'] as const;

const sexes: readonly Sex[] = ['female', 'male', 'not_recorded'];
const services: readonly Service[] = ['operational', 'support', 'management'];

export function emptyPerson(administrationId = ''): PersonValues {
  return { familyName: '', givenNames: '', sex: 'not_recorded', administrationId, service: 'operational', position: '', email: '', staffNumber: '' };
}

/**
 * Who a person is, as registering, enrolling and editing ask it; the API's messages beside each field.
 * `moreAdministrations`: administrations to offer besides those the caller may read (a workshop's own,
 * whose people a trainer enrols though the administrations lie outside the trainer's scope).
 */
export function PersonFields({
  values,
  onChange,
  errorsFor,
  moreAdministrations = [],
}: {
  values: PersonValues;
  onChange: (values: PersonValues) => void;
  errorsFor: (field: string) => string[] | undefined;
  moreAdministrations?: Choice[];
}) {
  const t = useMessages(participantMessages);
  const administrations = useAdministrationOptions();
  const administrationOptions = [
    ...administrations.options,
    ...moreAdministrations.filter((more) => !administrations.options.some((option) => option.value === more.value)),
  ];
  const set = <K extends keyof PersonValues>(field: K) => (value: PersonValues[K]) => onChange({ ...values, [field]: value });
  return (
    <>
      <TextField label={t.fields.familyName} required value={values.familyName} onValue={set('familyName')} errors={errorsFor('familyName')} />
      <TextField label={t.fields.givenNames} required value={values.givenNames} onValue={set('givenNames')} errors={errorsFor('givenNames')} />
      <SelectField
        label={t.fields.sex}
        value={values.sex}
        onValue={(sex) => set('sex')(sex as Sex)}
        options={sexes.map((sex) => ({ value: sex, label: t.sex[sex] }))}
        errors={errorsFor('sex')}
      />
      <SelectField
        label={t.fields.administration}
        required
        value={values.administrationId}
        onValue={set('administrationId')}
        placeholder={t.fields.choose}
        options={administrationOptions}
        errors={errorsFor('administrationId')}
      />
      {administrations.error && <ProblemAlert error={administrations.error} onRetry={administrations.retry} />}
      <SelectField
        label={t.fields.service}
        value={values.service}
        onValue={(service) => set('service')(service as Service)}
        options={services.map((service) => ({ value: service, label: t.service[service] }))}
        errors={errorsFor('service')}
      />
      <TextField label={t.fields.position} value={values.position ?? ''} onValue={set('position')} errors={errorsFor('position')} />
      <TextField label={t.fields.email} type="email" value={values.email ?? ''} onValue={set('email')} errors={errorsFor('email')} />
      <TextField label={t.fields.staffNumber} value={values.staffNumber ?? ''} onValue={set('staffNumber')} errors={errorsFor('staffNumber')} />
    </>
  );
}
