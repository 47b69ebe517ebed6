import { useState } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { TextField } from '@/components/fields';
import { ProblemAlert } from '@/components/ProblemAlert';
import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';
import { actionPlanKeys, adoptActionPlan, changeActionPlanStatus, today, type ActionPlanDetails, type ActionPlanStatus } from './api';
import { RecordForm } from '@/components/RecordForm';
import { actionPlanMessages } from './messages';

type Move = 'in_implementation' | 'closed' | 'draft';

/**
 * The moves the API allows from each status (ChangeActionPlanStatus): forward only, and back to draft
 * from adopted (the API refuses it with 409 once progress was reported; the problem says so).
 * A draft is adopted with its day instead (AdoptActionPlan); a closed plan is final.
 */
export const movesFrom: Record<ActionPlanStatus, readonly Move[]> = {
  draft: [],
  adopted: ['in_implementation', 'closed', 'draft'],
  in_implementation: ['closed'],
  closed: [],
};

/** The plan's status, with the buttons that move it on; all of them send the version read (If-Match). */
export function PlanLifecycle({ plan, onReload }: { plan: ActionPlanDetails; onReload: () => void }) {
  const client = useApiClient();
  const t = useMessages(actionPlanMessages);
  const shared = useMessages(common);
  const [adopting, setAdopting] = useState(false);
  // Closing cannot be undone: it asks once more.
  const [closing, setClosing] = useState(false);
  const move = useCommand((status: Move) => changeActionPlanStatus(client, plan.id, plan.version, status), {
    invalidates: [actionPlanKeys.all],
    onDone: () => setClosing(false),
  });
  const labels: Record<Move, string> = {
    in_implementation: t.lifecycle.startImplementation,
    closed: t.lifecycle.close,
    draft: t.lifecycle.backToDraft,
  };

  return (
    <section aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading" className="visually-hidden">
        {t.lifecycle.heading}
      </h2>
      <ProblemAlert error={move.error} lead={t.lifecycle.refused} onReload={onReload} />
      {plan.status === 'closed' && <p>{t.lifecycle.final}</p>}
      <div className="lifecycle">
        {plan.status === 'draft' && !adopting && (
          <button type="button" onClick={() => setAdopting(true)}>
            {t.lifecycle.adopt}
          </button>
        )}
        {movesFrom[plan.status].map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'draft' ? 'secondary' : undefined}
            disabled={move.pending}
            onClick={() => (status === 'closed' ? setClosing(true) : void move.run(status))}
          >
            {labels[status]}
          </button>
        ))}
      </div>
      {closing && (
        <div className="notice" role="group" aria-label={t.lifecycle.close}>
          <p>{t.lifecycle.closeWarning}</p>
          <div className="form-buttons">
            <button type="button" disabled={move.pending} onClick={() => void move.run('closed')}>
              {t.lifecycle.confirmClose}
            </button>
            <button type="button" className="secondary" onClick={() => setClosing(false)}>
              {shared.actions.cancel}
            </button>
          </div>
        </div>
      )}
      {adopting && <AdoptForm plan={plan} onReload={onReload} onClose={() => setAdopting(false)} />}
    </section>
  );
}

/** AdoptActionPlan: the day management adopted the draft (not in the future). */
function AdoptForm({ plan, onReload, onClose }: { plan: ActionPlanDetails; onReload: () => void; onClose: () => void }) {
  const client = useApiClient();
  const t = useMessages(actionPlanMessages);
  const [adoptedOn, setAdoptedOn] = useState(today);
  const adopt = useCommand((day: string) => adoptActionPlan(client, plan.id, plan.version, day), {
    invalidates: [actionPlanKeys.all],
    onDone: onClose,
  });
  return (
    <RecordForm
      command={adopt}
      label={t.lifecycle.adoptHeading}
      submitLabel={t.lifecycle.confirmAdoption}
      placedFields={['adoptedOn']}
      onSubmit={() => void adopt.run(adoptedOn)}
      onCancel={onClose}
      onReload={onReload}
    >
      <TextField label={t.fields.adoptedOn} type="date" required max={today()} value={adoptedOn} onValue={setAdoptedOn} errors={adopt.errorsFor('adoptedOn')} />
    </RecordForm>
  );
}
