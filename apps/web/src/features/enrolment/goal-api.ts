import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../../app/session';
import type { components } from '../../api/types/intake';
import { dataOf } from '../programmes/programme-api';

export type Goal = components['schemas']['GoalResponse'];
export type GoalMetric = components['schemas']['GoalMetricResponse'];
export type GoalCheck = components['schemas']['GoalCheckResponse'];
export type GoalDraft = components['schemas']['CheckGoalRequest'];
/** What setting a goal sends; the form sends what was typed, even when incomplete, for the service to name what is missing. */
export type SetGoal = components['schemas']['SetGoalRequest'];

export const goalKeys = {
  of: (enrollmentId: string) => ['goals', enrollmentId] as const,
};

export function useEnrolment(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['enrolments', id],
    queryFn: async () => dataOf(await api.GET('/v1/enrollments/{id}', { params: { path: { id } } })),
  });
}

export function useGoals(enrollmentId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: goalKeys.of(enrollmentId ?? ''),
    enabled: Boolean(enrollmentId),
    queryFn: async () => dataOf(await api.GET('/v1/enrollments/{enrollmentId}/goals', { params: { path: { enrollmentId: enrollmentId ?? '' } } })),
  });
}

export function useGoalMetrics(programId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['goal-metrics', programId],
    enabled: Boolean(programId),
    staleTime: 5 * 60_000,
    queryFn: async () => dataOf(await api.GET('/v1/programs/{programId}/goal-metrics', { params: { path: { programId: programId ?? '' } } })).items,
  });
}

/** The value once it has stopped changing for `delay` ms: the check runs when the person pauses, not at every key. */
export function useSettled(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * The service's SMART check of the draft as it stands, asked again once the
 * person pauses typing; the previous verdict stays on screen meanwhile.
 */
export function useGoalCheck(enrollmentId: string, draft: GoalDraft, delay = 400) {
  const api = useApi();
  // Compared as text: the draft is a new object at every render, its content is what matters.
  const settled = JSON.parse(useSettled(JSON.stringify(draft), delay)) as GoalDraft;
  const started = Object.values(settled).some((value) => value !== undefined && value !== '');
  return useQuery({
    queryKey: ['goal-check', enrollmentId, settled],
    enabled: started,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    queryFn: async () => dataOf(await api.POST('/v1/enrollments/{enrollmentId}/goals/check', { params: { path: { enrollmentId } }, body: settled })),
  });
}
