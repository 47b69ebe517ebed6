import { useState } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { SelectField } from '@/components/fields';
import { Page } from '@/components/Page';
import { useProgrammeOptions } from '@/lib/referenceData';
import { CursorTable } from '@/components/RecordTable';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { fetchCascadePage, trainerKeys } from './api';
import { trainerMessages } from './messages';

/** ListCascade: who was trained at a training of trainers, and what they delivered since. */
export function CascadePage() {
  const t = useMessages(trainerMessages);
  const client = useApiClient();
  const format = useFormat();
  const programmes = useProgrammeOptions().options;
  const [programmeId, setProgrammeId] = useState('');
  const list = useCursorList([...trainerKeys.all, 'cascade', programmeId], (cursor, signal) => fetchCascadePage(client, programmeId, cursor, signal));
  return (
    <Page title={t.cascade.heading}>
      <p>{t.cascade.intro}</p>
      <SelectField label={t.cascade.programme} value={programmeId} onValue={setProgrammeId} placeholder={t.cascade.anyProgramme} options={programmes} />
      <CursorTable
        list={list}
        loadingLabel={t.cascade.loading}
        emptyLabel={t.cascade.empty}
        caption={t.cascade.caption}
        rowKey={(entry) => entry.accreditationId}
        columns={[
          { header: t.cascade.columns.trainer, cell: (entry) => entry.fullName },
          { header: t.cascade.columns.module, cell: (entry) => entry.moduleCode },
          { header: t.cascade.columns.stage, cell: (entry) => t.stages[entry.stage] },
          { header: t.cascade.columns.trainedAt, cell: (entry) => entry.trainedAtWorkshopTitle },
          { header: t.cascade.columns.trainedOn, cell: (entry) => (entry.trainedOn ? format.date(entry.trainedOn) : ''), className: 'nowrap' },
          { header: t.cascade.columns.sessions, cell: (entry) => format.number(entry.sessionsDelivered), className: 'number' },
          { header: t.cascade.columns.workshops, cell: (entry) => format.number(entry.workshopsDelivered), className: 'number' },
          { header: t.cascade.columns.delivered, cell: (entry) => format.period(entry.firstDeliveredOn, entry.lastDeliveredOn), className: 'nowrap' },
        ]}
      />
    </Page>
  );
}
