import { useEffect, useRef } from 'react';
import type { Middleware } from 'openapi-fetch';
import { useLocale } from '@/i18n/LocaleProvider';
import { useApiClient } from './ApiClientProvider';

/**
 * Every request asks the API to answer in the screen's language (Accept-Language), so its problems and field
 * errors read in French on a French screen. Rendered before the rest of the app: its middleware goes first,
 * so a command kept in the outbox keeps the language it was made in.
 */
export function RequestLanguage() {
  const client = useApiClient();
  const { locale } = useLocale();
  const current = useRef(locale);
  useEffect(() => {
    current.current = locale;
  }, [locale]);

  useEffect(() => {
    const middleware: Middleware = {
      onRequest({ request }) {
        if (!request.headers.has('Accept-Language')) request.headers.set('Accept-Language', current.current);
      },
    };
    client.use(middleware);
    return () => client.eject(middleware);
  }, [client]);
  return null;
}
