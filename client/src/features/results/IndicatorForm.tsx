import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { CheckboxGroup, SelectField, TextField } from '@/components/fields';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { RecordForm } from '@/components/RecordForm';
import { useMessages } from '@/i18n/LocaleProvider';
import {
  defineIndicator,
  disaggregations,
  fetchIndicator,
  measures,
  resultKeys,
  rules,
  updateIndicator,
  type Disaggregation,
  type Indicator,
  type IndicatorFields,
  type Measure,
  type Rule,
} from './api';
import { resultMessages } from './messages';

const placed = ['code', 'titleEn', 'titleFr', 'unit', 'measure', 'ascending', 'disaggregations', 'computedBy'] as const;

/** The percentage rules; every other rule counts units. */
const percentageRules: readonly Rule[] = ['actions_done_on_time_percent', 'perception_favourable_percent', 'key_factors_improved_percent'];
const measureOf = (rule: Rule): Measure => (percentageRules.includes(rule) ? 'percentage' : 'unit');

const blank: IndicatorFields = { code: '', titleEn: '', titleFr: '', unit: '', measure: 'unit', ascending: true, disaggregations: [] };

/** /results/:programmeId/indicators/new: DefineIndicator. */
export function DefineIndicatorPage() {
  const { programmeId = '' } = useParams();
  const t = useMessages(resultMessages);
  return (
    <Page title={t.indicatorForm.defineHeading}>
      <IndicatorForm programmeId={programmeId} />
    </Page>
  );
}

/** /results/:programmeId/indicators/:indicatorId/edit: UpdateIndicator, with the version read (If-Match). */
export function EditIndicatorPage() {
  const { programmeId = '', indicatorId = '' } = useParams();
  const client = useApiClient();
  const t = useMessages(resultMessages);
  const indicator = useQuery({
    queryKey: resultKeys.indicator(programmeId, indicatorId),
    queryFn: ({ signal }) => fetchIndicator(client, programmeId, indicatorId, signal),
  });
  if (indicator.isPending) return <Loading />;
  if (indicator.error && !indicator.data) return <ProblemAlert error={indicator.error} onRetry={() => void indicator.refetch()} />;
  return (
    <Page title={t.indicatorForm.editHeading(indicator.data.code)}>
      <IndicatorForm programmeId={programmeId} indicator={indicator.data} onReload={() => void indicator.refetch()} />
    </Page>
  );
}

/**
 * An indicator's fields. Editing keeps what was typed when the save fails; after a lost race (412) the
 * reload refetches the indicator, so the next save carries its new version, and the typed values stay.
 */
export function IndicatorForm({ programmeId, indicator, onReload }: { programmeId: string; indicator?: Indicator; onReload?: () => void }) {
  const client = useApiClient();
  const navigate = useNavigate();
  const t = useMessages(resultMessages);
  const [fields, setFields] = useState<IndicatorFields>(() => (indicator ? fieldsOf(indicator) : blank));
  const save = useCommand(
    (body: IndicatorFields, { idempotencyKey }) =>
      indicator
        ? updateIndicator(client, programmeId, indicator.id, indicator.version, body).then(() => indicator.id)
        : defineIndicator(client, programmeId, body, idempotencyKey).then((created) => created.id),
    {
      invalidates: [resultKeys.indicators(programmeId)],
      onDone: (id) => void navigate(`/results/${programmeId}/indicators/${id}`),
    },
  );
  const text = (name: 'code' | 'titleEn' | 'titleFr' | 'unit') => ({
    value: fields[name],
    onValue: (value: string) => setFields({ ...fields, [name]: value }),
    errors: save.errorsFor(name),
    required: true,
  });

  return (
    <RecordForm command={save} onSubmit={() => void save.run(fields)} placedFields={placed} onReload={onReload} onCancel={() => void navigate(-1)}>
      <TextField label={t.indicatorForm.code} hint={t.indicatorForm.codeHint} {...text('code')} />
      <TextField label={t.indicatorForm.unit} hint={t.indicatorForm.unitHint} {...text('unit')} />
      <div className="form-wide">
        <TextField label={t.indicatorForm.titleEn} lang="en" {...text('titleEn')} />
      </div>
      <div className="form-wide">
        <TextField label={t.indicatorForm.titleFr} lang="fr" {...text('titleFr')} />
      </div>
      <SelectField
        label={t.indicatorForm.computedBy}
        hint={t.indicatorForm.computedHint}
        value={fields.computedBy ?? ''}
        placeholder={t.indicatorForm.enteredByHand}
        options={rules.map((rule) => ({ value: rule, label: t.rule[rule] }))}
        errors={save.errorsFor('computedBy')}
        onValue={(value) => {
          const rule = value === '' ? undefined : (value as Rule);
          setFields({ ...fields, computedBy: rule, measure: rule ? measureOf(rule) : fields.measure });
        }}
      />
      <SelectField
        label={t.indicatorForm.measure}
        value={fields.measure}
        disabled={fields.computedBy !== undefined}
        options={measures.map((measure) => ({ value: measure, label: t.measure[measure] }))}
        errors={save.errorsFor('measure')}
        onValue={(value) => setFields({ ...fields, measure: value as Measure })}
      />
      <SelectField
        label={t.indicatorForm.direction}
        value={fields.ascending ? 'ascending' : 'descending'}
        options={[
          { value: 'ascending', label: t.indicatorForm.ascending },
          { value: 'descending', label: t.indicatorForm.descending },
        ]}
        errors={save.errorsFor('ascending')}
        onValue={(value) => setFields({ ...fields, ascending: value === 'ascending' })}
      />
      <CheckboxGroup
        legend={t.indicatorForm.disaggregations}
        options={disaggregations.map((by) => ({ value: by, label: t.disaggregation[by] }))}
        selected={fields.disaggregations ?? []}
        onSelected={(selected) => setFields({ ...fields, disaggregations: selected as Disaggregation[] })}
        errors={save.errorsFor('disaggregations')}
      />
    </RecordForm>
  );
}

function fieldsOf({ code, titleEn, titleFr, unit, measure, ascending, disaggregations: by, computedBy }: Indicator): IndicatorFields {
  return { code, titleEn, titleFr, unit, measure, ascending, disaggregations: by, computedBy };
}
