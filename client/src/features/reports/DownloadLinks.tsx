import { useLocale, useMessages } from '@/i18n/LocaleProvider';
import { downloadUrl, type Download, type ReportOptions } from './api';
import { reportMessages } from './messages';

const kinds: readonly Download[] = ['csv', 'xlsx', 'iati'];

/** The report as files: CSV and Excel with the same rows as on screen, labelled in the screen's language, and the IATI activity file. */
export function DownloadLinks({ programmeId, code, options }: { programmeId: string; code: string; options: ReportOptions }) {
  const t = useMessages(reportMessages);
  const { locale } = useLocale();
  return (
    <nav aria-label={`${t.downloads.heading}: ${code}`}>
      <ul className="downloads">
        {kinds.map((kind) => (
          <li key={kind}>
            <a href={downloadUrl(programmeId, kind, options, locale)} download>
              {t.downloads[kind](code)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
