import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useDate } from './MatchCard';
import { ScoreExplanation } from './ScoreExplanation';
import { Refusal, type Suggestion, useRequestMentor, useSuggestions } from './use-matches';

function SuggestionCard({ suggestion, request, disabled }: { suggestion: Suggestion; request: () => void; disabled: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <article className="card" aria-labelledby={`${id}-rank`}>
      <h2 id={`${id}-rank`}>{t('suggestions.rank', { rank: suggestion.rank })}</h2>
      <ScoreExplanation score={suggestion.score} level={3} heading="suggestions.why" />
      <div className="dialog-actions">
        <Button onPress={request} isDisabled={disabled} aria-describedby={`${id}-rank`}>
          {t('suggestions.request')}
        </Button>
      </div>
    </article>
  );
}

/**
 * A mentee's ranked suggestions in a programme that lets them choose, and a
 * request to one of them; once sent, its expiry is shown.
 */
export function SuggestionsPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const { dateTime } = useDate();
  const suggestions = useSuggestions(programId);
  const request = useRequestMentor(programId);
  const back = (
    <p>
      <Link to="/matches">{t('suggestions.back')}</Link>
    </p>
  );

  if (request.isSuccess) {
    return (
      <Page title={t('suggestions.title')}>
        <p role="status">{t('suggestions.sent', { date: request.data.respondBy ? dateTime(request.data.respondBy) : '' })}</p>
        {back}
      </Page>
    );
  }
  if (!suggestions.data) {
    const refused = suggestions.error instanceof Refusal && suggestions.error.error?.statusCode === 409;
    if (refused)
      return (
        <Page title={t('suggestions.title')}>
          <p>{t('suggestions.notChoice')}</p>
          {back}
        </Page>
      );
    return <QueryState status={suggestions.isError ? 'error' : 'pending'} onRetry={() => void suggestions.refetch()} />;
  }
  return (
    <Page title={t('suggestions.title')}>
      <p>{t('suggestions.intro')}</p>
      <FormError message={request.isError ? problemsOf(request.error.error, []).general : null} />
      {suggestions.data.length === 0 ? (
        <p>{t('suggestions.empty')}</p>
      ) : (
        <ol className="stack-list">
          {suggestions.data.map((suggestion) => (
            <li key={suggestion.mentorEnrollmentId}>
              <SuggestionCard suggestion={suggestion} request={() => request.mutate(suggestion.mentorEnrollmentId)} disabled={request.isPending} />
            </li>
          ))}
        </ol>
      )}
      {back}
    </Page>
  );
}
