import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { components as Communication } from '../../api/types/communication';
import { useApi } from '../../app/session';
import { bodyOf } from '../../components/api-calls';

export type Thread = Communication['schemas']['ThreadResponse'];
export type Post = Communication['schemas']['PostResponse'];
export type Gathering = Communication['schemas']['GatheringResponse'];
export type Resource = Communication['schemas']['ResourceResponse'];

export const cohortKeys = {
  programmes: ['cohort', 'programmes'] as const,
  programme: (programId: string) => ['cohort', 'programme', programId] as const,
  threads: (programId: string) => ['cohort', 'threads', programId] as const,
  thread: (threadId: string) => ['cohort', 'thread', threadId] as const,
  posts: (threadId: string) => ['cohort', 'posts', threadId] as const,
  gatherings: (programId: string) => ['cohort', 'gatherings', programId] as const,
  gathering: (gatheringId: string) => ['cohort', 'gathering', gatheringId] as const,
  resources: (programId: string) => ['cohort', 'resources', programId] as const,
  resource: (resourceId: string) => ['cohort', 'resource', resourceId] as const,
};

const PAGE = 20;
/** The most a list endpoint gives at once: a programme's gatherings and material fit in one page. */
const WHOLE_LIST = 100;

export interface MyProgramme {
  readonly id: string;
  readonly name: string;
  readonly closed: boolean;
}

/**
 * The programmes whose cohort the person belongs to (an active enrolment), or
 * for an organizer every published programme of the network: the services
 * decide access again on every call, this only chooses what to offer.
 */
export function useMyProgrammes() {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.programmes,
    queryFn: async (): Promise<MyProgramme[]> => {
      const [person, programmes, enrolments] = await Promise.all([
        bodyOf(api.GET('/v1/users/me')),
        bodyOf(api.GET('/v1/programs', { params: { query: { limit: WHOLE_LIST } } })),
        bodyOf(api.GET('/v1/enrollments', { params: { query: { limit: WHOLE_LIST, status: 'active' } } })),
      ]);
      const mine = new Set(enrolments.items.filter((enrolment) => enrolment.userId === person.id).map((enrolment) => enrolment.programId));
      const organizer = person.roles.includes('organizer');
      return programmes.items
        .filter((programme) => programme.status !== 'draft' && (organizer || mine.has(programme.id)))
        .map((programme) => ({ id: programme.id, name: programme.name, closed: programme.status === 'closed' }));
    },
  });
}

export function useProgramme(programId: string) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.programme(programId),
    queryFn: () => bodyOf(api.GET('/v1/programs/{id}', { params: { path: { id: programId } } })),
  });
}

/** The programme's name for a page's title (empty while it loads), and whether it ended (its spaces are then read only). */
export function useProgrammeHeading(programId: string): { name: string; closed: boolean } {
  const programme = useProgramme(programId).data;
  return { name: programme?.name ?? '', closed: programme?.status === 'closed' };
}

export function useThreads(programId: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: cohortKeys.threads(programId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      bodyOf(api.GET('/v1/forums/programs/{programId}/threads', { params: { path: { programId }, query: { limit: PAGE, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useThread(threadId: string) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.thread(threadId),
    queryFn: () => bodyOf(api.GET('/v1/forums/threads/{threadId}', { params: { path: { threadId } } })),
  });
}

export function usePosts(threadId: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: cohortKeys.posts(threadId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => bodyOf(api.GET('/v1/forums/threads/{threadId}/posts', { params: { path: { threadId }, query: { limit: PAGE, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useGatherings(programId: string) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.gatherings(programId),
    queryFn: () => bodyOf(api.GET('/v1/gatherings', { params: { query: { programId, limit: WHOLE_LIST } } })),
  });
}

export function useGathering(gatheringId: string) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.gathering(gatheringId),
    queryFn: () => bodyOf(api.GET('/v1/gatherings/{id}', { params: { path: { id: gatheringId } } })),
  });
}

export function useResources(programId: string) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.resources(programId),
    queryFn: () => bodyOf(api.GET('/v1/resources', { params: { query: { programId, limit: WHOLE_LIST } } })),
  });
}

export function useResource(resourceId: string) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.resource(resourceId),
    queryFn: () => bodyOf(api.GET('/v1/resources/{id}', { params: { path: { id: resourceId } } })),
  });
}
