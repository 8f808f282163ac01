import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { FORUM_TEXT_MAX, THREAD_TITLE_MAX } from '../domain/forum-rules';

const NOT_BLANK = /\S/;

export class StartThreadRequest {
  @ApiProperty({ maxLength: THREAD_TITLE_MAX, example: 'Preparing a first interview' })
  @IsString({ message: 'must be a string' })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(THREAD_TITLE_MAX, { message: `must be at most ${THREAD_TITLE_MAX} characters` })
  title: string;

  @ApiProperty({ maxLength: FORUM_TEXT_MAX, example: 'What helped you most before your first interview?' })
  @IsString({ message: 'must be a string' })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(FORUM_TEXT_MAX, { message: `must be at most ${FORUM_TEXT_MAX} characters` })
  body: string;
}

export class AddPostRequest {
  @ApiProperty({ maxLength: FORUM_TEXT_MAX, example: 'Rehearsing out loud with my mentor.' })
  @IsString({ message: 'must be a string' })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(FORUM_TEXT_MAX, { message: `must be at most ${FORUM_TEXT_MAX} characters` })
  body: string;
}

export class ModerateThreadRequest {
  @ApiPropertyOptional({ description: 'true: members no longer see the thread; false: shown again.' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  hidden?: boolean;

  @ApiPropertyOptional({ description: 'true: the thread takes no new posts (409); false: open again.' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  locked?: boolean;
}

export class ModeratePostRequest {
  @ApiProperty({ description: 'true: members no longer see the post; false: shown again.' })
  @IsBoolean({ message: 'must be true or false' })
  hidden: boolean;
}

export class ThreadResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null once the author erased their account.' }) authorId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The author\'s display name; null once they erased their account, or while communication has not heard of them yet.' })
  authorName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null once the author erased their account (`erased`).' }) title: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null once the author erased their account (`erased`).' }) body: string | null;
  @ApiProperty({ description: 'The author erased their account: the text is gone, the replies stay.' }) erased: boolean;
  @ApiProperty({ description: 'No new posts.' }) locked: boolean;
  @ApiProperty({ description: 'Hidden from members (only organizers see hidden threads).' }) hidden: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastPostAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lockedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) hiddenAt: string | null;
}

export class ThreadPageResponse {
  @ApiProperty({ type: [ThreadResponse] }) items: ThreadResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class PostResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) threadId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null once the author erased their account.' }) authorId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The author\'s display name; null once they erased their account, or while communication has not heard of them yet.' })
  authorName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null once the author erased their account (`erased`).' }) body: string | null;
  @ApiProperty({ description: 'The author erased their account: a placeholder keeps the post\'s place.' }) erased: boolean;
  @ApiProperty({ description: 'Hidden from members (only organizers see hidden posts).' }) hidden: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) hiddenAt: string | null;
}

export class PostPageResponse {
  @ApiProperty({ type: [PostResponse] }) items: PostResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
