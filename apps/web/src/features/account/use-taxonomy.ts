import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../app/session';

/** The network's terms of one taxonomy (kept by intake, the same for every form that offers them). */
export function useTaxonomy(kind: 'industries' | 'languages') {
  const api = useApi();
  return useQuery({
    queryKey: ['taxonomy', kind],
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/taxonomies/{kind}', { params: { path: { kind } } });
      if (!data) throw new Error(error?.message ?? 'no taxonomy');
      return data.items;
    },
    staleTime: 5 * 60_000,
  });
}
