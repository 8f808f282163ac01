import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../app/session';
import { bodyOf, isNotFound, refusalOf } from '../../components/api-calls';
import { Button } from '../../components/Button';
import { formatDateTime } from '../../components/DateTime';
import { FormError } from '../../components/FormError';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { TextArea } from '../../components/TextArea';
import { cohortKeys, usePosts, useProgrammeHeading, useThread } from './cohort-api';
import { authorOf, MoreButton, NotInCohort, Waiting } from './shared';

/** A discussion: its opening message, the replies oldest first, and the reply form while it is open. */
export function ThreadPage() {
  const { t, i18n } = useTranslation();
  const { programId = '', threadId = '' } = useParams();
  const thread = useThread(threadId);
  const posts = usePosts(threadId);
  const programme = useProgrammeHeading(programId);
  if (isNotFound(thread.error) || isNotFound(posts.error)) return <NotInCohort />;
  if (!thread.data || !posts.data)
    return (
      <Waiting
        failed={thread.isError || posts.isError}
        retry={() => {
          void thread.refetch();
          void posts.refetch();
        }}
      />
    );
  const replies = posts.data.pages.flatMap((page) => page.items);
  const when = (iso: string) => formatDateTime(iso, i18n.language, 'short');
  return (
    <Page title={thread.data.title ?? t('forum.title', { programme: programme.name })}>
      <p>
        <Link to={`/cohort/${programId}/forum`}>{t('forum.backToForum')}</Link>
      </p>
      <article className="post post-opening">
        <p className="meta">{t('forum.by', { author: authorOf(thread.data, t), date: when(thread.data.createdAt) })}</p>
        {thread.data.erased ? <p className="meta">{t('forum.erasedThread')}</p> : <p className="text">{thread.data.body}</p>}
      </article>
      <h2 id="replies-heading">{t('forum.replies')}</h2>
      {replies.length === 0 ? (
        <p>{t('forum.noReplies')}</p>
      ) : (
        <ol className="stack-list" aria-labelledby="replies-heading">
          {replies.map((post) => (
            <li key={post.id} className="post">
              <p className="meta">
                {t('forum.by', { author: authorOf(post, t), date: when(post.createdAt) })}
                {post.hidden && <> <span className="badge">{t('cohort.hidden')}</span></>}
              </p>
              {post.erased ? <p className="meta">{t('forum.erasedPost')}</p> : <p className="text">{post.body}</p>}
            </li>
          ))}
        </ol>
      )}
      <MoreButton more={posts} />
      {thread.data.locked ? (
        <p className="notice">{t('forum.locked')}</p>
      ) : programme.closed ? (
        <p className="notice">{t('cohort.closed')}</p>
      ) : (
        <ReplyForm threadId={threadId} />
      )}
    </Page>
  );
}

/** Posts a reply; the text stays in the box on a refusal and empties once it is posted. */
function ReplyForm({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const reply = useMutation({
    mutationFn: () => bodyOf(api.POST('/v1/forums/threads/{threadId}/posts', { params: { path: { threadId } }, body: { body } })),
    onSuccess: async () => {
      setBody('');
      await queryClient.invalidateQueries({ queryKey: cohortKeys.posts(threadId) });
    },
    onError: (error) => setProblems(problemsOf(refusalOf(error), ['body'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    reply.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="form-section">
      <FormError message={problems.general} />
      <TextArea label={t('forum.reply')} name="body" required value={body} onChange={(event) => setBody(event.target.value)} error={problems.fields.body} />
      <Button type="submit" isDisabled={reply.isPending}>
        {reply.isPending ? t('forum.submitting') : t('forum.replySubmit')}
      </Button>
      <p role="status" className="meta">
        {reply.isSuccess && !reply.isPending ? t('forum.replied') : ''}
      </p>
    </form>
  );
}
