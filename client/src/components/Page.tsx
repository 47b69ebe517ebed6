import { useEffect, type ReactNode } from 'react';
import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';

/** A screen: its heading, the browser tab's title, and what it shows. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const t = useMessages(common);
  useEffect(() => {
    document.title = t.pageTitle(title);
  }, [t, title]);
  return (
    <section className="page" aria-labelledby="page-heading">
      <div className="page-heading">
        <h1 id="page-heading">{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** "Loading…", announced politely. */
export function Loading({ label }: { label?: string }) {
  const t = useMessages(common);
  return (
    <p role="status" className="status">
      {label ?? t.loading}
    </p>
  );
}
