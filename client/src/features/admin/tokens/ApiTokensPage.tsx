import { useState } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { useCursorList } from '@/api/useCursorList';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { adminKeys, fetchTokenPage, isActive, revokeApiToken, type ApiTokenSummary } from '../api';
import { adminMessages } from '../messages';
import { CursorTable } from '@/components/RecordTable';
import { IssueApiToken } from './IssueApiToken';

/** The donors' API tokens: issue one (its secret shown once), see them all, revoke one. */
export function ApiTokensPage() {
  const t = useMessages(adminMessages);
  const client = useApiClient();
  const format = useFormat();
  const list = useCursorList([...adminKeys.tokens, 'page'], (cursor, signal) => fetchTokenPage(client, cursor, signal));

  const status = (token: ApiTokenSummary) => {
    if (token.revokedAt) return t.tokens.revokedOn(format.dateTime(token.revokedAt));
    return isActive(token) ? t.tokens.active : t.tokens.expired;
  };

  return (
    <Page title={t.tokens.heading}>
      <IssueApiToken />
      <CursorTable
        list={list}
        loadingLabel={t.tokens.loading}
        emptyLabel={t.tokens.empty}
        caption={t.tokens.caption}
        rowKey={(token) => token.id}
        columns={[
          { header: t.tokens.columns.name, cell: (token) => token.name },
          { header: t.tokens.columns.donor, cell: (token) => token.donorCode },
          { header: t.tokens.columns.created, cell: (token) => format.dateTime(token.createdAt), className: 'nowrap' },
          { header: t.tokens.columns.expires, cell: (token) => format.dateTime(token.expiresAt), className: 'nowrap' },
          { header: t.tokens.columns.status, cell: status },
          { header: t.tokens.columns.actions, cell: (token) => (isActive(token) ? <RevokeApiToken token={token} /> : null) },
        ]}
      />
    </Page>
  );
}

/** RevokeApiToken, asked twice: a revoked token cannot be brought back. */
function RevokeApiToken({ token }: { token: ApiTokenSummary }) {
  const t = useMessages(adminMessages);
  const client = useApiClient();
  const [confirming, setConfirming] = useState(false);
  const command = useCommand((id: string) => revokeApiToken(client, id), { invalidates: [adminKeys.tokens] });

  if (!confirming) {
    return (
      <button type="button" className="secondary" aria-label={t.tokens.revoke(token.name)} onClick={() => setConfirming(true)}>
        {t.tokens.revokeButton}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t.tokens.revoke(token.name)}>
      <p>{t.tokens.confirmRevoke(token.name)}</p>
      <button type="button" disabled={command.pending} onClick={() => void command.run(token.id)}>
        {t.tokens.confirm}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setConfirming(false)}>
        {t.tokens.keep}
      </button>
      <ProblemAlert error={command.error} lead={t.tokens.revokeFailed} />
    </div>
  );
}
