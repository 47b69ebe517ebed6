import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useKeyFactors, useProgramme } from '@/lib/referenceData';
import { useCommand } from '@/api/useCommand';
import { TextAreaField, TextField } from '@/components/fields';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { RecordForm } from '@/components/RecordForm';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import {
  fetchIndicator,
  fetchPeriodValues,
  recordIndicatorValues,
  resultKeys,
  type Disaggregation,
  type Indicator,
  type KeyFactor,
  type PeriodValues,
  type Programme,
} from './api';
import { breakdownProblems, bucketSlots, formOf, toEnteredValues, type BucketSlot, type Pair, type ValuesForm } from './enteredValues';
import { resultMessages } from './messages';
import './results.css';

/** /results/:programmeId/indicators/:indicatorId/periods/:periodId: RecordIndicatorValues for one period. */
export function RecordValuesPage() {
  const { programmeId = '', indicatorId = '', periodId = '' } = useParams();
  const client = useApiClient();
  const indicator = useQuery({
    queryKey: resultKeys.indicator(programmeId, indicatorId),
    queryFn: ({ signal }) => fetchIndicator(client, programmeId, indicatorId, signal),
  });
  const values = useQuery({
    queryKey: [...resultKeys.values(programmeId, indicatorId), periodId],
    queryFn: ({ signal }) => fetchPeriodValues(client, programmeId, indicatorId, periodId, signal),
  });
  const by = indicator.data?.disaggregations ?? [];
  const programme = useProgramme(programmeId, by.includes('administration'));
  const keyFactors = useKeyFactors(by.includes('key_factor'));
  const needed = [indicator, values, ...(by.includes('administration') ? [programme] : []), ...(by.includes('key_factor') ? [keyFactors] : [])];
  const failed = needed.find((query) => query.error && !query.data);
  if (failed) return <ProblemAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!indicator.data || !values.data || needed.some((query) => !query.data)) return <Loading />;
  return (
    <RecordValues
      indicator={indicator.data}
      values={values.data}
      programme={programme.data}
      keyFactors={keyFactors.data?.items ?? []}
      onReload={() => void values.refetch()}
    />
  );
}

interface RecordValuesProps {
  indicator: Indicator;
  values: PeriodValues;
  programme?: Programme;
  keyFactors: readonly KeyFactor[];
  /** After a lost race (412): reads the period's values again, for their new version. */
  onReload: () => void;
}

export function RecordValues({ indicator, values, programme, keyFactors, onReload }: RecordValuesProps) {
  const client = useApiClient();
  const navigate = useNavigate();
  const t = useMessages(resultMessages);
  const format = useFormat();
  const name = useBilingual();
  const [form, setForm] = useState<ValuesForm>(() => formOf(values));
  const [checked, setChecked] = useState(false);
  const slots = bucketSlots(
    indicator,
    programme?.administrations.map((administration) => administration.id) ?? [],
    keyFactors.map((factor) => factor.code),
  );
  const { body, indexOf } = toEnteredValues(form, indicator, slots);
  const problems = checked ? breakdownProblems(form, indicator, slots) : [];
  const at = { programmeId: indicator.programmeId, indicatorId: indicator.id, periodId: values.periodId };
  const record = useCommand(() => recordIndicatorValues(client, at, values.version, body), {
    invalidates: [resultKeys.values(at.programmeId, at.indicatorId)],
    onDone: () => void navigate(`/results/${at.programmeId}/indicators/${at.indicatorId}`),
  });

  const computed = indicator.computedBy !== undefined;
  const qualitative = indicator.measure === 'qualitative';
  const fields: (keyof Pair)[] = computed ? ['target'] : ['target', 'actual'];
  const typo = (key: string, field: keyof Pair) =>
    problems.some((problem) => problem.kind === 'notANumber' && problem.key === key && problem.field === field) ? [t.valuesForm.notANumber] : [];
  const totalErrors = (field: keyof Pair) => [...typo('total', field), ...(record.errorsFor(field) ?? [])];
  const bucketErrors = (slot: BucketSlot, field: keyof Pair) => {
    const index = indexOf.get(slot.key);
    return [...typo(slot.key, field), ...((index !== undefined && record.errorsFor(`disaggregations[${index}].${field}`)) || [])];
  };
  const slotLabel = (slot: BucketSlot) => {
    if (slot.bucket.sex) return t.sex[slot.bucket.sex];
    const administration = programme?.administrations.find((one) => one.id === slot.bucket.administrationId);
    if (administration) return name(administration, 'nameEn', 'nameFr');
    const factor = keyFactors.find((one) => one.code === slot.bucket.keyFactorCode);
    return factor ? `${factor.code} ${name(factor, 'nameEn', 'nameFr')}` : '';
  };
  const computedActual = (slot: BucketSlot) =>
    values.disaggregations.find(
      (row) => row.sex == slot.bucket.sex && row.administrationId == slot.bucket.administrationId && row.keyFactorCode == slot.bucket.keyFactorCode,
    )?.actual;
  const placed = [...fields, ...[...indexOf.values()].flatMap((index) => fields.map((field) => `disaggregations[${index}].${field}`))];

  return (
    <Page title={t.valuesForm.heading(indicator.code, values.label)}>
      <p>
        {name(indicator, 'titleEn', 'titleFr')} ({indicator.unit}) · {format.period(values.startsOn, values.endsOn)}
      </p>
      <RecordForm
        command={record}
        onSubmit={() => {
          setChecked(true);
          if (breakdownProblems(form, indicator, slots).length === 0) void record.run(undefined);
        }}
        placedFields={placed}
        onReload={onReload}
        onCancel={() => void navigate(-1)}
        problemLead={record.error?.status === 409 ? t.valuesForm.locked : undefined}
      >
        {!qualitative &&
          fields.map((field) => (
            <TextField
              key={field}
              label={t.valuesForm[field]}
              inputMode="decimal"
              value={form[field]}
              onValue={(value) => setForm({ ...form, [field]: value })}
              errors={totalErrors(field)}
            />
          ))}
        {computed && values.actual != null && <p>{t.valuesForm.computedActual(format.number(values.actual))}</p>}
        <TextAreaField
          label={t.valuesForm.targetComment}
          value={form.targetComment}
          onValue={(value) => setForm({ ...form, targetComment: value })}
          errors={record.errorsFor('targetComment')}
        />
        <TextAreaField
          label={t.valuesForm.actualComment}
          value={form.actualComment}
          onValue={(value) => setForm({ ...form, actualComment: value })}
          errors={record.errorsFor('actualComment')}
        />
        {!qualitative &&
          indicator.disaggregations.map((dimension) => (
            <Breakdown
              key={dimension}
              dimension={dimension}
              errors={problems.flatMap((problem) =>
                problem.kind === 'notAddingUp' && problem.dimension === dimension
                  ? [t.valuesForm.notAddingUp(t.valuesForm[problem.field], format.number(problem.sum), format.number(problem.total))]
                  : [],
              )}
            >
              {slots
                .filter((slot) => slot.dimension === dimension)
                .map((slot) => (
                  <div key={slot.key} className="breakdown-row">
                    <span className="breakdown-bucket">{slotLabel(slot)}</span>
                    {fields.map((field) => (
                      <TextField
                        key={field}
                        label={t.valuesForm.bucketField(slotLabel(slot), t.valuesForm[field])}
                        inputMode="decimal"
                        value={form.buckets[slot.key]?.[field] ?? ''}
                        onValue={(value) =>
                          setForm({
                            ...form,
                            buckets: { ...form.buckets, [slot.key]: { target: '', actual: '', ...form.buckets[slot.key], [field]: value } },
                          })
                        }
                        errors={bucketErrors(slot, field)}
                      />
                    ))}
                    {computed && <span className="number">{format.number(computedActual(slot) ?? 0)}</span>}
                  </div>
                ))}
            </Breakdown>
          ))}
      </RecordForm>
    </Page>
  );
}

/** One split of the values (by sex, administration or key factor), with what is wrong with it as a whole. */
function Breakdown({ dimension, errors, children }: { dimension: Disaggregation; errors: string[]; children: ReactNode }) {
  const t = useMessages(resultMessages);
  const id = `breakdown-${dimension}`;
  return (
    <fieldset className="form-wide breakdown" aria-describedby={errors.length ? `${id}-error` : undefined}>
      <legend>{t.valuesForm.breakdown(t.disaggregation[dimension])}</legend>
      {children}
      {errors.map((message, index) => (
        <p key={index} id={index === 0 ? `${id}-error` : undefined} className="field-error" role="alert">
          {message}
        </p>
      ))}
    </fieldset>
  );
}
