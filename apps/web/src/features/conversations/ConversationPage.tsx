import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { TextArea } from '../../components/TextArea';
import type { Conversation, Message, PendingMessage, Thread } from './conversation-cache';
import { useConversation, useMarkRead, useOlderMessages, usePending, useSendMessage, useThread } from './conversation-queries';
import { useDateTime } from './use-date-time';

/** One conversation: its messages as they come, the other's read receipt, and the composer. */
export function ConversationPage() {
  const { conversationId = '' } = useParams();
  const conversation = useConversation(conversationId);
  const thread = useThread(conversationId);
  if (!conversation.data || !thread.data) {
    const failed = conversation.isError || thread.isError;
    return (
      <QueryState
        status={failed ? 'error' : 'pending'}
        onRetry={() => {
          void conversation.refetch();
          void thread.refetch();
        }}
      />
    );
  }
  return <ConversationView conversation={conversation.data} thread={thread.data} />;
}

type Sender = ReturnType<typeof useSendMessage>;

function ConversationView({ conversation, thread }: { conversation: Conversation; thread: Thread }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const sender = useSendMessage(conversation.id, (refusedText: string, error: ApiError) => {
    // The refused text comes back into the composer, unless something new was typed meanwhile.
    setText((current) => (current.trim() === '' ? refusedText : current));
    setProblems(problemsOf(error, ['text']));
  });
  const name = conversation.counterpart.displayName ?? t('conversations.formerMember');
  return (
    <Page title={t('conversations.with', { name })} actions={<Link to="/messages">{t('conversations.back')}</Link>}>
      <MessageLog conversation={conversation} thread={thread} sender={sender} />
      <ReadTracker conversation={conversation} thread={thread} />
      {conversation.status === 'open' ? (
        <Composer text={text} setText={setText} problems={problems} setProblems={setProblems} sender={sender} />
      ) : (
        <p className="conversation-closed">{t('conversations.closedNotice')}</p>
      )}
    </Page>
  );
}

function MessageLog({ conversation, thread, sender }: { conversation: Conversation; thread: Thread; sender: Sender }) {
  const { t } = useTranslation();
  const older = useOlderMessages(conversation.id);
  const pending = usePending(conversation.id);
  const log = useRef<HTMLDivElement>(null);
  const newest = pending.length > 0 ? pending[pending.length - 1].key : thread.messages[thread.messages.length - 1]?.id;
  // The newest message in view when one arrives or is sent (only the log scrolls, not the page).
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [newest]);
  const theirReadUpTo = conversation.read.counterpart.upTo;
  // The "read" mark goes under the newest of the viewer's messages the other participant has read.
  const lastReadMine = theirReadUpTo ? [...thread.messages].reverse().find((message) => message.mine && message.id <= theirReadUpTo)?.id : undefined;
  const name = conversation.counterpart.displayName ?? t('conversations.formerMember');
  return (
    <section className="message-area" aria-labelledby="messages-heading">
      <h2 id="messages-heading" className="visually-hidden">
        {t('conversations.messages')}
      </h2>
      {thread.olderCursor && (
        <Button variant="secondary" isDisabled={older.isPending} onPress={() => thread.olderCursor && older.mutate(thread.olderCursor)}>
          {t('conversations.older')}
        </Button>
      )}
      {thread.messages.length === 0 && pending.length === 0 && <p>{t('conversations.empty')}</p>}
      {/* Focusable, so that the keyboard scrolls the history too. */}
      <div role="log" aria-live="polite" aria-relevant="additions" aria-labelledby="messages-heading" className="message-log" tabIndex={0} ref={log}>
        <ol>
          {thread.messages.map((message) => (
            <MessageItem key={message.id} message={message} name={name} read={message.id === lastReadMine} />
          ))}
          {pending.map((entry) => (
            <PendingItem key={entry.key} pending={entry} sender={sender} />
          ))}
        </ol>
      </div>
    </section>
  );
}

function MessageItem({ message, name, read }: { message: Message; name: string; read: boolean }) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <li className={`message ${message.mine ? 'message-mine' : 'message-theirs'}`} data-message-id={message.id}>
      <p className="message-meta">
        <span className="message-author">{message.mine ? t('conversations.you') : name}</span> · <time dateTime={message.sentAt}>{when(message.sentAt)}</time>
      </p>
      <p className="message-text">{message.erased ? <em>{t('conversations.removed')}</em> : message.text}</p>
      {read && <p className="message-receipt">{t('conversations.read', { name })}</p>}
    </li>
  );
}

function PendingItem({ pending, sender }: { pending: PendingMessage; sender: Sender }) {
  const { t } = useTranslation();
  return (
    <li className="message message-mine message-pending">
      <p className="message-meta">
        <span className="message-author">{t('conversations.you')}</span> · {pending.failed ? <strong className="message-failed">{t('conversations.notSent')}</strong> : <span>{t('conversations.sending')}</span>}
      </p>
      <p className="message-text">{pending.text}</p>
      {pending.failed && (
        <div className="message-actions">
          <Button variant="secondary" onPress={() => sender.retry(pending.key)}>
            {t('conversations.retry')}
          </Button>
          <Button variant="secondary" onPress={() => sender.discard(pending.key)}>
            {t('conversations.discard')}
          </Button>
        </div>
      )}
    </li>
  );
}

/** Marks what is shown read while the page is in view; the other participant sees the receipt. */
function ReadTracker({ conversation, thread }: { conversation: Conversation; thread: Thread }) {
  const markRead = useMarkRead(conversation.id);
  const asked = useRef<string | null>(null);
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const change = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', change);
    return () => document.removeEventListener('visibilitychange', change);
  }, []);
  const newest = thread.messages[thread.messages.length - 1];
  const mine = conversation.read.mine.upTo;
  const unreadTheirs = thread.messages.some((message) => !message.mine && (!mine || message.id > mine));
  useEffect(() => {
    if (!visible || !newest || !unreadTheirs || asked.current === newest.id) return;
    asked.current = newest.id;
    markRead.mutate(newest.id, { onError: () => (asked.current = null) });
  }, [visible, newest, unreadTheirs, markRead]);
  return null;
}

/** Writes a message: Enter sends, Shift+Enter goes to a new line. */
function Composer({
  text,
  setText,
  problems,
  setProblems,
  sender,
}: {
  text: string;
  setText: (text: string) => void;
  problems: Problems;
  setProblems: (problems: Problems) => void;
  sender: Sender;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setProblems({ fields: { text: t('conversations.emptyMessage') }, general: null });
      return;
    }
    setProblems(NO_PROBLEMS);
    sender.send(text);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  };
  return (
    <form ref={form} className="composer" onSubmit={submit} noValidate>
      <FormError message={problems.general} />
      <TextArea
        label={t('conversations.compose')}
        hint={t('conversations.composeHint')}
        name="text"
        rows={3}
        value={text}
        error={problems.fields.text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <Button type="submit">{t('conversations.send')}</Button>
    </form>
  );
}
