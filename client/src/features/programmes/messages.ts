import { defineMessages } from '@/i18n/catalog';

export const programmeMessages = defineMessages(
  {
    heading: 'Programmes',
    caption: 'Anti-corruption programmes',
    columns: { code: 'Code', name: 'Name', period: 'Period', donors: 'Donors', administrations: 'Administrations' },
    loading: 'Loading programmes…',
    empty: 'No programmes yet.',
  },
  {
    heading: 'Programmes',
    caption: 'Programmes de lutte contre la corruption',
    columns: { code: 'Code', name: 'Nom', period: 'Période', donors: 'Bailleurs', administrations: 'Administrations' },
    loading: 'Chargement des programmes…',
    empty: 'Aucun programme pour le moment.',
  },
);
