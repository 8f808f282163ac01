import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/home/use-me';
import { useApi } from './session';

/**
 * The signed-in person's network, by its name: the portal is the
 * university's. Passerelle's own name stands in while it loads or if it
 * cannot be read.
 */
export function NetworkName() {
  const { t } = useTranslation();
  const api = useApi();
  const networkId = useMe().data?.networkId;
  const network = useQuery({
    queryKey: ['network', networkId],
    enabled: networkId !== undefined,
    staleTime: Infinity,
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/networks/{id}', { params: { path: { id: networkId as string } } });
      if (!data) throw new Error(error?.message ?? 'no network');
      return data;
    },
  });
  return <>{network.data?.name ?? t('app.name')}</>;
}
