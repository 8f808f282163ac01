import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { ForumsController } from './api/forums.controller';
import { AddPostUseCase, ListPostsUseCase, ModeratePostUseCase } from './application/posts.use-cases';
import { GetThreadUseCase, ListThreadsUseCase, ModerateThreadUseCase, StartThreadUseCase } from './application/threads.use-cases';
import { ForumUserErasedHandler } from './infrastructure/forum-erasure.handler';

/** Forums (issue 6, item 4): per programme threads and posts for the cohort, organizer moderation, erasure. */
@Module({
  imports: [DirectoryModule],
  controllers: [ForumsController],
  providers: [
    ListThreadsUseCase,
    StartThreadUseCase,
    GetThreadUseCase,
    ModerateThreadUseCase,
    ListPostsUseCase,
    AddPostUseCase,
    ModeratePostUseCase,
    ForumUserErasedHandler,
  ],
})
export class ForumsModule {}
