import { Module } from '@nestjs/common';
import { ResourcesController } from './api/resources.controller';
import { CompleteResourceUseCase } from './application/complete-resource.use-case';
import { ArchiveResourceUseCase, PublishResourceUseCase, UpdateResourceUseCase } from './application/manage-resources.use-cases';
import { GetResourceUseCase, ListResourcesUseCase } from './application/read-resources.use-cases';
import { ResourceUserErasedHandler } from './infrastructure/resource-erasure.handler';

/** Resources and training (issue 6, item 6): material per programme and role, training completion and its event. */
@Module({
  controllers: [ResourcesController],
  providers: [
    PublishResourceUseCase,
    UpdateResourceUseCase,
    ArchiveResourceUseCase,
    ListResourcesUseCase,
    GetResourceUseCase,
    CompleteResourceUseCase,
    ResourceUserErasedHandler,
  ],
})
export class ResourcesModule {}
