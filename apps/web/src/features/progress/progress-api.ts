import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../app/session';
import type { components } from '../../api/types/evaluation';
import { ApiRefusal, dataOf } from '../programmes/programme-api';

export type MyProgress = components['schemas']['MyProgressResponse'];
export type RoleProgress = components['schemas']['RoleProgressView'];
export type Scales = components['schemas']['ScalesView'];

/**
 * The person's progress in one programme as evaluation counts it; null while
 * evaluation has not yet heard of their enrolment (it learns of it by event,
 * a moment after intake), which is not an error.
 */
export function useMyProgress(programId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['progress', programId],
    queryFn: async (): Promise<MyProgress | null> => {
      const answer = await api.GET('/v1/reports/programs/{programId}/me', { params: { path: { programId } } });
      if (answer.response.status === 404) return null;
      return dataOf(answer);
    },
    retry: (count, error) => !(error instanceof ApiRefusal && error.problem && error.problem.statusCode < 500) && count < 1,
  });
}
