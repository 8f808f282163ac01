/** What a person may consent to (PRODUCT.md, Security and data protection). */
export const CONSENT_PURPOSES = ['terms', 'matching_data_processing', 'emails'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export function isConsentPurpose(value: string): value is ConsentPurpose {
  return (CONSENT_PURPOSES as readonly string[]).includes(value);
}
