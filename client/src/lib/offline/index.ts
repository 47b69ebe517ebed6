export { OutboxProvider, useOutbox, type Outbox } from './OutboxProvider';
export { OutboxStatus } from './OutboxStatus';
export { KeepForOffline } from './KeepForOffline';
export { forgetThisDevice } from './serviceWorker';
export { useOnline } from './online';
export { offlineMessages, kindOf } from './messages';
export type { OutboxEntry, OutboxState } from './store';
