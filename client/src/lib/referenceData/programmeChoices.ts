import { useBilingual } from '@/i18n/LocaleProvider';
import { useProgrammes } from './index';

/**
 * Programmes in scope and the administrations they cover, as select options. With a programme
 * chosen, only its administrations; otherwise every administration of any of them, once.
 */
export function useProgrammeChoices(programmeId: string | undefined) {
  const programmes = useProgrammes();
  const name = useBilingual();
  const list = programmes.data ?? [];
  const covered = list.filter((programme) => !programmeId || programme.id === programmeId).flatMap((programme) => programme.administrations);
  const administrations = [...new Map(covered.map((administration) => [administration.id, administration])).values()]
    .map((administration) => ({ value: administration.id, label: name(administration, 'nameEn', 'nameFr') }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return {
    programmes: list.map((programme) => ({ value: programme.id, label: `${programme.code} — ${programme.name}` })),
    administrations,
    error: programmes.error,
    retry: () => void programmes.refetch(),
  };
}
