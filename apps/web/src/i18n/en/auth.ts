import type { auth as fr } from '../fr/auth';

export const auth: Record<keyof typeof fr, string> = {
  'login.title': 'Sign in',
  'login.network': 'Network',
  'login.networkHint': 'Your network’s identifier, for example',
  'login.networkExample': 'alumni-sorbonne',
  'login.email': 'E-mail address',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.error.invalidCredentials': 'Wrong network, address or password.',
};
