import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../app/session';
import { dataOf } from '../programmes/programme-api';

/** The person's own matches (active and awaiting an answer), as matching lists them for a participant. */
export function useMyMatches() {
  const api = useApi();
  return useQuery({
    queryKey: ['matches', 'mine'],
    queryFn: async () => dataOf(await api.GET('/v1/matches', { params: { query: { limit: 100 } } })).items,
  });
}

/** The person's conversations: the counterpart's name and the messages they have not read. */
export function useMyConversations() {
  const api = useApi();
  return useQuery({
    queryKey: ['conversations', 'mine'],
    queryFn: async () => dataOf(await api.GET('/v1/conversations', { params: { query: { limit: 100 } } })).items,
  });
}

/** The person's sessions, soonest first. */
export function useMySessions() {
  const api = useApi();
  return useQuery({
    queryKey: ['sessions', 'mine'],
    queryFn: async () => dataOf(await api.GET('/v1/sessions')).items,
  });
}
