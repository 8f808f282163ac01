import { Module } from '@nestjs/common';
import { TokensModule } from '../tokens/tokens.module';
import { ProfileController } from './api/profile.controller';
import { GetConsentsUseCase, RecordConsentUseCase } from './application/consents.use-case';
import { EraseUserUseCase } from './application/erase-user.use-case';
import { ExportMyDataUseCase } from './application/export-my-data.use-case';
import { GetProfileUseCase } from './application/get-profile.use-case';
import { GetPublicProfileUseCase } from './application/get-public-profile.use-case';
import { RecordMatchPartnersUseCase } from './application/record-match-partners.use-case';
import { UpdateProfileUseCase } from './application/update-profile.use-case';
import { MatchAcceptedPartnersHandler, MatchDeclinedPartnersHandler, MatchEndedPartnersHandler, MatchProposedPartnersHandler } from './infrastructure/match-events.handler';

/** Profile, consent, export and erasure: the person's side of GDPR (issue 3, items 5 and 6). */
@Module({
  imports: [TokensModule],
  controllers: [ProfileController],
  providers: [
    GetProfileUseCase,
    UpdateProfileUseCase,
    GetConsentsUseCase,
    RecordConsentUseCase,
    ExportMyDataUseCase,
    EraseUserUseCase,
    GetPublicProfileUseCase,
    RecordMatchPartnersUseCase,
    MatchProposedPartnersHandler,
    MatchAcceptedPartnersHandler,
    MatchDeclinedPartnersHandler,
    MatchEndedPartnersHandler,
  ],
})
export class ProfileModule {}
