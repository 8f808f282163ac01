import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../i18n/fr';
import type { MentoringSession } from './session-queries';
import { browserTimeZone } from './zoned-time';

export const STATUS_LABELS: Record<MentoringSession['status'], MessageKey> = {
  proposed: 'sessions.status.proposed',
  confirmed: 'sessions.status.confirmed',
  completed: 'sessions.status.completed',
  cancelled: 'sessions.status.cancelled',
  no_show: 'sessions.status.noShow',
};

export const MODE_LABELS: Record<MentoringSession['mode'], MessageKey> = {
  video: 'sessions.mode.video',
  phone: 'sessions.mode.phone',
  in_person: 'sessions.mode.inPerson',
};

/**
 * When a session takes place, on the clock of its zone (as the invitation
 * says), and on the reader's own clock when theirs differs.
 */
export function useSessionTime(): (session: Pick<MentoringSession, 'startsAt' | 'timeZone'>) => string {
  const { t, i18n } = useTranslation();
  return ({ startsAt, timeZone }) => {
    const at = (zone: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(new Date(startsAt));
    const own = browserTimeZone();
    const there = t('sessions.when', { when: at(timeZone), zone: timeZone });
    return own === timeZone ? there : `${there} ${t('sessions.whenForYou', { when: at(own) })}`;
  };
}
