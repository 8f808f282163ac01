/** The signed-in home. */
export const home = {
  'home.title': 'Accueil',
  'home.greeting': 'Bonjour {{name}}',
} as const;
