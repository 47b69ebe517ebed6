import { defineMessages } from '@/i18n/catalog';

export const homeMessages = defineMessages(
  {
    title: 'Home',
    welcome: (name: string) => `Welcome, ${name}`,
    intro: {
      administrator: 'Accounts, donor tokens and reference data, and what the programmes are doing.',
      coordinator: "Your programmes' workshops, overdue actions and reporting periods.",
      trainer: 'The workshops you deliver.',
      donor: 'Progress of the programmes you fund, to read here or download.',
    },
  },
  {
    title: 'Accueil',
    welcome: (name: string) => `Bienvenue, ${name}`,
    intro: {
      administrator: 'Comptes, jetons des bailleurs et données de référence, et ce que font les programmes.',
      coordinator: "Les ateliers de vos programmes, les actions en retard et les périodes de rapport.",
      trainer: 'Les ateliers que vous animez.',
      donor: "L'avancement des programmes que vous financez, à lire ici ou à télécharger.",
    },
  },
);
