/**
 * What a new password must satisfy (PRODUCT.md, Security and data protection).
 * Length over composition rules, as NIST SP 800-63B recommends: at least 12
 * characters, at most 128 (Argon2 cost stays bounded), not built from the
 * person's own e-mail address or name, not a notoriously common password,
 * not one character repeated or a plain run of the keyboard.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Passwords of 12+ characters that top the breached-password lists. */
const COMMON_PASSWORDS = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123123123123',
  'qwertyuiopasdf',
  'qwertyuiop123',
  'qwerty123456',
  'iloveyou1234',
  'azertyuiop123',
  'motdepasse123',
  'letmein12345',
  'welcome12345',
  'administrator',
  'changeme1234',
]);

const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiopasdfghjklzxcvbnm', 'azertyuiopqsdfghjklmwxcvbn'];

export interface PasswordContext {
  readonly email?: string;
  readonly displayName?: string;
}

/** Every rule the password breaks, as issues for the shared error shape; empty when it is acceptable. */
export function passwordIssues(password: string, context: PasswordContext = {}): string[] {
  // Code points, so a password of emoji is counted as a person would count it.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [`must be at least ${PASSWORD_MIN_LENGTH} characters long`];
  if (length > PASSWORD_MAX_LENGTH) return [`must be at most ${PASSWORD_MAX_LENGTH} characters long`];

  const issues: string[] = [];
  const lower = password.toLowerCase();
  const squashed = lower.replace(/[\s._-]+/g, '');
  const email = context.email?.trim().toLowerCase();
  if (email) {
    const localPart = email.split('@')[0] ?? '';
    if (lower.includes(email) || (localPart.length >= 4 && squashed.includes(localPart.replace(/[._-]+/g, '')))) {
      issues.push('must not contain your e-mail address');
    }
  }
  const name = context.displayName?.trim().toLowerCase().replace(/[\s._-]+/g, '');
  if (name && name.length >= 4 && squashed.includes(name)) issues.push('must not contain your name');
  if (COMMON_PASSWORDS.has(lower)) issues.push('is too common');
  if (new Set(lower).size < 4 || SEQUENCES.some((sequence) => isRunOf(squashed, sequence))) {
    issues.push('is too easy to guess (repeated characters or a plain sequence)');
  }
  return issues;
}

/** The whole password is a run of the sequence (forwards or backwards), possibly wrapping around. */
function isRunOf(password: string, sequence: string): boolean {
  const cyclic = sequence + sequence;
  const reversed = [...cyclic].reverse().join('');
  const cycles = Math.ceil(password.length / sequence.length) + 1;
  return cyclic.repeat(cycles).includes(password) || reversed.repeat(cycles).includes(password);
}
