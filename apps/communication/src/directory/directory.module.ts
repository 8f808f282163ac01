import { Module } from '@nestjs/common';
import { DirectoryLookup } from './application/directory-lookup';
import { DirectoryUserErasedHandler, UserProfileUpdatedHandler, UserRegisteredHandler } from './infrastructure/identity-events.handler';

/** Recipients copied from identity's events: address, name and language for notifications; erasure leaves a tombstone. */
@Module({
  providers: [UserRegisteredHandler, UserProfileUpdatedHandler, DirectoryUserErasedHandler, DirectoryLookup],
  exports: [DirectoryLookup],
})
export class DirectoryModule {}
