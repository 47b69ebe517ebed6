// The outbox keeps commands in IndexedDB, which jsdom has not: an in-memory one stands in.
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, vi } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

// A screen's first visit loads its route lazily; on a busy machine that alone can take over the default
// second, so a findBy waits longer before it calls a screen missing.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no canvas, so Chart.js cannot draw here and, when a regrouped screen replaces a chart, re-measures a canvas
// that has left the document and throws. A chart's figures are tested as the table beside it; here it only has to be
// there, named as the screen names it.
vi.mock('react-chartjs-2', () => ({
  Bar: ({ role, 'aria-label': label }: { role?: string; 'aria-label'?: string }) => createElement('canvas', { role, 'aria-label': label }),
}));
