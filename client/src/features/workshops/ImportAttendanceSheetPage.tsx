import { useState } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { Page } from '@/components/Page';
import { RecordForm } from '@/components/RecordForm';
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

  return (
    <Page title={t.sheet.heading(workshop.title)}>
      <p>{t.sheet.intro}</p>
      <RecordForm
        command={command}
        onSubmit={() => {
          setMissing(!file);
          if (file) {
            setReport(null);
            void command.run(file);
          }
        }}
        placedFields={['sheet']}
        submitLabel={t.sheet.upload}
        pendingLabel={t.sheet.uploading}
        cancelTo={`/workshops/${workshop.id}`}
        cancelLabel={t.sheet.back}
      >
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
      </RecordForm>
      {report && <SheetReportTable report={report} />}
    </Page>
  );
}
