import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../app/session';
import { bodyOf, isNotFound, refusalOf } from '../../components/api-calls';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../components/DateTime';
import { FormError } from '../../components/FormError';
import { problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import type { MessageKey } from '../../i18n/fr';
import { cohortKeys, type Gathering, useGathering, useProgrammeHeading } from './cohort-api';
import { Seats } from './GatheringsPage';
import { NotInCohort, Waiting } from './shared';

/** One gathering: when, where, the seats, and registering, the waitlist or cancelling. */
export function GatheringPage() {
  const { t, i18n } = useTranslation();
  const { programId = '', gatheringId = '' } = useParams();
  const gathering = useGathering(gatheringId);
  const programme = useProgrammeHeading(programId);
  if (isNotFound(gathering.error)) return <NotInCohort />;
  if (!gathering.data) return <Waiting failed={gathering.isError} retry={() => void gathering.refetch()} />;
  const g = gathering.data;
  const when = (iso: string, style: 'dateTime' | 'time') => formatDateTime(iso, i18n.language, style);
  return (
    <Page title={g.title}>
      <p>
        <Link to={`/cohort/${programId}/gatherings`}>{t('gatherings.backToList')}</Link>
      </p>
      <p className="meta">
        {t(`gatherings.kind.${g.kind}`)} · {programme.name}
      </p>
      {g.status === 'cancelled' && (
        <p className="notice" role="status">
          {g.cancelReason ? t('gatherings.cancelledBecause', { reason: g.cancelReason }) : t('gatherings.cancelledNoReason')}
        </p>
      )}
      <dl className="facts">
        <dt>{t('gatherings.when')}</dt>
        <dd>{t('gatherings.whenValue', { start: when(g.startsAt, 'dateTime'), end: when(g.endsAt, 'time'), minutes: g.durationMinutes })}</dd>
        <dt>{t('gatherings.where')}</dt>
        <dd>
          {g.place ?? (
            <>
              {t('gatherings.online')}
              {g.onlineUrl && (
                <>
                  {' · '}
                  <a href={g.onlineUrl} target="_blank" rel="noreferrer">
                    {t('gatherings.join')}
                  </a>
                </>
              )}
            </>
          )}
        </dd>
        <dt>{t('gatherings.capacity')}</dt>
        <dd>
          <Seats gathering={g} />
        </dd>
      </dl>
      {g.description && (
        <>
          <h2>{t('gatherings.description')}</h2>
          <p className="text">{g.description}</p>
        </>
      )}
      <Registration gathering={g} closed={programme.closed} />
    </Page>
  );
}

/** Register (a seat, or the waitlist once full), see one's place, cancel: the service decides, the page says what it answered. */
function Registration({ gathering, closed }: { gathering: Gathering; closed: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<MessageKey | null>(null);
  const [said, setSaid] = useState<string>('');
  const id = gathering.id;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: cohortKeys.gathering(id) }),
      queryClient.invalidateQueries({ queryKey: cohortKeys.gatherings(gathering.programId) }),
    ]);
  const register = useMutation({
    mutationFn: () => bodyOf(api.POST('/v1/gatherings/{id}/registrations', { params: { path: { id } }, body: { waitlist: true } })),
    onSuccess: async (registration) => {
      setSaid(
        registration.status === 'waitlisted' ? t('gatherings.waitlistedNotice', { position: registration.waitlistPosition }) : t('gatherings.confirmedNotice'),
      );
      await refresh();
    },
    onError: (error) => setGeneral(problemsOf(refusalOf(error), []).general),
  });
  const cancel = useMutation({
    mutationFn: () => bodyOf(api.DELETE('/v1/gatherings/{id}/registrations/me', { params: { path: { id } } })),
    onSuccess: async () => {
      setSaid(t('gatherings.cancelledRegistration'));
      await refresh();
    },
    onError: (error) => setGeneral(problemsOf(refusalOf(error), []).general),
  });
  const act = (mutation: typeof register | typeof cancel) => {
    setGeneral(null);
    setSaid('');
    mutation.mutate();
  };

  const mine = gathering.myRegistration && gathering.myRegistration.status !== 'cancelled' ? gathering.myRegistration : null;
  const open = gathering.status === 'scheduled' && !closed && new Date(gathering.startsAt).getTime() > Date.now();
  return (
    <div className="form-section">
      <FormError message={general} />
      <p role="status">{said}</p>
      {mine && !said && (
        <p className="notice">
          {mine.status === 'confirmed' ? t('gatherings.confirmedNotice') : t('gatherings.waitlistedNotice', { position: mine.waitlistPosition })}
        </p>
      )}
      {gathering.status === 'scheduled' && !open && <p className="notice">{t('gatherings.started')}</p>}
      {open && !mine && (
        <Button isDisabled={register.isPending} onPress={() => act(register)}>
          {register.isPending ? t('gatherings.registering') : gathering.seatsLeft > 0 ? t('gatherings.register') : t('gatherings.joinWaitlist')}
        </Button>
      )}
      {open && mine && (
        <ConfirmDialog
          trigger={mine.status === 'confirmed' ? t('gatherings.cancelRegistration') : t('gatherings.leaveWaitlist')}
          title={t('gatherings.cancelTitle')}
          body={t('gatherings.cancelBody')}
          confirm={t('gatherings.cancelConfirm')}
          cancel={t('gatherings.keep')}
          onConfirm={() => act(cancel)}
        />
      )}
    </div>
  );
}
