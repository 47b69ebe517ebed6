import { useState } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { verifyAuditTrail, type AuditVerification } from './api';
import { adminMessages } from './messages';

/** VerifyAuditTrail on request (it reads the whole trail), with its answer in words. */
export function AuditCheck() {
  const t = useMessages(adminMessages);
  const client = useApiClient();
  const format = useFormat();
  const [answer, setAnswer] = useState<AuditVerification | null>(null);
  const command = useCommand(() => verifyAuditTrail(client), { onDone: setAnswer });

  return (
    <section aria-labelledby="audit-heading" className="card">
      <h2 id="audit-heading">{t.audit.heading}</h2>
      <p>{t.audit.intro}</p>
      <button type="button" disabled={command.pending} onClick={() => void command.run(undefined)}>
        {command.pending ? t.audit.verifying : t.audit.verify}
      </button>
      <div role="status">
        {answer &&
          !command.pending &&
          (answer.valid ? (
            <p>{t.audit.valid(format.number(answer.entries))}</p>
          ) : (
            <p className="problem">
              {t.audit.broken(format.number(answer.firstBrokenPosition ?? 0))} {answer.problem}
            </p>
          ))}
      </div>
      <ProblemAlert error={command.error} />
    </section>
  );
}
