import { SelectField } from '@/components/fields';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useProgrammeChoices } from '@/lib/referenceData';

/**
 * A record of an administration under a programme that covers it (an action plan, a survey round): the programme
 * first, then one of the administrations it covers. Choosing another programme empties the administration, which
 * it may not cover.
 */
export function ProgrammeAdministrationFields({
  values,
  onValues,
  errorsFor,
  labels,
}: {
  values: { programmeId: string; administrationId: string };
  onValues: (values: { programmeId: string; administrationId: string }) => void;
  errorsFor: (field: string) => string[] | undefined;
  labels: { programme: string; administration: string; choose: string; chooseProgrammeFirst: string };
}) {
  const choices = useProgrammeChoices(values.programmeId || undefined);
  return (
    <>
      {choices.error && (
        <div className="form-wide">
          <ProblemAlert error={choices.error} onRetry={choices.retry} />
        </div>
      )}
      <SelectField
        label={labels.programme}
        required
        value={values.programmeId}
        onValue={(programmeId) => onValues({ programmeId, administrationId: '' })}
        options={choices.programmes}
        placeholder={labels.choose}
        errors={errorsFor('programmeId')}
      />
      <SelectField
        label={labels.administration}
        required
        value={values.administrationId}
        onValue={(administrationId) => onValues({ programmeId: values.programmeId, administrationId })}
        options={values.programmeId ? choices.administrations : []}
        placeholder={labels.choose}
        hint={values.programmeId ? undefined : labels.chooseProgrammeFirst}
        errors={errorsFor('administrationId')}
      />
    </>
  );
}
