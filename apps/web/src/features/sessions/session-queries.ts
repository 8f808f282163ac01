import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import type { components } from '../../api/types/communication';
import { useApi } from '../../app/session';

export type MentoringSession = components['schemas']['SessionResponse'];
export type ProposeSession = components['schemas']['ProposeSessionRequest'];
export type RescheduleSession = components['schemas']['RescheduleSessionRequest'];

/** The service's refusal (its fields placed beside the form's), or undefined when it could not be reached. */
export class SessionCallFailed extends Error {
  constructor(readonly error: ApiError | undefined) {
    super(error?.message ?? 'unreachable');
  }
}

const keys = {
  all: ['sessions'] as const,
  one: (id: string) => ['sessions', id] as const,
};

const noRetryOnRefusal = (count: number, error: Error) => !(error instanceof SessionCallFailed && error.error && error.error.statusCode < 500) && count < 1;

/** The person's sessions in all their pairs, soonest first. */
export function useSessionList() {
  const api = useApi();
  return useQuery({
    queryKey: keys.all,
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/sessions');
      if (!data) throw new SessionCallFailed(error);
      return data.items;
    },
  });
}

export function useSessionDetails(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.one(id),
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/sessions/{id}', { params: { path: { id } } });
      if (!data) throw new SessionCallFailed(error);
      return data;
    },
    retry: noRetryOnRefusal,
  });
}

/** What the service told the person about this session: confirmations, moves, reminders. */
export function useSessionNotices(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['notifications', 'about-session', id],
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/notifications', { params: { query: { limit: 100 } } });
      if (!data) throw new SessionCallFailed(error);
      return data.items.filter((notice) => notice.about.sessionId === id);
    },
  });
}

/** A change of a session; its answer becomes the session shown, and the list is fetched again. */
function useSessionChange<Input>(call: (input: Input) => Promise<{ data?: MentoringSession; error?: ApiError }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: Input) => {
      const { data, error } = await call(input);
      if (!data) throw new SessionCallFailed(error);
      return data;
    },
    onSuccess: (session) => {
      queryClient.setQueryData(keys.one(session.id), session);
      void queryClient.invalidateQueries({ queryKey: keys.all, exact: true });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export function useProposeSession() {
  const api = useApi();
  return useSessionChange((body: ProposeSession) => api.POST('/v1/sessions', { body }));
}

export function useConfirmSession(id: string) {
  const api = useApi();
  return useSessionChange(() => api.POST('/v1/sessions/{id}/confirm', { params: { path: { id } } }));
}

export function useRescheduleSession(id: string) {
  const api = useApi();
  return useSessionChange((body: RescheduleSession) => api.POST('/v1/sessions/{id}/reschedule', { params: { path: { id } }, body }));
}

export function useCancelSession(id: string) {
  const api = useApi();
  return useSessionChange((reason: string) => api.POST('/v1/sessions/{id}/cancel', { params: { path: { id } }, body: { reason } }));
}

/**
 * The session's calendar file, fetched with the session's token (a plain
 * link could not carry it) and handed to the browser as a download.
 */
export function useCalendarDownload(id: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async () => {
      const { data, error } = await api.GET('/v1/sessions/{id}/calendar.ics', { params: { path: { id } }, parseAs: 'text' });
      if (data === undefined) throw new SessionCallFailed(error);
      return data;
    },
    onSuccess: (content) => {
      const url = URL.createObjectURL(new Blob([content], { type: 'text/calendar' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `session-${id}.ics`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}
