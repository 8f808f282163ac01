/** The French messages, the default language: every string a person reads is here and in en.ts, under the same keys. */
export const fr = {
  'app.name': 'Passerelle',
  'app.tagline': 'Le mentorat de votre réseau d’anciens',
  'language.label': 'Langue',
  'language.fr': 'Français',
  'language.en': 'English',
  'login.title': 'Connexion',
  'login.network': 'Réseau',
  'login.networkHint': 'L’identifiant de votre réseau, par exemple',
  // An identifier, kept on one line (its hyphen is no place to break it).
  'login.networkExample': 'alumni-sorbonne',
  'login.email': 'Adresse e-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.submitting': 'Connexion…',
  'login.error.invalidCredentials': 'Réseau, adresse ou mot de passe incorrect.',
  'login.error.throttled': 'Trop de tentatives. Réessayez dans quelques minutes.',
  'login.error.fields': 'Certains champs sont à corriger.',
  'login.error.unreachable': 'Le service est injoignable. Vérifiez votre connexion puis réessayez.',
  'login.error.unexpected': 'Une erreur est survenue. Réessayez.',
  'home.title': 'Accueil',
  'home.signedInAs': 'Connecté·e en tant que {{name}} ({{email}})',
  'home.loading': 'Chargement de votre profil…',
  'home.error': 'Votre profil n’a pas pu être chargé.',
  'home.signOut': 'Se déconnecter',
} as const;

export type MessageKey = keyof typeof fr;
