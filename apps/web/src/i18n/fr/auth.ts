/** Signing in. */
export const auth = {
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
} as const;
