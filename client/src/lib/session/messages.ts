import { defineMessages } from '@/i18n/catalog';

export const sessionMessages = defineMessages(
  {
    pageTitle: 'Sign in',
    checking: 'Checking your session…',
    checkFailed: 'Could not check whether you are signed in.',
    heading: 'Sign in',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    ended: 'Your session has ended; sign in again.',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    signOutFailed: 'Could not sign out; you are still signed in.',
    waitingWarning: (count: number) =>
      `${count === 1 ? '1 change made without network has' : `${count} changes made without network have`} not been sent yet. Signing out deletes ${count === 1 ? 'it' : 'them'} from this device.`,
    signOutAnyway: (count: number) => (count === 1 ? 'Sign out and delete it' : 'Sign out and delete them'),
    stay: 'Stay signed in',
    roles: { administrator: 'Administrator', coordinator: 'Coordinator', trainer: 'Trainer', donor: 'Donor' },
  },
  {
    pageTitle: 'Connexion',
    checking: 'Vérification de votre session…',
    checkFailed: 'Impossible de vérifier si vous êtes connecté.',
    heading: 'Connexion',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    ended: 'Votre session a pris fin ; reconnectez-vous.',
    signedInAs: 'Connecté en tant que',
    signOut: 'Se déconnecter',
    signingOut: 'Déconnexion…',
    signOutFailed: 'Déconnexion impossible ; vous êtes toujours connecté.',
    waitingWarning: (count: number) =>
      `${count === 1 ? '1 modification faite sans réseau n’a' : `${count} modifications faites sans réseau n’ont`} pas encore été ${count === 1 ? 'envoyée' : 'envoyées'}. Se déconnecter ${count === 1 ? 'la' : 'les'} supprime de cet appareil.`,
    signOutAnyway: (count: number) => (count === 1 ? 'Se déconnecter et la supprimer' : 'Se déconnecter et les supprimer'),
    stay: 'Rester connecté',
    roles: { administrator: 'Administrateur', coordinator: 'Coordinateur', trainer: 'Formateur', donor: 'Bailleur' },
  },
);
