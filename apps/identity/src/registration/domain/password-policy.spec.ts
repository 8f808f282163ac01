import { PASSWORD_MAX_LENGTH, passwordIssues } from './password-policy';

describe('password policy', () => {
  const person = { email: 'camille.durand@alumni.example.org', displayName: 'Camille Durand' };

  it('accepts a long, unrelated passphrase', () => {
    expect(passwordIssues('violet tram under 7 bridges', person)).toEqual([]);
    expect(passwordIssues('Zq8!vR2#mL5p', person)).toEqual([]);
  });

  it('requires at least 12 characters, counted as a person counts them', () => {
    expect(passwordIssues('Zq8!vR2#mL5', person)).toEqual(['must be at least 12 characters long']);
    // 12 emoji are 24 UTF-16 code units but 12 characters.
    expect(passwordIssues('🐝🦊🐙🦉🐢🦋🐬🦄🐞🦀🐍🦜', person)).toEqual([]);
    expect(passwordIssues('🐝🦊🐙🦉🐢🦋🐬🦄🐞🦀🐍', person)).toEqual(['must be at least 12 characters long']);
  });

  it(`refuses more than ${PASSWORD_MAX_LENGTH} characters`, () => {
    expect(passwordIssues('ab1-'.repeat(33), person)).toEqual([`must be at most ${PASSWORD_MAX_LENGTH} characters long`]);
    expect(passwordIssues('ab1-cd2_ef3.'.repeat(10).slice(0, PASSWORD_MAX_LENGTH), person)).toEqual([]);
  });

  it('refuses the e-mail address or its local part, whatever the case and separators', () => {
    expect(passwordIssues('Camille.Durand@alumni.example.org', person)).toContain('must not contain your e-mail address');
    expect(passwordIssues('camilledurand2024!', person)).toContain('must not contain your e-mail address');
    expect(passwordIssues('my-camille_durand-pw', person)).toContain('must not contain your e-mail address');
  });

  it('refuses the display name', () => {
    expect(passwordIssues('xx CamilleDurand xx', { displayName: 'Camille Durand' })).toEqual(['must not contain your name']);
  });

  it('refuses common passwords, repeated characters and keyboard or alphabet runs', () => {
    expect(passwordIssues('Password1234', person)).toEqual(['is too common']);
    expect(passwordIssues('aaaaaaaaaaaaaaa', person)).toEqual(['is too easy to guess (repeated characters or a plain sequence)']);
    expect(passwordIssues('abababababab', person)).toEqual(['is too easy to guess (repeated characters or a plain sequence)']);
    expect(passwordIssues('qwertyuiopasd', person)).toEqual(['is too easy to guess (repeated characters or a plain sequence)']);
    expect(passwordIssues('abcdefghijklm', person)).toEqual(['is too easy to guess (repeated characters or a plain sequence)']);
    expect(passwordIssues('9876543210987', person)).toEqual(['is too easy to guess (repeated characters or a plain sequence)']);
  });

  it('reports every broken rule at once', () => {
    expect(passwordIssues('camille.durand', { email: 'camille.durand@x.org', displayName: 'Camille Durand' })).toEqual([
      'must not contain your e-mail address',
      'must not contain your name',
    ]);
  });
});
