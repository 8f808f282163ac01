/**
 * Languages are named by their ISO 639-1 code, so "a common language" (PRODUCT.md,
 * matching: hard constraints) compares the same code on both sides whatever the
 * label an organizer gave it. The runtime's CLDR data (Intl) says which codes
 * exist and what they are called in English. Pure: no I/O, no framework.
 */
const TWO_LETTERS = /^[a-z]{2}$/;
const englishNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A code that was withdrawn from ISO 639-1 in favour of another one (iw → he, in → id, ji → yi …). */
function replacementOf(code: string): string | undefined {
  const [canonical] = Intl.getCanonicalLocales(code);
  const language = canonical.split('-')[0];
  // tl canonicalises to the three-letter fil, but tl is still a valid ISO 639-1 code.
  return language !== code && TWO_LETTERS.test(language) ? language : undefined;
}

/** Why `code` is not an ISO 639-1 language code, or null when it is one. */
export function languageCodeIssue(code: string): string | null {
  if (!TWO_LETTERS.test(code)) return 'must be an ISO 639-1 language code: two lowercase letters, e.g. eu';
  const replacement = replacementOf(code);
  if (replacement) return `is a withdrawn ISO 639-1 code; use ${replacement}`;
  if (englishNames.of(code) === undefined) return 'is not an ISO 639-1 language code';
  return null;
}

/** The English name of an ISO 639-1 code (e.g. `eu` → `Basque`), or undefined for anything else. */
export function languageName(code: string): string | undefined {
  return languageCodeIssue(code) === null ? englishNames.of(code) : undefined;
}

let codesByName: ReadonlyMap<string, string> | undefined;

/** The ISO 639-1 code whose English name is `name` (case and accents ignored), if any. */
export function languageCodeNamed(name: string): string | undefined {
  if (!codesByName) {
    const map = new Map<string, string>();
    for (let first = 97; first <= 122; first++) {
      for (let second = 97; second <= 122; second++) {
        const code = String.fromCharCode(first, second);
        const english = languageName(code);
        if (english !== undefined && !map.has(nameKey(english))) map.set(nameKey(english), code);
      }
    }
    codesByName = map;
  }
  return codesByName.get(nameKey(name));
}

function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
