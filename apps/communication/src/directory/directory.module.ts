import { Module } from '@nestjs/common';
import { DirectoryLookup } from './application/directory-lookup';
import {
  DirectoryUserErasedHandler,
  UserProfileUpdatedHandler,
  UserRegisteredHandler,
  UserRoleGrantedHandler,
  UserRoleRevokedHandler,
} from './infrastructure/identity-events.handler';

/** Recipients copied from identity's events: address, name, language and roles for notifications; erasure leaves a tombstone. */
@Module({
  providers: [UserRegisteredHandler, UserProfileUpdatedHandler, UserRoleGrantedHandler, UserRoleRevokedHandler, DirectoryUserErasedHandler, DirectoryLookup],
  exports: [DirectoryLookup],
})
export class DirectoryModule {}
