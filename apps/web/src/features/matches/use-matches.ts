import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import type { components as IdentitySchemas } from '../../api/types/identity';
import type { components as IntakeSchemas } from '../../api/types/intake';
import type { components } from '../../api/types/matching';
import { useApi } from '../../app/session';

export type Match = components['schemas']['MatchResponse'];
export type Suggestion = components['schemas']['SuggestionResponse'];
export type DeclineReason = components['schemas']['DeclineMatchRequest']['reason'];
export type PublicProfile = IdentitySchemas['schemas']['PublicProfileResponse'];
export type Program = IntakeSchemas['schemas']['ProgramResponse'];

/** A refusal as the page places it: the service's error body, or none when it could not be reached. */
export class Refusal extends Error {
  constructor(readonly error: ApiError | undefined) {
    super(error?.message ?? 'unreachable');
  }
}

/** The signed-in person's matches, as mentor or mentee, every state. */
export function useMyMatches() {
  const api = useApi();
  return useQuery({
    queryKey: ['matches'],
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/matches', { params: { query: { limit: 100 } } });
      if (!data) throw new Refusal(error);
      return data.items;
    },
  });
}

/** The other side's public profile; null when identity does not show it (an erased account, a pair no longer open). */
export function usePublicProfile(userId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['public-profile', userId],
    enabled: userId !== null,
    queryFn: async () => {
      const { data, response } = await api.GET('/v1/users/{id}/public-profile', { params: { path: { id: userId as string } } });
      if (data) return data;
      if (response.status === 403 || response.status === 404) return null;
      throw new Error(`public profile answered ${response.status}`);
    },
  });
}

/** A programme's name and modes; a participant reads the programmes they are enrolled in. */
export function useProgram(programId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['program', programId],
    enabled: programId !== undefined,
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/programs/{id}', { params: { path: { id: programId as string } } });
      if (!data) throw new Refusal(error);
      return data;
    },
  });
}

/** The person's active mentee enrolments: where they might choose a mentor. */
export function useMenteeEnrollments() {
  const api = useApi();
  return useQuery({
    queryKey: ['enrollments', 'mentee', 'active'],
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/enrollments', { params: { query: { role: 'mentee', status: 'active', limit: 100 } } });
      if (!data) throw new Refusal(error);
      return data.items;
    },
  });
}

type Answer = { kind: 'accept' } | { kind: 'decline'; reason: DeclineReason | null } | { kind: 'end' };

/** Accepting, declining or ending a match; the list is read again afterwards, whatever the answer. */
export function useAnswerMatch(matchId: string, onAnswered: (kind: Answer['kind']) => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<Match, Refusal, Answer>({
    mutationFn: async (answer) => {
      const path = { params: { path: { id: matchId } } };
      const result =
        answer.kind === 'accept'
          ? await api.POST('/v1/matches/{id}/accept', path)
          : answer.kind === 'end'
            ? await api.POST('/v1/matches/{id}/end', { ...path, body: {} })
            : // No reason chosen is sent as such: the service says what is missing, beside the field.
              await api.POST('/v1/matches/{id}/decline', { ...path, body: { reason: answer.reason as DeclineReason } });
      if (!result.data) throw new Refusal(result.error);
      return result.data;
    },
    onSuccess: (_match, answer) => onAnswered(answer.kind),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['matches'] }),
  });
}

/** A mentee's ranked suggestions in a programme that lets them choose. */
export function useSuggestions(programId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['suggestions', programId],
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/matching/programs/{programId}/suggestions', { params: { path: { programId }, query: { limit: 5 } } });
      if (!data) throw new Refusal(error);
      return data;
    },
    retry: (count, error) => !(error instanceof Refusal && error.error && error.error.statusCode < 500) && count < 1,
  });
}

/** Requests a suggested mentor; the request is a proposal waiting for them until it expires. */
export function useRequestMentor(programId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<Match, Refusal, string>({
    mutationFn: async (mentorEnrollmentId) => {
      const { data, error } = await api.POST('/v1/matching/programs/{programId}/requests', { params: { path: { programId } }, body: { mentorEnrollmentId } });
      if (!data) throw new Refusal(error);
      return data;
    },
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['matches'] }), queryClient.invalidateQueries({ queryKey: ['suggestions', programId] })]),
  });
}
