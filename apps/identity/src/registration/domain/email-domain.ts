/** Addresses are stored and compared trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The domain part of an address, lower-cased (after the last `@`). */
export function emailDomainOf(email: string): string {
  const normalized = normalizeEmail(email);
  return normalized.slice(normalized.lastIndexOf('@') + 1);
}

/**
 * A network open to self-registration accepts addresses of its own domains
 * only (issue 3: "open for allowed domains"). The match is exact: listing
 * `univ.example` does not admit `mail.univ.example`, which the university may
 * not control; a network lists each domain it vouches for.
 */
export function isEmailDomainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  const domain = emailDomainOf(email);
  return domain.length > 0 && allowedDomains.some((allowed) => allowed.trim().toLowerCase().replace(/^@/, '') === domain);
}
