import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../app/session';
import { bodyOf, isNotFound, refusalOf } from '../../components/api-calls';
import { Button } from '../../components/Button';
import { formatDateTime } from '../../components/DateTime';
import { FormError } from '../../components/FormError';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { cohortKeys, useProgrammeHeading, useThreads } from './cohort-api';
import { authorOf, MoreButton, NotInCohort, Waiting } from './shared';

/** A programme's forum: its discussions, newest first, and a form to start one. */
export function ForumPage() {
  const { t, i18n } = useTranslation();
  const { programId = '' } = useParams();
  const threads = useThreads(programId);
  const programme = useProgrammeHeading(programId);
  if (isNotFound(threads.error)) return <NotInCohort />;
  if (!threads.data) return <Waiting failed={threads.isError} retry={() => void threads.refetch()} />;
  const items = threads.data.pages.flatMap((page) => page.items);
  return (
    <Page
      title={t('forum.title', { programme: programme.name })}
      actions={
        programme.closed ? undefined : (
          <a className="button button-secondary" href="#new-thread">
            {t('forum.new')}
          </a>
        )
      }
    >
      {programme.closed && <p className="notice">{t('cohort.closed')}</p>}
      <h2 id="threads-heading">{t('forum.threads')}</h2>
      {items.length === 0 ? (
        <p>{t('forum.empty')}</p>
      ) : (
        <ul className="stack-list" aria-labelledby="threads-heading">
          {items.map((thread) => (
            <li key={thread.id} className="card">
              <h3 className="card-title">
                <Link to={`/cohort/${programId}/forum/${thread.id}`}>{thread.title ?? t('forum.erasedThread')}</Link>
              </h3>
              <p className="meta">{t('forum.by', { author: authorOf(thread, t), date: formatDateTime(thread.createdAt, i18n.language, 'short') })}</p>
              <p className="meta">
                {t('forum.lastPost', { date: formatDateTime(thread.lastPostAt, i18n.language, 'short') })}
                {thread.locked && <> <span className="badge">{t('forum.lockedBadge')}</span></>}
                {thread.hidden && <> <span className="badge">{t('cohort.hidden')}</span></>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <MoreButton more={threads} />
      {!programme.closed && <NewThreadForm programId={programId} />}
    </Page>
  );
}

const FIELDS = ['title', 'body'] as const;

/** Starts a discussion; what was typed stays on a refusal, each problem beside its field. */
function NewThreadForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState({ title: '', body: '' });
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const start = useMutation({
    mutationFn: () => bodyOf(api.POST('/v1/forums/programs/{programId}/threads', { params: { path: { programId } }, body: draft })),
    onSuccess: async (thread) => {
      await queryClient.invalidateQueries({ queryKey: cohortKeys.threads(programId) });
      navigate(`/cohort/${programId}/forum/${thread.id}`);
    },
    onError: (error) => setProblems(problemsOf(refusalOf(error), FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    start.mutate();
  };
  return (
    <section id="new-thread" aria-labelledby="new-thread-heading" className="form-section">
      <h2 id="new-thread-heading">{t('forum.new')}</h2>
      <form onSubmit={submit} noValidate aria-labelledby="new-thread-heading">
        <FormError message={problems.general} />
        <TextField
          label={t('forum.newTitle')}
          name="title"
          required
          value={draft.title}
          onChange={(event) => setDraft((current) => ({ ...current, title: event.target.value }))}
          error={problems.fields.title}
        />
        <TextArea
          label={t('forum.newBody')}
          name="body"
          required
          rows={5}
          value={draft.body}
          onChange={(event) => setDraft((current) => ({ ...current, body: event.target.value }))}
          error={problems.fields.body}
        />
        <Button type="submit" isDisabled={start.isPending}>
          {start.isPending ? t('forum.submitting') : t('forum.newSubmit')}
        </Button>
      </form>
    </section>
  );
}
