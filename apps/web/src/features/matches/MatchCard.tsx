import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { SingleChoice } from '../../components/ChoiceGroup';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/FormError';
import { problemsOf } from '../../components/form-problems';
import type { MessageKey } from '../../i18n/fr';
import { PartnerProfile } from './PartnerProfile';
import { ScoreExplanation } from './ScoreExplanation';
import { type DeclineReason, type Match, useAnswerMatch, usePublicProfile } from './use-matches';

const DECLINE_REASONS: readonly DeclineReason[] = ['no_availability', 'not_a_fit', 'other'];
const NOTICES = { accept: 'matches.accepted', decline: 'matches.declined', end: 'matches.ended' } as const satisfies Record<string, MessageKey>;

/** A date as the reader writes it. */
export function useDate() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });
  const withTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' });
  return { date: (iso: string) => format.format(new Date(iso)), dateTime: (iso: string) => withTime.format(new Date(iso)) };
}

/** Where the match stands, from the reader's side. */
function stateLine(match: Match, side: 'mentor' | 'mentee', date: (iso: string) => string): { key: MessageKey; values?: Record<string, string> } | null {
  if (match.status === 'proposed') return (side === 'mentee' ? match.menteeAcceptedAt : match.mentorAcceptedAt) ? { key: 'matches.waitingForOther' } : { key: 'matches.waitingForYou' };
  if (match.status === 'active' && match.acceptedAt) return { key: 'matches.since', values: { date: date(match.acceptedAt) } };
  if (match.status === 'ended' && match.closedAt) return { key: 'matches.endedOn', values: { date: date(match.closedAt) } };
  if (match.status === 'declined') {
    if (match.declinedBy === side) return { key: 'matches.declinedByYou' };
    return { key: match.declinedBy === 'mentor' || match.declinedBy === 'mentee' ? 'matches.declinedByOther' : 'matches.declinedBySystem' };
  }
  return null;
}

function DeclineForm({ answer, onCancel }: { answer: ReturnType<typeof useAnswerMatch>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const id = useId();
  // The form replaces the button that opened it: the focus moves to its heading instead of being lost.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const problems = answer.isError && answer.variables?.kind === 'decline' ? problemsOf(answer.error.error, ['reason']) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate({ kind: 'decline', reason });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('matches.decline.heading')}
      </h4>
      <FormError message={problems?.general ?? null} />
      <SingleChoice
        label={t('matches.decline.reason')}
        hint={t('matches.decline.hint')}
        choices={DECLINE_REASONS.map((value) => ({ value, label: t(`matches.decline.${value}`) }))}
        value={reason}
        onChange={(value) => setReason(value as DeclineReason)}
        // The service refuses a decline without one of its reasons; said in the reader's language.
        error={problems?.fields['reason'] ? t('matches.decline.reasonMissing') : undefined}
        isRequired
      />
      <div className="dialog-actions">
        <Button variant="secondary" onPress={onCancel}>
          {t('matches.decline.cancel')}
        </Button>
        <Button type="submit" variant="danger" isDisabled={answer.isPending}>
          {answer.isPending ? t('matches.decline.submitting') : t('matches.decline.submit')}
        </Button>
      </div>
    </form>
  );
}

/** One match: who, where it stands, why, and what the reader can do about it. */
export function MatchCard({ match, myId, onAnswered }: { match: Match; myId: string; onAnswered: (notice: MessageKey) => void }) {
  const { t } = useTranslation();
  const { date, dateTime } = useDate();
  const side = match.mentorId === myId ? 'mentor' : 'mentee';
  const partnerId = side === 'mentor' ? match.menteeId : match.mentorId;
  const profile = usePublicProfile(partnerId);
  const answer = useAnswerMatch(match.id, (kind) => onAnswered(NOTICES[kind]));
  const [declining, setDeclining] = useState(false);
  // Cancelling a decline gives the focus back to the button that opened the form.
  const answers = useRef<HTMLDivElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && !declining) answers.current?.querySelector('button')?.focus();
  }, [refocus, declining]);
  const id = useId();
  const state = stateLine(match, side, date);
  const mayAnswer = match.status === 'proposed' && !(side === 'mentee' ? match.menteeAcceptedAt : match.mentorAcceptedAt);
  // A decline's refusal shows in its form; the others here.
  const general = answer.isError && answer.variables?.kind !== 'decline' ? problemsOf(answer.error.error, []).general : null;
  const role = side === 'mentor' ? t('matches.yourMentee') : t('matches.yourMentor');
  return (
    <article className="card" aria-labelledby={`${id}-name`}>
      <p className="field-hint">{role}</p>
      <h3 id={`${id}-name`}>{profile.data?.displayName ?? (profile.isPending && partnerId ? t('state.loading') : t('matches.partnerUnknown'))}</h3>
      <p>
        <strong>{t('matches.statusLabel')}</strong>{' '}
        {t(`matches.status.${match.status}`)}
        {state && <> — {t(state.key, state.values)}</>}
      </p>
      {match.status === 'proposed' && match.respondBy && <p>{t('matches.respondBy', { date: dateTime(match.respondBy) })}</p>}
      {profile.data && <PartnerProfile profile={profile.data} />}
      {match.status === 'declined' || match.status === 'ended' ? (
        // A past match keeps its reasons one click away, so the list stays short.
        <details>
          <summary>{t('matches.why.heading')}</summary>
          <ScoreExplanation score={match.score} level={4} />
        </details>
      ) : (
        <ScoreExplanation score={match.score} level={4} />
      )}
      <FormError message={general} />
      {mayAnswer && !declining && (
        <div className="dialog-actions" ref={answers}>
          <Button variant="secondary" onPress={() => setDeclining(true)} aria-describedby={`${id}-name`}>
            {t('matches.decline')}
          </Button>
          <Button onPress={() => answer.mutate({ kind: 'accept' })} isDisabled={answer.isPending} aria-describedby={`${id}-name`}>
            {answer.isPending ? t('matches.accepting') : t('matches.accept')}
          </Button>
        </div>
      )}
      {mayAnswer && declining && <DeclineForm
          answer={answer}
          onCancel={() => {
            setDeclining(false);
            setRefocus(true);
          }}
        />}
      {match.status === 'active' && (
        <ConfirmDialog
          trigger={t('matches.end')}
          title={t('matches.end.title')}
          body={t('matches.end.body')}
          confirm={t('matches.end.confirm')}
          cancel={t('matches.end.cancel')}
          onConfirm={() => answer.mutate({ kind: 'end' })}
        />
      )}
    </article>
  );
}
