import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../app/session';
import { useSubmission } from '../../components/use-submission';
import type { components } from '../../api/types/identity';

export type ProfileChanges = components['schemas']['UpdateProfileRequest'];
type Me = components['schemas']['MemberProfileResponse'];

/** Saves profile changes and puts the answer in the cache every page reads the person from (the roles stay as they were). */
export function useSaveProfile(fields: readonly string[]) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useSubmission(fields, (body: ProfileChanges) => api.PATCH('/v1/users/me', { body }), {
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData<Me>(['me'], (current) => (current ? { ...current, ...saved } : current));
    },
  });
}
