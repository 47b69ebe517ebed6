import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';

export function NotFound() {
  const t = useMessages(common);
  return (
    <Page title={t.notFound.heading}>
      <p>{t.notFound.detail}</p>
      <Link to="/">{t.notFound.home}</Link>
    </Page>
  );
}
