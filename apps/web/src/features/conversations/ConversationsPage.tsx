import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import type { Conversation } from './conversation-cache';
import { useConversations } from './conversation-queries';
import { useDateTime } from './use-date-time';

/** The person's conversations, one per pair, newest activity first, with what is unread. */
export function ConversationsPage() {
  const { t } = useTranslation();
  const conversations = useConversations();
  if (!conversations.data) return <QueryState status={conversations.isError ? 'error' : 'pending'} onRetry={() => void conversations.refetch()} />;
  const items = [...conversations.data.items].sort((a, b) => activityOf(b).localeCompare(activityOf(a)));
  return (
    <Page title={t('conversations.title')}>
      {items.length === 0 ? (
        <p>{t('conversations.none')}</p>
      ) : (
        <ul className="conversation-list">
          {items.map((conversation) => (
            <ConversationItem key={conversation.id} conversation={conversation} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function activityOf(conversation: Conversation): string {
  return conversation.lastMessageAt ?? conversation.openedAt;
}

function ConversationItem({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const name = conversation.counterpart.displayName ?? t('conversations.formerMember');
  const unread = conversation.unreadCount;
  return (
    <li className={`conversation-item${unread > 0 ? ' conversation-unread' : ''}`}>
      <Link to={`/messages/${conversation.id}`}>
        <span className="conversation-name">{name}</span>
        <span className="conversation-role">{t(conversation.counterpart.role === 'mentor' ? 'conversations.theirRole.mentor' : 'conversations.theirRole.mentee')}</span>
      </Link>
      <p className="conversation-meta">
        {conversation.lastMessageAt ? t('conversations.lastMessage', { when: when(conversation.lastMessageAt) }) : t('conversations.noMessageYet')}
        {conversation.status === 'closed' && <> · {t('conversations.closed')}</>}
      </p>
      {unread > 0 && <p className="unread-count">{t('conversations.unread', { count: unread })}</p>}
    </li>
  );
}
