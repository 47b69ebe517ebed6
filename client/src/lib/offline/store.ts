import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export type OutboxState = 'waiting' | 'sent' | 'conflict' | 'failed';

/** A command made on this device, kept until the API has answered it. */
export interface OutboxEntry {
  /** Increasing in the order the commands were made: the order they are sent in. */
  id: number;
  /** The account that made it (its e-mail): only that account sends or sees it. */
  account: string;
  /** What it is about, as the form described it ("Adama Zongo"). */
  about: string;
  method: string;
  /** Path and query, as the API client sends them. */
  path: string;
  /** The OpenAPI path it was made for (`/api/v1/participants`): the kind of change. */
  operation: string;
  headers: [string, string][];
  body: string;
  idempotencyKey: string;
  state: OutboxState;
  madeAt: string;
  /** When the API last answered it, or last could not be reached. */
  triedAt?: string;
  /** The API's last answer: its status and what its problem said. */
  status?: number;
  problem?: { title?: string; detail?: string; messages: string[] };
}

export type NewEntry = Omit<OutboxEntry, 'id' | 'state' | 'madeAt'>;

/** A record kept for use without network (a workshop and what its attendance screen reads), and since when. */
export interface KeptRecord {
  key: string;
  account: string;
  keptAt: string;
}

interface OfflineSchema extends DBSchema {
  outbox: { key: number; value: OutboxEntry };
  kept: { key: string; value: KeptRecord };
}

let opened: Promise<IDBPDatabase<OfflineSchema>> | undefined;

export function database(): Promise<IDBPDatabase<OfflineSchema>> {
  opened ??= openDB<OfflineSchema>('integrity-offline', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
      db.createObjectStore('kept', { keyPath: 'key' });
    },
  });
  return opened;
}

/**
 * Tells this tab's screens, and the device's other tabs, that what is stored changed. A tab does not hear
 * its own BroadcastChannel messages, so both are needed.
 */
const here = new EventTarget();
const tabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('integrity-offline');
tabs?.addEventListener('message', () => here.dispatchEvent(new Event('change')));

export function announceChange() {
  here.dispatchEvent(new Event('change'));
  tabs?.postMessage('change');
}

/** Calls `listener` after every change; returns the way to stop. */
export function onChange(listener: () => void): () => void {
  here.addEventListener('change', listener);
  return () => here.removeEventListener('change', listener);
}
