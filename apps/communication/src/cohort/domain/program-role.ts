/** Mentor and mentee are roles within a programme (PRODUCT.md, Roles); intake owns them, communication copies them. */
export const PROGRAM_ROLES = ['mentor', 'mentee'] as const;
export type ProgramRole = (typeof PROGRAM_ROLES)[number];

/**
 * Where the caller stands in a programme's cohort. A "cohort member" holds an
 * active enrolment (its roles); the network's organizers (an account role)
 * run the programme's shared spaces, and take part as well if they are also
 * enrolled (roles not empty); integrators only read what a context lets them.
 */
export type CohortStanding =
  | { readonly kind: 'organizer'; readonly roles: readonly ProgramRole[] }
  | { readonly kind: 'member'; readonly roles: readonly ProgramRole[] }
  | { readonly kind: 'integrator' };
