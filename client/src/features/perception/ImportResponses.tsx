import { useState } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { SpreadsheetField } from '@/components/fields';
import { RecordForm } from '@/components/RecordForm';
import { useMessages } from '@/i18n/LocaleProvider';
import { perceptionKeys, type PerceptionSurveyDetails } from './api';
import { importResponses, previewResponses, type ResponsesImport } from './contract';
import { ImportReport } from './ImportReport';
import { perceptionMessages } from './messages';

/**
 * The round's responses from a file: choosing it shows at once what importing it would do, storing nothing; the
 * import then sends the same file and shows what it did. Importing the same file again adds nobody.
 */
export function ImportResponses({ survey }: { survey: PerceptionSurveyDetails }) {
  const client = useApiClient();
  const t = useMessages(perceptionMessages).import;
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [preview, setPreview] = useState<ResponsesImport | null>(null);
  const [report, setReport] = useState<ResponsesImport | null>(null);
  const check = useCommand((chosen: File) => previewResponses(client, survey.id, chosen), { onDone: setPreview });
  const importFile = useCommand((chosen: File) => importResponses(client, survey.id, chosen), {
    invalidates: [perceptionKeys.surveys, ['perception-trend', survey.administrationId]],
    onDone: (answer) => {
      setPreview(null);
      setReport(answer);
    },
  });
  const errors = missing ? [t.chooseFile] : check.errorsFor('sheet');

  const runCheck = (chosen: File | null) => {
    setMissing(!chosen);
    if (!chosen) return;
    setReport(null);
    importFile.reset();
    void check.run(chosen);
  };

  return (
    <section aria-labelledby="import-heading" className="card">
      <h2 id="import-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <RecordForm
        command={check}
        label={t.check}
        onSubmit={() => runCheck(file)}
        placedFields={['sheet']}
        submitLabel={preview ? t.checkAgain : t.check}
        pendingLabel={t.checking}
      >
        <SpreadsheetField
          label={t.file}
          errors={errors}
          onFile={(chosen) => {
            setFile(chosen);
            setPreview(null);
            runCheck(chosen);
          }}
        />
      </RecordForm>
      {preview && file && (
        <>
          <ImportReport report={preview} preview />
          <RecordForm command={importFile} label={t.import} onSubmit={() => void importFile.run(file)} placedFields={[]} submitLabel={t.import} pendingLabel={t.importing}>
            {null}
          </RecordForm>
        </>
      )}
      {report && <ImportReport report={report} />}
    </section>
  );
}
