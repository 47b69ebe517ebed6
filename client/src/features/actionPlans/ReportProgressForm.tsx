import { useState } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { SelectField, TextAreaField, TextField } from '@/components/fields';
import { RecordForm, useFormValues } from '@/components/RecordForm';
import { useMessages } from '@/i18n/LocaleProvider';
import { actionPlanKeys, actionStatuses, recordProgressUpdate, today, type ActionDetails, type ActionStatus, type RecordProgressUpdate } from './api';
import { actionPlanMessages } from './messages';

interface ProgressValues {
  reportedOn: string;
  status: ActionStatus;
  percentDone: string;
  narrative: string;
  evidenceLinks: string[];
}

const placed = ['reportedOn', 'status', 'percentDone', 'narrative', 'evidenceLinks'];

/** The percent a status implies (the API refuses done below 100 and not started above 0). */
const impliedPercent: Partial<Record<ActionStatus, string>> = { done: '100', not_started: '0' };

function blank(action: ActionDetails): ProgressValues {
  return { reportedOn: today(), status: action.status, percentDone: String(action.percentDone), narrative: '', evidenceLinks: [''] };
}

/**
 * The body of RecordProgressUpdate, and where each link typed went in it: blank link rows are left
 * out, so the API's `evidenceLinks[i]` is matched back to the row it came from.
 */
export function toProgressUpdate(values: ProgressValues): { body: RecordProgressUpdate; linkRows: number[] } {
  const linkRows = values.evidenceLinks.flatMap((link, row) => (link.trim() ? [row] : []));
  return {
    body: {
      reportedOn: values.reportedOn,
      status: values.status,
      // An empty field is sent as null (NaN in JSON), so the API says the percent is required.
      percentDone: values.percentDone.trim() === '' ? Number.NaN : Number(values.percentDone),
      narrative: values.narrative.trim() || null,
      evidenceLinks: linkRows.map((row) => values.evidenceLinks[row]!.trim()),
    },
    linkRows,
  };
}

/**
 * RecordProgressUpdate: a dated status, percent, narrative and evidence links, appended to the
 * action's history (never edited). A create: it carries an Idempotency-Key, so a retry after a lost
 * answer records one update, not two.
 */
export function ReportProgressForm({ action }: { action: ActionDetails }) {
  const client = useApiClient();
  const t = useMessages(actionPlanMessages);
  const { values, set, setValues } = useFormValues(() => blank(action));
  const [recorded, setRecorded] = useState(false);
  const { body, linkRows } = toProgressUpdate(values);
  const command = useCommand((update: RecordProgressUpdate, { idempotencyKey }) => recordProgressUpdate(client, action.id, update, idempotencyKey), {
    invalidates: [actionPlanKeys.action(action.id), actionPlanKeys.all],
    onDone: () => {
      setRecorded(true);
      setValues((previous) => ({ ...blank(action), status: previous.status, percentDone: previous.percentDone }));
    },
    offline: (update) => `${action.title}, ${update.reportedOn}`,
  });
  const linkErrors = (row: number) => {
    const sent = linkRows.indexOf(row);
    return sent < 0 ? undefined : command.errorsFor(`evidenceLinks[${sent}]`);
  };
  const setLinks = (evidenceLinks: string[]) => setValues((previous) => ({ ...previous, evidenceLinks }));
  const send = () => {
    setRecorded(false);
    void command.run(body);
  };

  return (
    <section aria-labelledby="report-progress-heading" className="card section">
      <h2 id="report-progress-heading">{t.progress.report}</h2>
      {recorded && (
        <p role="status" className="notice">
          {t.progress.recorded}
        </p>
      )}
      <RecordForm
        command={command}
        label={t.progress.report}
        submitLabel={t.progress.submit}
        placedFields={[...placed, ...linkRows.map((_, sent) => `evidenceLinks[${sent}]`)]}
        onSubmit={send}
      >
        <TextField
          label={t.progress.reportedOn}
          type="date"
          required
          min={action.startsOn}
          max={today()}
          value={values.reportedOn}
          onValue={set('reportedOn')}
          errors={command.errorsFor('reportedOn')}
        />
        <SelectField
          label={t.progress.status}
          required
          value={values.status}
          onValue={(status) =>
            setValues((previous) => ({
              ...previous,
              status: status as ActionStatus,
              percentDone: impliedPercent[status as ActionStatus] ?? previous.percentDone,
            }))
          }
          options={actionStatuses.map((status) => ({ value: status, label: t.actionStatus[status] }))}
          errors={command.errorsFor('status')}
        />
        <TextField
          label={t.progress.percentDone}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          required
          value={values.percentDone}
          onValue={set('percentDone')}
          errors={command.errorsFor('percentDone')}
        />
        <div className="form-wide">
          <TextAreaField label={t.progress.narrative} value={values.narrative} onValue={set('narrative')} errors={command.errorsFor('narrative')} />
        </div>
        <fieldset className="form-wide field">
          <legend>{t.progress.evidenceLinks}</legend>
          <p className="field-hint">{t.progress.evidenceHint}</p>
          {command.errorsFor('evidenceLinks')?.map((message) => (
            <p key={message} className="field-error">
              {message}
            </p>
          ))}
          <ul className="evidence-links">
            {values.evidenceLinks.map((link, row) => (
              <li key={row} className="evidence-link-row">
                <TextField
                  label={t.progress.link(row + 1)}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={link}
                  onValue={(typed) => setLinks(values.evidenceLinks.map((one, index) => (index === row ? typed : one)))}
                  errors={linkErrors(row)}
                />
                {values.evidenceLinks.length > 1 && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setLinks(values.evidenceLinks.filter((_, index) => index !== row))}
                  >
                    {t.progress.removeLink(row + 1)}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={() => setLinks([...values.evidenceLinks, ''])}>
            {t.progress.addLink}
          </button>
        </fieldset>
      </RecordForm>
    </section>
  );
}
