import { announceChange, database, type KeptRecord } from './store';

/** Notes that a record was fetched for use without network, for the account. */
export async function markKept(key: string, account: string) {
  await (await database()).put('kept', { key, account, keptAt: new Date().toISOString() });
  announceChange();
}

/** When each record the account kept was fetched, by key. */
export async function keptBy(account: string): Promise<Map<string, string>> {
  const records: KeptRecord[] = await (await database()).getAll('kept');
  return new Map(records.filter((record) => record.account === account).map((record) => [record.key, record.keptAt]));
}
