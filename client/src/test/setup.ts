// The outbox keeps commands in IndexedDB, which jsdom has not: an in-memory one stands in.
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

// A screen's first visit loads its route lazily; on a busy machine that alone can take over the default
// second, so a findBy waits longer before it calls a screen missing.
configure({ asyncUtilTimeout: 5000 });
