import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useMe } from '@/lib/session';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { adminKeys, fetchTokenPage, fetchUserPage, isActive } from './api';
import { adminMessages } from './messages';
import { SectionLinks, referenceSections } from './sections';

/** How many active tokens the home page lists before pointing to the tokens screen. */
const SHOWN_TOKENS = 5;

/**
 * The home page's administration card: how many accounts there are, the active donor tokens, and
 * the way to the reference data. One page of each list is enough for a glance ("50+").
 */
export function AdminOverview() {
  const me = useMe();
  if (me.role !== 'administrator') return null;
  return <AdministratorsCard />;
}

function AdministratorsCard() {
  const t = useMessages(adminMessages);
  const client = useApiClient();
  const format = useFormat();
  const users = useQuery({
    queryKey: [...adminKeys.users, 'page', { q: '', role: '' }, 'first'],
    queryFn: ({ signal }) => fetchUserPage(client, { q: '', role: '' }, undefined, signal),
  });
  const tokens = useQuery({
    queryKey: [...adminKeys.tokens, 'first'],
    queryFn: ({ signal }) => fetchTokenPage(client, undefined, signal),
  });
  const active = tokens.data?.items.filter((token) => isActive(token)) ?? [];
  const count = (page: { items: unknown[]; nextCursor?: string | null }) =>
    `${format.number(page.items.length)}${page.nextCursor ? '+' : ''}`;

  return (
    <section aria-labelledby="admin-overview" className="card">
      <h2 id="admin-overview">{t.widget.heading}</h2>
      <h3>{t.widget.users}</h3>
      {users.data ? <p>{t.widget.usersCount(count(users.data))}</p> : users.isPending ? <Loading /> : <ProblemAlert error={users.error} />}
      <h3>{t.widget.activeTokens}</h3>
      {tokens.isPending ? (
        <Loading />
      ) : tokens.error ? (
        <ProblemAlert error={tokens.error} />
      ) : active.length === 0 ? (
        <p>{t.widget.noActiveTokens}</p>
      ) : (
        <ul>
          {active.slice(0, SHOWN_TOKENS).map((token) => (
            <li key={token.id}>{t.widget.tokenLine(token.name, token.donorCode, format.dateTime(token.expiresAt))}</li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/admin/users">{t.widget.manage}</Link>
      </p>
      <h3>{t.widget.referenceData}</h3>
      <SectionLinks sections={referenceSections} />
    </section>
  );
}
