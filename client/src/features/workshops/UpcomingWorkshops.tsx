import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { KeepForOffline } from '@/lib/offline';
import { everyAdministration } from '@/lib/referenceData';
import { fetchEveryEnrolment, fetchWorkshop, fetchWorkshopPage, workshopKeys, type WorkshopSummary } from './api';
import { workshopMessages } from './messages';

const SHOWN = 3;

/** Today as the calendar date where the user is (the API's dates are calendar dates). */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * The caller's workshops coming up (soonest first) and those just held, a few of each: a home page
 * card for coordinators and trainers. The API lists most recent first, so upcoming ones are read from
 * one page of those ending from today on and the soonest taken.
 */
async function fetchHomeWorkshops(client: Parameters<typeof fetchWorkshopPage>[0], day: string, signal: AbortSignal) {
  const yesterday = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [coming, past] = await Promise.all([
    fetchWorkshopPage(client, { from: day }, undefined, signal, 50),
    fetchWorkshopPage(client, { to: yesterday }, undefined, signal, SHOWN * 2),
  ]);
  const upcoming = coming.items.filter((workshop) => workshop.status !== 'cancelled').sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  // A workshop running today is "coming up", not "recent".
  const recent = past.items.filter((workshop) => workshop.endsOn < day && workshop.status !== 'cancelled');
  return { upcoming: upcoming.slice(0, SHOWN), recent: recent.slice(0, SHOWN) };
}

export function UpcomingWorkshops() {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  const day = today();
  const query = useQuery({ queryKey: workshopKeys.home(day), queryFn: ({ signal }) => fetchHomeWorkshops(client, day, signal) });
  return (
    <section className="card" aria-labelledby="upcoming-workshops">
      <h2 id="upcoming-workshops">{t.upcoming.heading}</h2>
      {query.isPending ? (
        <Loading label={t.loading} />
      ) : query.error ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <h3>{t.upcoming.upcoming}</h3>
          <WorkshopLinks workshops={query.data.upcoming} empty={t.upcoming.noUpcoming} keep />
          <h3>{t.upcoming.recent}</h3>
          <WorkshopLinks workshops={query.data.recent} empty={t.upcoming.noRecent} />
        </>
      )}
      <p>
        <Link to="/workshops">{t.upcoming.all}</Link>
      </p>
    </section>
  );
}

/**
 * Reads, through the service worker that keeps the answers, what taking attendance and registering people
 * in a workshop need without network: the workshop with its sessions, everyone enrolled, the administrations.
 */
function useKeepForOffline() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return (workshopId: string) =>
    Promise.all([
      queryClient.fetchQuery({ queryKey: workshopKeys.one(workshopId), queryFn: ({ signal }) => fetchWorkshop(client, workshopId, signal), staleTime: 0 }),
      queryClient.fetchQuery({ queryKey: workshopKeys.everyEnrolment(workshopId), queryFn: ({ signal }) => fetchEveryEnrolment(client, workshopId, signal), staleTime: 0 }),
      queryClient.fetchQuery({ ...everyAdministration(client), staleTime: 0 }),
      // This card itself, so the home page opens offline too.
      queryClient.refetchQueries({ queryKey: [...workshopKeys.all, 'home'] }),
    ]);
}

function WorkshopLinks({ workshops, empty, keep = false }: { workshops: WorkshopSummary[]; empty: string; keep?: boolean }) {
  const format = useFormat();
  const name = useBilingual();
  const fetchForOffline = useKeepForOffline();
  if (workshops.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {workshops.map((workshop) => (
        <li key={workshop.id}>
          <Link to={`/workshops/${workshop.id}`}>{workshop.title}</Link>
          <br />
          <span className="nowrap">{format.period(workshop.startsOn, workshop.endsOn)}</span> · {workshop.city},{' '}
          {name(workshop, 'hostAdministrationNameEn', 'hostAdministrationNameFr')}
          {keep && (
            <>
              <br />
              <KeepForOffline keptKey={`workshop:${workshop.id}`} label={workshop.title} fetchEverything={() => fetchForOffline(workshop.id)} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
