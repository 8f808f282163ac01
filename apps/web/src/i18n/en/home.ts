import type { home as fr } from '../fr/home';

export const home: Record<keyof typeof fr, string> = {
  'home.title': 'Home',
  'home.greeting': 'Hello {{name}}',
};
