import { useTranslation } from 'react-i18next';
import { Outlet, useOutletContext } from 'react-router';
import type { FeedStatus } from './conversation-feed';
import { useConversationFeed } from './conversation-queries';

/** The messaging pages share one live stream, kept open while the person goes from the list to a conversation and back. */
export function ConversationsLayout() {
  const { t } = useTranslation();
  const status = useConversationFeed();
  return (
    <>
      <p className="feed-status" role="status">
        {status === 'reconnecting' ? t('conversations.reconnecting') : null}
      </p>
      <Outlet context={status} />
    </>
  );
}

export function useFeedStatus(): FeedStatus {
  return useOutletContext<FeedStatus | undefined>() ?? 'connecting';
}
