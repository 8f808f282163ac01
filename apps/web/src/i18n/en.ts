import type { MessageKey } from './fr';

/** The English messages, under the keys of fr.ts. */
export const en: Record<MessageKey, string> = {
  'app.name': 'Passerelle',
  'app.tagline': 'Mentoring for your alumni network',
  'language.label': 'Language',
  'language.fr': 'Français',
  'language.en': 'English',
  'login.title': 'Sign in',
  'login.network': 'Network',
  'login.networkHint': 'Your network’s identifier, for example',
  'login.networkExample': 'alumni-sorbonne',
  'login.email': 'E-mail address',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.error.invalidCredentials': 'Wrong network, address or password.',
  'login.error.throttled': 'Too many attempts. Try again in a few minutes.',
  'login.error.fields': 'Some fields need correcting.',
  'login.error.unreachable': 'The service cannot be reached. Check your connection and try again.',
  'login.error.unexpected': 'Something went wrong. Try again.',
  'home.title': 'Home',
  'home.signedInAs': 'Signed in as {{name}} ({{email}})',
  'home.loading': 'Loading your profile…',
  'home.error': 'Your profile could not be loaded.',
  'home.signOut': 'Sign out',
};
