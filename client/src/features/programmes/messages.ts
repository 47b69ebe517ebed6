import { defineMessages } from '@/i18n/catalog';

export const programmeMessages = defineMessages(
  {
    heading: 'Programmes',
    caption: 'Anti-corruption programmes',
    columns: { code: 'Code', name: 'Name', period: 'Period', donors: 'Donors', administrations: 'Administrations' },
    loading: 'Loading programmes…',
    empty: 'No programmes yet.',
    register: 'Register a programme',
    edit: 'Edit a programme',
    fields: {
      code: 'Code',
      codeHint: 'Short and unique, for example A-CIP.',
      name: 'Name',
      startsOn: 'First day',
      endsOn: 'Last day',
      donors: 'Donors that fund it',
      administrations: 'Administrations it works with',
    },
  },
  {
    heading: 'Programmes',
    caption: 'Programmes de lutte contre la corruption',
    columns: { code: 'Code', name: 'Nom', period: 'Période', donors: 'Bailleurs', administrations: 'Administrations' },
    loading: 'Chargement des programmes…',
    empty: 'Aucun programme pour le moment.',
    register: 'Enregistrer un programme',
    edit: 'Modifier un programme',
    fields: {
      code: 'Code',
      codeHint: 'Court et unique, par exemple A-CIP.',
      name: 'Nom',
      startsOn: 'Premier jour',
      endsOn: 'Dernier jour',
      donors: 'Bailleurs qui le financent',
      administrations: 'Administrations concernées',
    },
  },
);
