/**
 * The service worker's cache of the API's GET answers (NetworkFirst, see vite.config.ts): what a screen
 * read last is shown again without network. It holds personal data, so signing out deletes it.
 */
export const apiCacheName = 'integrity-api';
