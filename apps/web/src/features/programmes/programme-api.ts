import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../app/session';
import type { ApiError } from '../../api/client';
import type { components } from '../../api/types/intake';

export type Programme = components['schemas']['ProgramResponse'];
export type Enrolment = components['schemas']['EnrollmentResponse'];
export type ProgrammeRole = Enrolment['role'];
export type Objective = Programme['objectives'][number];

/** A refusal kept whole, so that a form can place its `details` beside the fields they name. */
export class ApiRefusal extends Error {
  constructor(readonly problem: ApiError | undefined) {
    super(problem?.message ?? 'unreachable');
  }
}

/** The answer's data, or the refusal as an error TanStack Query keeps and a page shows. */
export function dataOf<T>(answer: { data?: T; error?: unknown }): T {
  if (answer.data === undefined) throw new ApiRefusal(answer.error as ApiError | undefined);
  return answer.data;
}

export const programmeKeys = {
  published: ['programmes', 'published'] as const,
  one: (id: string) => ['programmes', id] as const,
  myEnrolments: ['enrolments', 'mine'] as const,
};

/** The network's published programmes: those a member can enrol in or takes part in. */
export function usePublishedProgrammes() {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.published,
    queryFn: async () => dataOf(await api.GET('/v1/programs', { params: { query: { status: 'published', limit: 100 } } })).items,
  });
}

export function useProgramme(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.one(id),
    queryFn: async () => dataOf(await api.GET('/v1/programs/{id}', { params: { path: { id } } })),
  });
}

/** The signed-in person's own enrolments, withdrawn ones included (the service answers only theirs). */
export function useMyEnrolments() {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.myEnrolments,
    queryFn: async () => dataOf(await api.GET('/v1/enrollments', { params: { query: { limit: 100 } } })).items,
  });
}

/** The person's active enrolment in a programme and role, if any. */
export function activeEnrolment(enrolments: readonly Enrolment[] | undefined, programId: string, role?: ProgrammeRole): Enrolment | undefined {
  return enrolments?.find((enrolment) => enrolment.programId === programId && enrolment.status === 'active' && (!role || enrolment.role === role));
}

/** Today as the services count days (UTC), to say whether intake is open. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function intakeIsOpen(programme: Programme, day = today()): boolean {
  return programme.status === 'published' && day >= programme.intakeOpensOn && day <= programme.intakeClosesOn;
}

/** A calendar day (YYYY-MM-DD) in the reader's language, e.g. « 3 février 2026 ». */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A moment in the reader's language and time zone. */
export function formatMoment(at: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(at));
}
