import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useMessages } from '@/i18n/LocaleProvider';
import { importAttendanceSheet, workshopKeys, type SheetReport, type WorkshopDetails } from './api';
import { workshopMessages } from './messages';
import { SheetReportTable } from './SheetReportTable';
import { WithWorkshop } from './WithWorkshop';

export function ImportAttendanceSheetPage() {
  return <WithWorkshop>{(workshop) => <ImportSheet workshop={workshop} />}</WithWorkshop>;
}

/**
 * A trainer uploads the attendance sheet of a workshop as CSV; everyone on it is matched or registered
 * and enrolled; the answer shows the totals and the rows that need attention. Uploading the same sheet again
 * registers nobody twice.
 */
function ImportSheet({ workshop }: { workshop: WorkshopDetails }) {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [report, setReport] = useState<SheetReport | null>(null);
  const command = useCommand((sheet: File) => importAttendanceSheet(client, workshop.id, sheet), {
    invalidates: [workshopKeys.all],
    onDone: setReport,
  });
  const errors = missing ? [t.sheet.chooseFile] : command.errorsFor('sheet');

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!file);
    if (file) {
      setReport(null);
      void command.run(file);
    }
  }

  return (
    <Page title={t.sheet.heading(workshop.title)}>
      <p>{t.sheet.intro}</p>
      <ProblemAlert error={command.error} placedFields={['sheet']} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="field form-wide">
          <label htmlFor="sheet-file">{t.sheet.file}</label>
          <input
            id="sheet-file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? 'sheet-file-error' : undefined}
            onChange={(event) => {
              setMissing(false);
              setFile(event.target.files?.[0] ?? null);
            }}
          />
          {errors?.map((message, index) => (
            <p key={index} id={index === 0 ? 'sheet-file-error' : undefined} className="field-error">
              {message}
            </p>
          ))}
        </div>
        <div className="form-buttons">
          <button type="submit" disabled={command.pending}>
            {command.pending ? t.sheet.uploading : t.sheet.upload}
          </button>
          <Link className="button secondary" to={`/workshops/${workshop.id}`}>
            {t.sheet.back}
          </Link>
        </div>
      </form>
      {report && <SheetReportTable report={report} />}
    </Page>
  );
}
