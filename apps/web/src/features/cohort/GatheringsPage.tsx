import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../components/api-calls';
import { formatDateTime } from '../../components/DateTime';
import { Page } from '../../components/Page';
import { type Gathering, useGatherings, useProgrammeHeading } from './cohort-api';
import { NotInCohort, Waiting } from './shared';

/** A programme's gatherings in start order: when, where, the seats left and where the person stands. */
export function GatheringsPage() {
  const { t, i18n } = useTranslation();
  const { programId = '' } = useParams();
  const gatherings = useGatherings(programId);
  const programme = useProgrammeHeading(programId);
  if (isNotFound(gatherings.error)) return <NotInCohort />;
  if (!gatherings.data) return <Waiting failed={gatherings.isError} retry={() => void gatherings.refetch()} />;
  const items = gatherings.data.items;
  return (
    <Page title={t('gatherings.title', { programme: programme.name })}>
      {items.length === 0 ? (
        <p>{t('gatherings.empty')}</p>
      ) : (
        <ul className="stack-list">
          {items.map((gathering) => (
            <li key={gathering.id} className="card">
              <h2 className="card-title">
                <Link to={`/cohort/${programId}/gatherings/${gathering.id}`}>{gathering.title}</Link>
              </h2>
              <p className="meta">
                {t(`gatherings.kind.${gathering.kind}`)} · {formatDateTime(gathering.startsAt, i18n.language, 'dateTime')} ·{' '}
                {gathering.place ?? t('gatherings.online')}
              </p>
              <p className="meta">
                <Seats gathering={gathering} /> <Standing gathering={gathering} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

/** The seats left, or the waitlist once it is full; a cancelled gathering says only that. */
export function Seats({ gathering }: { gathering: Gathering }) {
  const { t } = useTranslation();
  if (gathering.status === 'cancelled') return <span className="badge badge-warning">{t('gatherings.cancelled')}</span>;
  if (gathering.seatsLeft > 0) return <>{t('gatherings.seatsLeft', { count: gathering.seatsLeft, capacity: gathering.capacity })}</>;
  return <>{t('gatherings.full', { capacity: gathering.capacity, waitlist: gathering.waitlistCount })}</>;
}

/** Where the person stands: registered, or their place on the waitlist. */
export function Standing({ gathering }: { gathering: Gathering }) {
  const { t } = useTranslation();
  const mine = gathering.myRegistration;
  if (gathering.status === 'cancelled' || !mine || mine.status === 'cancelled') return null;
  return (
    <span className="badge badge-accent">
      {mine.status === 'confirmed' ? t('gatherings.mine.confirmed') : t('gatherings.mine.waitlisted', { position: mine.waitlistPosition })}
    </span>
  );
}
