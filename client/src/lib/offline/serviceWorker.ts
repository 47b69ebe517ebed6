import { apiCacheName } from './apiCache';
import { forgetOutbox } from './outbox';

/**
 * Resolves once the service worker handles this page's requests, so what is fetched next lands in its
 * cache; at once where there is none (tests, a browser without service workers), or after 10 s.
 */
export function serviceWorkerInControl(): Promise<void> {
  const workers = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  if (!workers || workers.controller) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, 10_000);
    workers.addEventListener('controllerchange', () => {
      clearTimeout(timer);
      done();
    }, { once: true });
  });
}

/** At sign-out: the outbox, what was kept, and every API answer cached, as another person may use the device next. */
export async function forgetThisDevice() {
  await Promise.all([forgetOutbox(), typeof caches === 'undefined' ? undefined : caches.delete(apiCacheName)]);
}
