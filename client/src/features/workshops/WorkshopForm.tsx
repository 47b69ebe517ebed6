import type { Command } from '@/api/useCommand';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '@/components/fields';
import { ProblemAlert } from '@/components/ProblemAlert';
import { RecordForm } from '@/components/RecordForm';
import { useAdministrationOptions, useKeyFactorOptions, useProgrammeOptions } from '@/lib/referenceData';
import { useMessages } from '@/i18n/LocaleProvider';
import { workshopKinds, workshopStatuses, type UpdateWorkshop, type WorkshopDetails, type WorkshopKind, type WorkshopStatus } from './api';
import { workshopMessages } from './messages';

export type WorkshopValues = UpdateWorkshop;

export const workshopFieldNames = [
  'programmeId', 'kind', 'title', 'startsOn', 'endsOn', 'hostAdministrationId', 'city', 'language', 'status',
  'administrationIds', 'keyFactorCodes', 'partners', 'outcomeNotes',
] as const;

export function newWorkshop(programmeId = ''): WorkshopValues {
  return {
    programmeId, kind: 'workshop', title: '', startsOn: '', endsOn: '', hostAdministrationId: '', city: '', language: 'fr',
    status: 'planned', administrationIds: [], keyFactorCodes: [], partners: [], outcomeNotes: '',
  };
}

export function valuesOf(workshop: WorkshopDetails): WorkshopValues {
  return {
    programmeId: workshop.programmeId, kind: workshop.kind, title: workshop.title, startsOn: workshop.startsOn, endsOn: workshop.endsOn,
    hostAdministrationId: workshop.hostAdministrationId, city: workshop.city, language: workshop.language, status: workshop.status,
    administrationIds: workshop.administrations.map((administration) => administration.id), keyFactorCodes: workshop.keyFactorCodes,
    partners: workshop.partners, outcomeNotes: workshop.outcomeNotes ?? '',
  };
}

/** What the API takes: partners one per line without blanks, no empty notes. */
export function workshopBody(values: WorkshopValues): WorkshopValues {
  return {
    ...values,
    title: values.title.trim(),
    city: values.city.trim(),
    partners: (values.partners ?? []).map((partner) => partner.trim()).filter(Boolean),
    outcomeNotes: values.outcomeNotes?.trim() || null,
  };
}

/**
 * Every field of a workshop, for recording one and for editing it. The form owns nothing: the page
 * keeps the values (so nothing typed is lost when a save fails) and sends its command.
 */
export function WorkshopForm({
  values,
  onChange,
  command,
  onSubmit,
  cancelTo,
  onReload,
}: {
  values: WorkshopValues;
  onChange: (values: WorkshopValues) => void;
  command: Pick<Command<never, unknown>, 'pending' | 'error' | 'errorsFor' | 'reset'>;
  onSubmit: () => void;
  cancelTo: string;
  onReload?: () => void;
}) {
  const t = useMessages(workshopMessages);
  const programmes = useProgrammeOptions();
  const administrations = useAdministrationOptions();
  const keyFactors = useKeyFactorOptions();
  const set = <K extends keyof WorkshopValues>(field: K) => (value: WorkshopValues[K]) => onChange({ ...values, [field]: value });
  const errorsFor = command.errorsFor;
  const languages = Object.keys(t.languages).includes(values.language) ? Object.keys(t.languages) : [...Object.keys(t.languages), values.language];

  return (
    <>
      {[programmes, administrations, keyFactors].map(
        (choices, index) => choices.error && <ProblemAlert key={index} error={choices.error} onRetry={choices.retry} />,
      )}
      <RecordForm command={command} placedFields={workshopFieldNames} onSubmit={onSubmit} onReload={onReload} cancelTo={cancelTo}>
        <SelectField label={t.fields.programme} required value={values.programmeId} onValue={set('programmeId')}
          placeholder={t.fields.choose} options={programmes.options} errors={errorsFor('programmeId')} />
        <SelectField label={t.fields.kind} value={values.kind} onValue={(kind) => set('kind')(kind as WorkshopKind)}
          options={workshopKinds.map((kind) => ({ value: kind, label: t.kinds[kind] }))} errors={errorsFor('kind')} />
        <TextField label={t.fields.title} required value={values.title} onValue={set('title')} errors={errorsFor('title')} />
        <TextField label={t.fields.startsOn} type="date" required value={values.startsOn} onValue={set('startsOn')} errors={errorsFor('startsOn')} />
        <TextField label={t.fields.endsOn} type="date" required value={values.endsOn} onValue={set('endsOn')} errors={errorsFor('endsOn')} />
        <SelectField label={t.fields.host} required value={values.hostAdministrationId} onValue={set('hostAdministrationId')}
          placeholder={t.fields.choose} options={administrations.options} errors={errorsFor('hostAdministrationId')} />
        <TextField label={t.fields.city} hint={t.fields.cityHint} required value={values.city} onValue={set('city')} errors={errorsFor('city')} />
        <SelectField label={t.fields.language} value={values.language} onValue={set('language')}
          options={languages.map((code) => ({ value: code, label: t.languages[code] ?? code }))} errors={errorsFor('language')} />
        <SelectField label={t.fields.status} value={values.status} onValue={(status) => set('status')(status as WorkshopStatus)}
          options={workshopStatuses.map((status) => ({ value: status, label: t.statuses[status] }))} errors={errorsFor('status')} />
        <CheckboxGroup legend={t.fields.others} selected={values.administrationIds ?? []} onSelected={set('administrationIds')}
          options={administrations.options.filter((option) => option.value !== values.hostAdministrationId)}
          errors={errorsFor('administrationIds')} />
        <CheckboxGroup legend={t.fields.keyFactors} selected={values.keyFactorCodes ?? []} onSelected={set('keyFactorCodes')}
          options={keyFactors.options} errors={errorsFor('keyFactorCodes')} />
        <TextAreaField label={t.fields.partners} hint={t.fields.partnersHint} value={(values.partners ?? []).join('\n')}
          onValue={(text) => set('partners')(text.split('\n'))} errors={errorsFor('partners')} />
        <TextAreaField label={t.fields.outcomeNotes} value={values.outcomeNotes ?? ''} onValue={set('outcomeNotes')} errors={errorsFor('outcomeNotes')} />
      </RecordForm>
    </>
  );
}
