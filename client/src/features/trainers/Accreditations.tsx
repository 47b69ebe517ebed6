import { useState } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { SelectField, TextField } from '@/components/fields';
import { useModuleOptions } from '@/lib/referenceData';
import { RecordForm, useFormValues } from '@/components/RecordForm';
import { RecordTable } from '@/components/RecordTable';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { recordAccreditation, stages, trainerKeys, type AccreditationStage, type RecordAccreditation, type TrainerDetails } from './api';
import { trainerMessages } from './messages';

/**
 * The trainer's accreditations, and the form that records a new one or its next stage; `readOnly` (a trainer
 * looking at themselves or a co-trainer, which the API lets them read but not change) shows the table alone.
 */
export function Accreditations({ trainer, onReload, readOnly = false }: { trainer: TrainerDetails; onReload: () => void; readOnly?: boolean }) {
  const t = useMessages(trainerMessages).accreditations;
  const stageNames = useMessages(trainerMessages).stages;
  const format = useFormat();
  const [moduleId, setModuleId] = useState('');
  const day = (iso?: string | null) => (iso ? format.date(iso) : '');
  const nextStage = {
    header: t.nextButton,
    cell: (accreditation: TrainerDetails['accreditations'][number]) =>
      accreditation.stage !== 'accredited' && (
        <button type="button" className="secondary" aria-label={t.next(accreditation.moduleCode)} onClick={() => setModuleId(accreditation.moduleId)}>
          {t.nextButton}
        </button>
      ),
  };
  return (
    <section aria-labelledby="accreditations">
      <h2 id="accreditations">{t.heading}</h2>
      {trainer.accreditations.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <RecordTable
          caption={t.caption}
          rows={trainer.accreditations}
          rowKey={(accreditation) => accreditation.id}
          columns={[
            { header: t.columns.module, cell: (accreditation) => `${accreditation.moduleCode} — ${accreditation.moduleTitleEn}` },
            { header: t.columns.stage, cell: (accreditation) => stageNames[accreditation.stage] },
            { header: t.columns.candidateSince, cell: (accreditation) => day(accreditation.candidateSince), className: 'nowrap' },
            { header: t.columns.trainedOn, cell: (accreditation) => day(accreditation.trainedOn), className: 'nowrap' },
            { header: t.columns.supervisedDeliveryOn, cell: (accreditation) => day(accreditation.supervisedDeliveryOn), className: 'nowrap' },
            { header: t.columns.accreditedOn, cell: (accreditation) => day(accreditation.accreditedOn), className: 'nowrap' },
            ...(readOnly ? [] : [nextStage]),
          ]}
        />
      )}
      {!readOnly && (
        <>
          <h3>{t.record}</h3>
          {/* A new module starts the form afresh, from that module's accreditation if there is one. */}
          <RecordAccreditationForm key={moduleId} trainer={trainer} moduleId={moduleId} onModule={setModuleId} onReload={onReload} />
        </>
      )}
    </section>
  );
}

const after = (stage: AccreditationStage, reached: AccreditationStage) => stages.indexOf(reached) >= stages.indexOf(stage);

/**
 * RecordAccreditation: the stage reached and the day of each stage so far. Only the current stage
 * and those after it are offered, as the API refuses a step back.
 */
function RecordAccreditationForm({
  trainer,
  moduleId,
  onModule,
  onReload,
}: {
  trainer: TrainerDetails;
  moduleId: string;
  onModule: (moduleId: string) => void;
  onReload: () => void;
}) {
  const t = useMessages(trainerMessages);
  const client = useApiClient();
  const modules = useModuleOptions().options;
  const existing = trainer.accreditations.find((accreditation) => accreditation.moduleId === moduleId);
  const { values, set } = useFormValues(() => ({
    stage: existing?.stage ?? ('candidate' as AccreditationStage),
    candidateSince: existing?.candidateSince ?? '',
    trainedOn: existing?.trainedOn ?? '',
    supervisedDeliveryOn: existing?.supervisedDeliveryOn ?? '',
    accreditedOn: existing?.accreditedOn ?? '',
  }));
  const [saved, setSaved] = useState(false);
  const command = useCommand(
    (body: RecordAccreditation) => recordAccreditation(client, trainer.id, moduleId, body, existing?.version),
    { invalidates: [trainerKeys.all], onDone: () => setSaved(true) },
  );
  const reached = (stage: AccreditationStage) => after(stage, values.stage);
  const dayOf = (stage: AccreditationStage, field: 'trainedOn' | 'supervisedDeliveryOn' | 'accreditedOn') =>
    reached(stage) ? values[field] || null : null;
  const offered = stages.slice(existing ? stages.indexOf(existing.stage) : 0);
  const dateField = (field: 'candidateSince' | 'trainedOn' | 'supervisedDeliveryOn' | 'accreditedOn') => (
    <TextField label={t.accreditations[field]} type="date" required value={values[field]} onValue={set(field)} errors={command.errorsFor(field)} />
  );

  return (
    <RecordForm
      command={command}
      onSubmit={() => {
        setSaved(false);
        void command.run({
          stage: values.stage,
          candidateSince: values.candidateSince,
          trainedOn: dayOf('trained', 'trainedOn'),
          supervisedDeliveryOn: dayOf('supervised_delivery', 'supervisedDeliveryOn'),
          accreditedOn: dayOf('accredited', 'accreditedOn'),
          // Kept as recorded: this form does not pick the training-of-trainers workshop.
          trainedAtWorkshopId: reached('trained') ? (existing?.trainedAtWorkshopId ?? null) : null,
        });
      }}
      onReload={onReload}
      placedFields={['stage', 'candidateSince', 'trainedOn', 'supervisedDeliveryOn', 'accreditedOn']}
      cancelTo="/trainers"
    >
      <SelectField
        label={t.accreditations.module}
        required
        value={moduleId}
        onValue={onModule}
        placeholder={t.accreditations.chooseModule}
        options={modules}
      />
      <SelectField
        label={t.accreditations.stage}
        hint={t.accreditations.stageHint}
        value={values.stage}
        onValue={(stage) => set('stage')(stage as AccreditationStage)}
        options={offered.map((stage) => ({ value: stage, label: t.stages[stage] }))}
        errors={command.errorsFor('stage')}
      />
      {dateField('candidateSince')}
      {reached('trained') && dateField('trainedOn')}
      {reached('supervised_delivery') && dateField('supervisedDeliveryOn')}
      {reached('accredited') && dateField('accreditedOn')}
      {saved && (
        <p role="status" className="form-wide">
          {t.accreditations.saved}
        </p>
      )}
    </RecordForm>
  );
}
