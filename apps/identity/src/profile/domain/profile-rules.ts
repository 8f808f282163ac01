import { ISO_3166_1_ALPHA_2, ISO_639_1 } from './iso-codes';

export const PROFILE_LIMITS = {
  displayName: 120,
  text: 200,
  bio: 1000,
  languages: 10,
  firstGraduationYear: 1900,
  /** Students enrol years before they graduate, so a future year up to this far ahead is accepted. */
  graduationYearsAhead: 10,
} as const;

/** The languages the application and its mails are written in. */
export const PROFILE_LOCALES = ['fr', 'en'] as const;
export type ProfileLocale = (typeof PROFILE_LOCALES)[number];

export function latestGraduationYear(now: Date = new Date()): number {
  return now.getUTCFullYear() + PROFILE_LIMITS.graduationYearsAhead;
}

export function isIsoCountry(code: unknown): boolean {
  return typeof code === 'string' && ISO_3166_1_ALPHA_2.has(code);
}

export function isIsoLanguage(code: unknown): boolean {
  return typeof code === 'string' && ISO_639_1.has(code);
}

let knownTimeZones: ReadonlySet<string> | undefined;

/**
 * A zone the runtime's IANA database knows. `supportedValuesOf` lists only
 * canonical names, so aliases (`Europe/Kiev`, `UTC`) are also accepted when
 * `DateTimeFormat` resolves them; offsets like `+02:00` are not zones and
 * are refused (they ignore daylight saving).
 */
export function isIanaTimeZone(zone: unknown): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  knownTimeZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (knownTimeZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
