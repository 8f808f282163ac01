import { languageCodeIssue, languageCodeNamed, languageName } from './languages';

describe('ISO 639-1 language codes', () => {
  it('knows a code and its English name', () => {
    expect(languageCodeIssue('eu')).toBeNull();
    expect(languageName('eu')).toBe('Basque');
    expect(languageName('fr')).toBe('French');
    expect(languageName('zh')).toBe('Chinese');
  });

  it('refuses what is not a two-letter lowercase code, or a code no language has', () => {
    expect(languageCodeIssue('xx')).toBe('is not an ISO 639-1 language code');
    expect(languageCodeIssue('qa')).toBe('is not an ISO 639-1 language code');
    for (const code of ['EU', 'eus', 'e', '', 'fr-CA', 'e1']) {
      expect(languageCodeIssue(code)).toBe('must be an ISO 639-1 language code: two lowercase letters, e.g. eu');
    }
    expect(languageName('xx')).toBeUndefined();
    expect(languageName('eus')).toBeUndefined();
  });

  it('points withdrawn codes to their replacement, so one language has one id', () => {
    expect(languageCodeIssue('iw')).toBe('is a withdrawn ISO 639-1 code; use he');
    expect(languageCodeIssue('in')).toBe('is a withdrawn ISO 639-1 code; use id');
    expect(languageCodeIssue('ji')).toBe('is a withdrawn ISO 639-1 code; use yi');
    expect(languageName('iw')).toBeUndefined();
    // Tagalog's tl is current, even though CLDR prefers the three-letter fil.
    expect(languageCodeIssue('tl')).toBeNull();
  });

  it('finds a code from its English name, case and accents aside', () => {
    expect(languageCodeNamed('Basque')).toBe('eu');
    expect(languageCodeNamed('  hebrew ')).toBe('he');
    expect(languageCodeNamed('ROMANIAN')).toBe('ro');
    expect(languageCodeNamed('Norwegian Bokmal')).toBe('nb');
    expect(languageCodeNamed('Klingon')).toBeUndefined();
  });
});
