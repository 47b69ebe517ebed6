import { useState } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { CheckboxGroup, SelectField, SpreadsheetField } from '@/components/fields';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { RecordForm } from '@/components/RecordForm';
import { useBilingual, useLocale, useMessages } from '@/i18n/LocaleProvider';
import { useAdministrationOptions } from '@/lib/referenceData';
import {
  importAttendanceSheet,
  previewAttendanceSheet,
  templateUrl,
  workshopKeys,
  type SheetChoices,
  type SheetReport,
  type TemplateFormat,
  type WorkshopDetails,
} from './api';
import { workshopMessages } from './messages';
import { SheetReportTable } from './SheetReportTable';
import { WithWorkshop } from './WithWorkshop';

export function ImportAttendanceSheetPage() {
  return <WithWorkshop>{(workshop) => <ImportSheet workshop={workshop} />}</WithWorkshop>;
}

const noChoices: SheetChoices = { administrationMap: {}, ignoredColumns: [] };
const templateFormats: readonly TemplateFormat[] = ['xlsx', 'csv'];

interface Sending {
  sheet: File;
  choices: SheetChoices;
}

/** The values not met before, in the order met: what was reported once stays on screen once answered. */
const adding = (values: readonly string[]) => (current: string[]) => [...current, ...values.filter((value) => !current.includes(value))];

/**
 * The administrations a sheet's value may mean: the workshop's host and those taking part first (a trainer's scope
 * may hold no others), then every administration the caller may list.
 */
function useAdministrationChoices(workshop: WorkshopDetails) {
  const name = useBilingual();
  const listed = useAdministrationOptions();
  const own = [
    { value: workshop.hostAdministrationId, label: name(workshop, 'hostAdministrationNameEn', 'hostAdministrationNameFr') },
    ...workshop.administrations.map((administration) => ({ value: administration.id, label: name(administration, 'nameEn', 'nameFr') })),
  ];
  return { ...listed, options: [...own, ...listed.options.filter((option) => !own.some((first) => first.value === option.value))] };
}

/**
 * A trainer chooses the attendance sheet of a workshop (CSV or .xlsx) and sees at once what importing it would do,
 * storing nothing: the totals, the marks per session day, every problem of each row. They say which administration
 * each value the API did not recognise means and which unknown columns to leave alone, check again, and import with
 * the same choices; the answer shows what the import did. Uploading the same sheet again registers nobody twice.
 */
function ImportSheet({ workshop }: { workshop: WorkshopDetails }) {
  const client = useApiClient();
  const t = useMessages(workshopMessages).sheet;
  const { locale } = useLocale();
  const [sheet, setSheet] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [choices, setChoices] = useState<SheetChoices>(noChoices);
  const [valuesToMap, setValuesToMap] = useState<string[]>([]);
  const [columnsNotRead, setColumnsNotRead] = useState<string[]>([]);
  const [preview, setPreview] = useState<SheetReport | null>(null);
  const [report, setReport] = useState<SheetReport | null>(null);
  const check = useCommand(({ sheet, choices }: Sending) => previewAttendanceSheet(client, workshop.id, sheet, choices), {
    onDone: (answer) => {
      setPreview(answer);
      setValuesToMap(adding(answer.unknownAdministrations));
      setColumnsNotRead(adding(answer.unknownColumns));
    },
  });
  const importSheet = useCommand(({ sheet, choices }: Sending) => importAttendanceSheet(client, workshop.id, sheet, choices), {
    invalidates: [workshopKeys.all],
    onDone: (answer) => {
      setPreview(null);
      setReport(answer);
    },
  });
  const administrations = useAdministrationChoices(workshop);
  const errors = missing ? [t.chooseFile] : check.errorsFor('sheet');

  const runCheck = (chosen: File | null, with_: SheetChoices) => {
    setMissing(!chosen);
    if (!chosen) return;
    setReport(null);
    importSheet.reset();
    void check.run({ sheet: chosen, choices: with_ });
  };

  const mapValue = (value: string, administrationId: string) => {
    const { [value]: _previous, ...others } = choices.administrationMap;
    setChoices({ ...choices, administrationMap: administrationId ? { ...others, [value]: administrationId } : others });
  };

  return (
    <Page title={t.heading(workshop.title)}>
      <p>{t.intro}</p>
      <nav aria-label={t.templates}>
        <ul className="sheet-templates">
          {templateFormats.map((format) => (
            <li key={format}>
              <a href={templateUrl(workshop.id, format, locale)} download>
                {t.template[format]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <RecordForm
        command={check}
        label={t.check}
        onSubmit={() => runCheck(sheet, choices)}
        placedFields={['sheet']}
        submitLabel={preview ? t.checkAgain : t.check}
        pendingLabel={t.checking}
      >
        <SpreadsheetField
          label={t.file}
          errors={errors}
          onFile={(chosen) => {
            setSheet(chosen);
            setChoices(noChoices);
            setValuesToMap([]);
            setColumnsNotRead([]);
            setPreview(null);
            runCheck(chosen, noChoices);
          }}
        />
        {valuesToMap.length > 0 && (
          <fieldset className="form-wide field-group" aria-describedby="sheet-administrations-hint">
            <legend>{t.unknownAdministrations}</legend>
            <p id="sheet-administrations-hint" className="field-hint">
              {t.unknownAdministrationsHint}
            </p>
            {administrations.error && <ProblemAlert error={administrations.error} onRetry={administrations.retry} />}
            {valuesToMap.map((value) => (
              <SelectField
                key={value}
                label={t.meaning(value)}
                options={administrations.options}
                placeholder={t.chooseAdministration}
                value={choices.administrationMap[value] ?? ''}
                onValue={(administrationId) => mapValue(value, administrationId)}
              />
            ))}
          </fieldset>
        )}
        {columnsNotRead.length > 0 && (
          <div className="form-wide">
            <CheckboxGroup
              legend={t.unknownColumns}
              options={columnsNotRead.map((column) => ({ value: column, label: t.ignore(column) }))}
              selected={choices.ignoredColumns}
              onSelected={(ignoredColumns) => setChoices({ ...choices, ignoredColumns })}
            />
          </div>
        )}
      </RecordForm>
      {preview && sheet && (
        <>
          <SheetReportTable report={preview} preview />
          <RecordForm
            command={importSheet}
            label={t.importLabel}
            onSubmit={() => void importSheet.run({ sheet, choices })}
            placedFields={[]}
            submitLabel={t.import}
            pendingLabel={t.importing}
          >
            {null}
          </RecordForm>
        </>
      )}
      {report && <SheetReportTable report={report} />}
      <p>
        <Link to={`/workshops/${workshop.id}`}>{t.back}</Link>
      </p>
    </Page>
  );
}
