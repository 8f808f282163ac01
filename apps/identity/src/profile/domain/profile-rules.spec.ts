import { isIanaTimeZone, isIsoCountry, isIsoLanguage, latestGraduationYear } from './profile-rules';

describe('profile rules', () => {
  it('accepts IANA time zones, canonical or alias, and refuses offsets and made-up names', () => {
    for (const zone of ['Europe/Paris', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'UTC', 'Europe/Kiev']) {
      expect(isIanaTimeZone(zone)).toBe(true);
    }
    for (const zone of ['Europe/Atlantis', '+02:00', 'GMT+2 ', '', 'Paris', '../etc/passwd', 42, null]) {
      expect(isIanaTimeZone(zone)).toBe(false);
    }
  });

  it('accepts ISO 3166-1 alpha-2 countries in upper case only', () => {
    for (const code of ['FR', 'DE', 'US', 'JP', 'BR', 'ZA']) expect(isIsoCountry(code)).toBe(true);
    for (const code of ['fr', 'FRA', 'EU', 'UK', 'ZZ', 'XK', '', 12]) expect(isIsoCountry(code)).toBe(false);
  });

  it('accepts ISO 639-1 language codes in lower case only', () => {
    for (const code of ['fr', 'en', 'de', 'zh', 'ar', 'pt']) expect(isIsoLanguage(code)).toBe(true);
    for (const code of ['FR', 'fra', 'fr-FR', 'xx', 'qq', '', undefined]) expect(isIsoLanguage(code)).toBe(false);
  });

  it('lets graduation years run ten years ahead of the current year', () => {
    expect(latestGraduationYear(new Date('2025-06-01T00:00:00Z'))).toBe(2035);
  });
});
