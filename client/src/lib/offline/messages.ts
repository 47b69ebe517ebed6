import { defineMessages } from '@/i18n/catalog';

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** The outbox, its status in the header, and keeping records for use without network. */
export const offlineMessages = defineMessages(
  {
    status: {
      waiting: (count: number) => plural(count, '1 change waiting to be sent', `${count} changes waiting to be sent`),
      attention: (count: number) => plural(count, '1 change needs your attention', `${count} changes need your attention`),
      offline: 'No network',
      allSent: 'All changes sent',
    },
    kept: {
      heading: 'Kept on this device',
      detail: 'There is no network: this change is kept on this device and sent as soon as the network returns.',
      open: 'See the outbox',
    },
    page: {
      title: 'Outbox',
      intro:
        'Changes made without network wait here, in the order you made them, and are sent when the network returns (every 30 seconds, or now). They stay on this device until then, even if the browser is closed.',
      sendNow: 'Send now',
      sending: 'Sending…',
      offline: 'There is no network at the moment.',
      waiting: 'Waiting to be sent',
      conflict: 'Conflicts',
      conflictDetail:
        'The record changed on the server since, or it exists already: this change is not sent again, so nothing is overwritten. Check the record, make the change again if it is still needed, then drop this one.',
      failed: 'Refused',
      failedDetail: 'The server refused these changes for the reason given. Drop them, or try again once the reason is gone.',
      sent: 'Sent',
      nothing: 'Nothing.',
      what: (kind: string, about: string) => `${kind}: ${about}`,
      madeAt: (when: string) => `made ${when}`,
      triedAt: (when: string) => `last tried ${when}`,
      retry: 'Try again',
      drop: 'Drop',
      dropLabel: (what: string) => `Drop: ${what}`,
      retryLabel: (what: string) => `Try again: ${what}`,
    },
    kinds: {
      attendance: 'Attendance',
      enrolment: 'Enrolment',
      registration: 'Registration',
      testScores: 'Test scores',
      progress: 'Action progress',
      other: 'Change',
    },
    keep: {
      action: 'Keep for offline use',
      again: 'Keep again',
      keeping: 'Keeping…',
      keptAt: (when: string) => `Kept for offline use (${when})`,
      failed: 'Could not keep it for offline use: check the network and try again.',
    },
  },
  {
    status: {
      waiting: (count: number) => plural(count, '1 modification en attente d’envoi', `${count} modifications en attente d’envoi`),
      attention: (count: number) => plural(count, '1 modification demande votre attention', `${count} modifications demandent votre attention`),
      offline: 'Pas de réseau',
      allSent: 'Toutes les modifications sont envoyées',
    },
    kept: {
      heading: 'Conservé sur cet appareil',
      detail: 'Il n’y a pas de réseau : cette modification est conservée sur cet appareil et envoyée dès le retour du réseau.',
      open: 'Voir la boîte d’envoi',
    },
    page: {
      title: 'Boîte d’envoi',
      intro:
        'Les modifications faites sans réseau attendent ici, dans l’ordre où vous les avez faites, et sont envoyées au retour du réseau (toutes les 30 secondes, ou maintenant). Elles restent sur cet appareil jusque-là, même si le navigateur est fermé.',
      sendNow: 'Envoyer maintenant',
      sending: 'Envoi…',
      offline: 'Il n’y a pas de réseau pour le moment.',
      waiting: 'En attente d’envoi',
      conflict: 'Conflits',
      conflictDetail:
        'L’enregistrement a changé sur le serveur entre-temps, ou il existe déjà : cette modification n’est pas renvoyée, pour ne rien écraser. Vérifiez l’enregistrement, refaites la modification si elle reste utile, puis supprimez celle-ci.',
      failed: 'Refusées',
      failedDetail: 'Le serveur a refusé ces modifications pour la raison indiquée. Supprimez-les, ou réessayez une fois la cause levée.',
      sent: 'Envoyées',
      nothing: 'Rien.',
      what: (kind: string, about: string) => `${kind} : ${about}`,
      madeAt: (when: string) => `faite le ${when}`,
      triedAt: (when: string) => `dernier essai le ${when}`,
      retry: 'Réessayer',
      drop: 'Supprimer',
      dropLabel: (what: string) => `Supprimer : ${what}`,
      retryLabel: (what: string) => `Réessayer : ${what}`,
    },
    kinds: {
      attendance: 'Présences',
      enrolment: 'Inscription à un atelier',
      registration: 'Enregistrement d’une personne',
      testScores: 'Notes des tests',
      progress: 'Avancement d’une action',
      other: 'Modification',
    },
    keep: {
      action: 'Garder hors ligne',
      again: 'Garder à nouveau',
      keeping: 'Téléchargement…',
      keptAt: (when: string) => `Gardé hors ligne (${when})`,
      failed: 'Impossible de le garder hors ligne : vérifiez le réseau et réessayez.',
    },
  },
);

/** The kind of change an entry is, from the operation it was made for. */
export function kindOf(method: string, operation: string): keyof (typeof offlineMessages)['en']['kinds'] {
  switch (`${method} ${operation}`) {
    case 'PUT /api/v1/workshops/{id}/sessions/{sessionId}/attendance':
      return 'attendance';
    case 'POST /api/v1/workshops/{id}/participants':
      return 'enrolment';
    case 'POST /api/v1/participants':
      return 'registration';
    case 'PUT /api/v1/workshops/{id}/participants/{participantId}':
      return 'testScores';
    case 'POST /api/v1/actions/{id}/updates':
      return 'progress';
    default:
      return 'other';
  }
}
