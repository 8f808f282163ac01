import { en } from './en';
import { fr, frByFeature } from './fr';
import { preferredLanguage } from './i18n';

describe('the message catalogues', () => {
  it('have the same keys in French and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const empty = [...Object.entries(fr), ...Object.entries(en)].filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('give each key to one feature only', () => {
    const keys = Object.values(frByFeature).flatMap((messages) => Object.keys(messages));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    expect(keys.length).toBe(Object.keys(fr).length);
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/{{\w+}}/g) ?? []).sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) expect([key, placeholders(en[key])]).toEqual([key, placeholders(fr[key])]);
  });
});

describe('the preferred language', () => {
  it('is the first of the browser’s languages that we have, French otherwise', () => {
    expect(preferredLanguage(['en-GB', 'fr'])).toBe('en');
    expect(preferredLanguage(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(preferredLanguage(['de', 'es'])).toBe('fr');
    expect(preferredLanguage([])).toBe('fr');
  });
});
