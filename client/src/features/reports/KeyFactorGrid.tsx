import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import type { KeyFactor, Programme, ProgressValue } from './api';
import { reportMessages } from './messages';
import { ReportCell } from './ReportCell';
import { keyFactorGrid } from './reportData';

/** Administrations × the ten key factors: how many modules delivered covered each. */
export function KeyFactorGrid({
  values,
  keyFactors,
  programme,
  minimumCellSize,
}: {
  values: readonly ProgressValue[];
  keyFactors: readonly KeyFactor[];
  programme: Programme;
  minimumCellSize: number;
}) {
  const t = useMessages(reportMessages);
  const name = useBilingual();
  const rows = keyFactorGrid(values, keyFactors);
  const administration = (id: string | null, fallback: string | null) => {
    if (id === null) return t.grid.wholeProgramme;
    const covered = programme.administrations.find((one) => one.id === id);
    return covered ? name(covered, 'nameEn', 'nameFr') : (fallback ?? '');
  };
  return (
    <section aria-labelledby="key-factor-grid">
      <h2 id="key-factor-grid">{t.grid.heading}</h2>
      {rows.length === 0 ? (
        <p>{t.grid.empty}</p>
      ) : (
        <>
          <table className="key-factor-grid">
            <caption>{t.grid.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.grid.administration}</th>
                {keyFactors.map((factor) => (
                  <th key={factor.code} scope="col" className="number">
                    <abbr title={name(factor, 'nameEn', 'nameFr')}>{factor.code}</abbr> <span className="key-factor-name">{name(factor, 'nameEn', 'nameFr')}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.administrationId ?? 'all'}>
                  <th scope="row">{administration(row.administrationId, row.administration)}</th>
                  {row.counts.map((count, column) => (
                    <td key={keyFactors[column]!.code} className={count !== 'suppressed' && count > 0 ? 'number covered' : 'number'}>
                      <ReportCell cell={count} minimumCellSize={minimumCellSize} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="field-hint">{t.grid.note}</p>
        </>
      )}
    </section>
  );
}
