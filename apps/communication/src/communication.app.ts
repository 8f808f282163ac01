import { defineService } from '@passerelle/platform/bootstrap';
import { communicationConfigSchema } from './config';
import { CohortModule } from './cohort/cohort.module';
import { CohortMemberEntity } from './cohort/infrastructure/cohort-member.entity';
import { CohortProgramEntity } from './cohort/infrastructure/cohort-program.entity';
import { ErasedUserEntity } from './cohort/infrastructure/erased-user.entity';
import { ForumsModule } from './forums/forums.module';
import { ForumPostEntity } from './forums/infrastructure/forum-post.entity';
import { ForumThreadEntity } from './forums/infrastructure/forum-thread.entity';
import { GatheringsModule } from './gatherings/gatherings.module';
import { GatheringRegistrationEntity } from './gatherings/infrastructure/gathering-registration.entity';
import { GatheringEntity } from './gatherings/infrastructure/gathering.entity';
import { CommunicationCohort1764810000000 } from './migrations/1764810000000-communication-cohort.migration';
import { ResourceCompletionEntity } from './resources/infrastructure/resource-completion.entity';
import { ResourceEntity } from './resources/infrastructure/resource.entity';
import { ResourcesModule } from './resources/resources.module';
import { ConversationsModule } from './conversations/conversations.module';
import { ConversationEntity } from './conversations/infrastructure/conversation.entity';
import { MessageEntity } from './conversations/infrastructure/message.entity';
import { DirectoryModule } from './directory/directory.module';
import { DirectoryEntryEntity } from './directory/infrastructure/directory-entry.entity';
import { CommunicationConversations1764800000000 } from './migrations/1764800000000-communication-conversations.migration';
import { PairEntity } from './pairs/infrastructure/pair.entity';
import { PairsModule } from './pairs/pairs.module';
import { CommunicationSessions1764820000000 } from './migrations/1764820000000-communication-sessions.migration';
import { CommunicationNotifications1764830000000 } from './migrations/1764830000000-communication-notifications.migration';
import { MailDeliveryEntity } from './notifications/infrastructure/mail-delivery.entity';
import { NotificationPreferenceEntity } from './notifications/infrastructure/notification-preference.entity';
import { NotificationEntity } from './notifications/infrastructure/notification.entity';
import { NotificationsModule } from './notifications/notifications.module';
import { RemindersModule } from './reminders/reminders.module';
import { SessionEntity } from './sessions/infrastructure/session.entity';
import { SessionsModule } from './sessions/sessions.module';

/** Conversations of matched pairs (SSE), sessions with their e-mailed invitations, reminders, cohort forums, gatherings, resources and training, notifications. */
export const communicationApp = defineService({
  description: {
    service: 'communication',
    title: 'Passerelle communication',
    description: 'Conversations, sessions and invitations, reminders, forums, gatherings, resources and notifications.',
  },
  configSchema: communicationConfigSchema,
  entities: [DirectoryEntryEntity, PairEntity, ConversationEntity, MessageEntity, CohortProgramEntity, CohortMemberEntity, ErasedUserEntity, ForumThreadEntity, ForumPostEntity, GatheringEntity, GatheringRegistrationEntity, ResourceEntity, ResourceCompletionEntity, SessionEntity, MailDeliveryEntity, NotificationEntity, NotificationPreferenceEntity],
  migrations: [CommunicationConversations1764800000000, CommunicationCohort1764810000000, CommunicationSessions1764820000000, CommunicationNotifications1764830000000],
  imports: [DirectoryModule, PairsModule, ConversationsModule, CohortModule, ForumsModule, GatheringsModule, ResourcesModule, SessionsModule, NotificationsModule, RemindersModule],
});
