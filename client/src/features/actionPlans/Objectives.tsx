import { useState } from 'react';
import { useKeyFactors } from '@/lib/referenceData';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import type { ActionPlanDetails } from './api';
import { actionPlanMessages } from './messages';
import { ObjectiveForm } from './ObjectiveForm';

/** The plan's objectives by number, adding one and editing each (not once the plan is closed). */
export function Objectives({ plan, onReload }: { plan: ActionPlanDetails; onReload: () => void }) {
  const t = useMessages(actionPlanMessages);
  const name = useBilingual();
  const keyFactors = useKeyFactors();
  // 'new', an objective's id, or nothing: one form open at a time.
  const [editing, setEditing] = useState<string>();
  const open = plan.status !== 'closed';
  const factorName = (code: string) => {
    const factor = keyFactors.data?.items.find((one) => one.code === code);
    return factor ? `${code} ${name(factor, 'nameEn', 'nameFr')}` : code;
  };

  return (
    <section aria-labelledby="objectives-heading" className="section">
      <div className="page-heading">
        <h2 id="objectives-heading">{t.objectives.heading}</h2>
        {open && !editing && (
          <button type="button" onClick={() => setEditing('new')}>
            {t.objectives.add}
          </button>
        )}
      </div>
      {editing === 'new' && (
        <div className="card">
          <h3>{t.objectives.add}</h3>
          <ObjectiveForm planId={plan.id} onClose={() => setEditing(undefined)} onReload={onReload} />
        </div>
      )}
      {plan.objectives.length === 0 && <p>{t.objectives.empty}</p>}
      <div className="cards">
        {plan.objectives.map((objective) => (
          <article key={objective.id} className="card" aria-labelledby={`objective-${objective.id}`}>
            <h3 id={`objective-${objective.id}`}>
              {t.objectives.number(objective.position)}: {objective.title}
            </h3>
            {editing === objective.id ? (
              <ObjectiveForm planId={plan.id} objective={objective} onClose={() => setEditing(undefined)} onReload={onReload} />
            ) : (
              <>
                <dl className="facts">
                  <dt>{t.objectives.keyFactors}</dt>
                  <dd>{objective.keyFactorCodes.map(factorName).join(', ')}</dd>
                  <dt>{t.objectives.outcomeIndicator}</dt>
                  <dd>{objective.outcomeIndicator}</dd>
                  <dt>{t.objectives.baseline}</dt>
                  <dd>{objective.baseline ?? t.objectives.notMeasured}</dd>
                  <dt>{t.objectives.target}</dt>
                  <dd>{objective.target}</dd>
                  <dt>{t.fields.actions}</dt>
                  <dd>{t.objectives.actionCount(objective.actionCount)}</dd>
                </dl>
                {open && !editing && (
                  <button type="button" className="secondary" onClick={() => setEditing(objective.id)}>
                    {t.objectives.edit(objective.position)}
                  </button>
                )}
              </>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
