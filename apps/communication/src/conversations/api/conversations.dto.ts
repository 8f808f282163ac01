import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, ValidateBy } from 'class-validator';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../domain/conversation';
import { checkMessageText, MAX_MESSAGE_LENGTH } from '../domain/message-text';

/** The message rules of the domain, reported at the edge as `text: <why>`. */
function IsMessageText(): PropertyDecorator {
  return ValidateBy({
    name: 'isMessageText',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || checkMessageText(value).ok,
      defaultMessage: (args) => {
        const checked = typeof args?.value === 'string' ? checkMessageText(args.value) : undefined;
        return checked && !checked.ok ? checked.issue : 'is invalid';
      },
    },
  });
}

export class ListConversationsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page.' })
  @IsOptional()
  @IsUUID(undefined, { message: 'must be a UUID' })
  cursor?: string;

  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES })
  @IsOptional()
  @IsIn(CONVERSATION_STATUSES, { message: `must be one of ${CONVERSATION_STATUSES.join(', ')}` })
  status?: ConversationStatus;
}

export class ListMessagesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page: continues with older messages.' })
  @IsOptional()
  @IsUUID(undefined, { message: 'must be a UUID' })
  cursor?: string;
}

export class StreamQuery {
  @ApiPropertyOptional({
    description:
      'The access token, for EventSource clients that cannot set headers (this route only; prefer the Authorization header: ' +
      'a URL may end up in proxy logs).',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  access_token?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Same as the `Last-Event-ID` header, for clients that reconnect by hand.' })
  @IsOptional()
  @IsUUID(undefined, { message: 'must be a UUID' })
  lastEventId?: string;
}

export class SendMessageRequest {
  @ApiProperty({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH, description: `1–${MAX_MESSAGE_LENGTH} characters once trimmed.` })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @IsMessageText()
  text: string;
}

export class MarkReadRequest {
  @ApiProperty({ format: 'uuid', description: 'The newest message read: it and every message before it count as read.' })
  @IsDefined({ message: 'is required' })
  @IsUUID(undefined, { message: 'must be a message id (UUID)' })
  upTo: string;
}

export class MessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ enum: ['mentor', 'mentee'] }) senderRole: 'mentor' | 'mentee';
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null once the sender erased their account.' }) senderId: string | null;
  @ApiProperty({ description: 'Sent by you.' }) mine: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Null when the sender erased their account: show "message removed".' }) text: string | null;
  @ApiProperty() erased: boolean;
  @ApiProperty({ description: 'Characters (Unicode code points) of the text as sent.' }) length: number;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
}

export class MessagePageResponse {
  @ApiProperty({ type: [MessageResponse], description: 'Newest first.' }) items: MessageResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for older messages; null on the oldest page.' }) nextCursor: string | null;
}

class CounterpartResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null once they erased their account.' }) userId: string | null;
  @ApiProperty({ enum: ['mentor', 'mentee'] }) role: 'mentor' | 'mentee';
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
}

class ReadPointerResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The newest message read.' }) upTo: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) at: string | null;
}

class ReadStateResponse {
  @ApiProperty({ type: ReadPointerResponse }) mine: ReadPointerResponse;
  @ApiProperty({ type: ReadPointerResponse, description: 'The other participant’s read receipt.' }) counterpart: ReadPointerResponse;
}

export class ConversationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ enum: CONVERSATION_STATUSES, description: 'closed: the match ended; history stays readable, nothing new can be sent.' })
  status: ConversationStatus;
  @ApiProperty({ nullable: true, type: String, description: "The match's end reason, or participant_erased." }) closedReason: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ enum: ['mentor', 'mentee'] }) myRole: 'mentor' | 'mentee';
  @ApiProperty({ type: CounterpartResponse }) counterpart: CounterpartResponse;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) lastMessageId: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastMessageAt: string | null;
  @ApiProperty({ description: "The other participant's messages after your read receipt." }) unreadCount: number;
  @ApiProperty({ type: ReadStateResponse }) read: ReadStateResponse;
}

export class ConversationPageResponse {
  @ApiProperty({ type: [ConversationResponse] }) items: ConversationResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ReadReceiptResponse {
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ format: 'uuid', description: 'Your read receipt now (it never moves back).' }) upTo: string;
  @ApiProperty({ format: 'date-time' }) readAt: string;
  @ApiProperty() unreadCount: number;
}
