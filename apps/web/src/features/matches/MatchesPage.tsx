import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import type { MessageKey } from '../../i18n/fr';
import { useMe } from '../home/use-me';
import { MatchCard } from './MatchCard';
import { type Match, useMenteeEnrollments, useMyMatches, useProgram } from './use-matches';

const SECTIONS: readonly { title: MessageKey; holds: (match: Match) => boolean }[] = [
  { title: 'matches.section.proposed', holds: (match) => match.status === 'proposed' },
  { title: 'matches.section.active', holds: (match) => match.status === 'active' },
  { title: 'matches.section.past', holds: (match) => match.status === 'declined' || match.status === 'ended' },
];

/** A programme where the mentee may pick a mentor, offered while they have no open request or match in it. */
function ChooseMentor({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const program = useProgram(programId);
  if (!program.data || !program.data.matchingModes.includes('mentee_choice') || program.data.status !== 'published') return null;
  return (
    <li className="card">
      <p>{t('matches.choose.body', { program: program.data.name })}</p>
      <Link to={`/matches/suggestions/${programId}`}>{t('matches.choose.link', { program: program.data.name })}</Link>
    </li>
  );
}

/** The person's matches: proposals to answer, the ongoing ones, the past; and where they may choose a mentor themselves. */
export function MatchesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const matches = useMyMatches();
  const enrollments = useMenteeEnrollments();
  // An answered match moves to another section: what happened is said here, and the focus comes here rather than being lost.
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  if (!me.data || !matches.data) {
    const failed = me.isError || matches.isError;
    return <QueryState status={failed ? 'error' : 'pending'} onRetry={() => void Promise.all([me.refetch(), matches.refetch()])} />;
  }
  const open = new Set(matches.data.filter((match) => match.status === 'proposed' || match.status === 'active').map((match) => match.programId));
  const choosable = (enrollments.data ?? []).filter((enrollment) => !open.has(enrollment.programId));
  return (
    <Page title={t('matches.title')}>
      <p role="status" ref={noticeRef} tabIndex={-1} style={notice ? undefined : { margin: 0 }}>
        {notice ? t(notice) : null}
      </p>
      <p>{t('matches.intro')}</p>
      {choosable.length > 0 && (
        <section aria-labelledby="choose-heading">
          <h2 id="choose-heading">{t('matches.choose.heading')}</h2>
          <ul className="card-list">
            {choosable.map((enrollment) => (
              <ChooseMentor key={enrollment.id} programId={enrollment.programId} />
            ))}
          </ul>
        </section>
      )}
      {matches.data.length === 0 && <p>{t('matches.empty')}</p>}
      {SECTIONS.map((section) => {
        const shown = matches.data.filter(section.holds);
        if (shown.length === 0) return null;
        const headingId = `section-${section.title}`.replace(/\./g, '-');
        return (
          <section key={section.title} aria-labelledby={headingId}>
            <h2 id={headingId}>{t(section.title)}</h2>
            <ul className="stack-list">
              {shown.map((match) => (
                <li key={match.id}>
                  <MatchCard match={match} myId={me.data.id} onAnswered={setNotice} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Page>
  );
}
