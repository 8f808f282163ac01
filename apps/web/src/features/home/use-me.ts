import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../app/session';

/** The signed-in person's profile, shared by every page that needs their name, roles or network. */
export function useMe() {
  const api = useApi();
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/users/me');
      if (!data) throw new Error(error?.message ?? 'no profile');
      return data;
    },
  });
}
