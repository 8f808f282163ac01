import { emailDomainOf, isEmailDomainAllowed, normalizeEmail } from './email-domain';

describe('e-mail domains', () => {
  it('normalises addresses to trimmed lower case', () => {
    expect(normalizeEmail('  Camille.Durand@Alumni.Example.ORG ')).toBe('camille.durand@alumni.example.org');
  });

  it('takes the domain after the last @', () => {
    expect(emailDomainOf('"odd@local"@Univ.Example')).toBe('univ.example');
  });

  it('admits exactly the listed domains, case-insensitively', () => {
    const allowed = ['univ.example', 'Alumni.Univ.Example'];
    expect(isEmailDomainAllowed('camille@univ.example', allowed)).toBe(true);
    expect(isEmailDomainAllowed('camille@UNIV.example', allowed)).toBe(true);
    expect(isEmailDomainAllowed('camille@alumni.univ.example', allowed)).toBe(true);
  });

  it('refuses subdomains, look-alikes and everything when nothing is listed', () => {
    const allowed = ['univ.example'];
    expect(isEmailDomainAllowed('camille@mail.univ.example', allowed)).toBe(false);
    expect(isEmailDomainAllowed('camille@evil-univ.example', allowed)).toBe(false);
    expect(isEmailDomainAllowed('camille@univ.example.evil.org', allowed)).toBe(false);
    expect(isEmailDomainAllowed('camille@univ.example', [])).toBe(false);
  });
});
