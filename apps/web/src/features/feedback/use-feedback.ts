import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/types/evaluation';
import { useApi } from '../../app/session';
import { Refusal } from '../matches/use-matches';

export type FeedbackRequest = components['schemas']['SubmitFeedbackRequest'];
export type OpenFeedback = components['schemas']['OpenFeedbackResponse'];

/** What the person may answer now: held sessions without their feedback, and open surveys. */
export function useOpenFeedback() {
  const api = useApi();
  return useQuery({
    queryKey: ['feedback', 'open'],
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/feedback/open');
      if (!data) throw new Refusal(error);
      return data;
    },
  });
}

export function useSubmitFeedback() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<components['schemas']['FeedbackResponse'], Refusal, FeedbackRequest>({
    mutationFn: async (body) => {
      const { data, error } = await api.POST('/v1/feedback', { body });
      if (!data) throw new Refusal(error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['feedback', 'open'] }),
  });
}
