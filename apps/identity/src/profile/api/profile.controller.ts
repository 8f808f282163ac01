import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { invalidField, uuidParam } from '@passerelle/platform/http';
import { RecordConsentUseCase, GetConsentsUseCase } from '../application/consents.use-case';
import { EraseUserUseCase } from '../application/erase-user.use-case';
import { ExportMyDataUseCase, type PersonalDataExport } from '../application/export-my-data.use-case';
import { GetProfileUseCase } from '../application/get-profile.use-case';
import { GetPublicProfileUseCase } from '../application/get-public-profile.use-case';
import { UpdateProfileUseCase } from '../application/update-profile.use-case';
import { CONSENT_PURPOSES, isConsentPurpose } from '../domain/consent-purpose';
import { ConsentsResponse, MemberProfileResponse, PersonalDataExportResponse, ProfileResponse, PublicProfileResponse, RecordConsentRequest, UpdateProfileRequest } from './profile.dto';

/** The routes under `me` are declared before `:id`, so `me` is never parsed as an id. */
@ApiTags('profile')
@ApiBearerAuth()
@Controller('v1/users')
export class ProfileController {
  constructor(
    private readonly getProfile: GetProfileUseCase,
    private readonly updateProfile: UpdateProfileUseCase,
    private readonly getConsents: GetConsentsUseCase,
    private readonly recordConsent: RecordConsentUseCase,
    private readonly exportMyData: ExportMyDataUseCase,
    private readonly eraseUser: EraseUserUseCase,
    private readonly getPublicProfile: GetPublicProfileUseCase,
  ) {}

  @Get('me')
  @ApiOkResponse({ type: MemberProfileResponse })
  async me(@CurrentUser() caller: AuthUser): Promise<MemberProfileResponse> {
    return this.getProfile.execute({ caller });
  }

  @Patch('me')
  @ApiOkResponse({ type: ProfileResponse })
  @ApiBadRequestResponse({ description: 'Invalid or unknown fields, listed in `details`; nothing is written.' })
  async patchMe(@CurrentUser() caller: AuthUser, @Body() body: UpdateProfileRequest): Promise<ProfileResponse> {
    return this.updateProfile.execute(caller, body);
  }

  @Get('me/consents')
  @ApiOkResponse({ type: ConsentsResponse })
  async consents(@CurrentUser() caller: AuthUser): Promise<ConsentsResponse> {
    return this.getConsents.execute(caller);
  }

  @Put('me/consents/:purpose')
  @ApiOkResponse({ type: ConsentsResponse })
  @ApiBadRequestResponse({ description: `purpose must be one of ${CONSENT_PURPOSES.join(', ')}.` })
  async consent(
    @CurrentUser() caller: AuthUser,
    @Param('purpose') purpose: string,
    @Body() body: RecordConsentRequest,
  ): Promise<ConsentsResponse> {
    if (!isConsentPurpose(purpose)) throw invalidField('purpose', `must be one of ${CONSENT_PURPOSES.join(', ')}`);
    return this.recordConsent.execute(caller, purpose, body.granted);
  }

  @Get('me/export')
  @Header('Content-Disposition', 'attachment; filename="passerelle-identity-export.json"')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: PersonalDataExportResponse, description: 'Everything identity holds about the caller, as a JSON attachment.' })
  async export(@CurrentUser() caller: AuthUser): Promise<PersonalDataExport> {
    return this.exportMyData.execute(caller);
  }

  @Delete('me')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The account is erased; `user.erased` is published.' })
  async eraseMe(@CurrentUser() caller: AuthUser): Promise<void> {
    await this.eraseUser.execute({ caller, userId: caller.userId });
  }

  @Get(':id')
  @ApiOkResponse({ type: MemberProfileResponse })
  @ApiForbiddenResponse({ description: "Only an organizer of the network reads another member's profile." })
  @ApiNotFoundResponse({ description: 'No such user in your network.' })
  async member(@CurrentUser() caller: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<MemberProfileResponse> {
    return this.getProfile.execute({ caller, userId: id });
  }

  @Get(':id/public-profile')
  @ApiOkResponse({ type: PublicProfileResponse, description: "A member's public profile, for the other side of a match they were proposed or matched in (not after a declined proposal), and for organizers." })
  @ApiBadRequestResponse({ description: '`id` is not a UUID.' })
  @ApiForbiddenResponse({ description: 'You were never proposed or matched with this member.' })
  @ApiNotFoundResponse({ description: 'No such user in your network.' })
  async publicProfile(@CurrentUser() caller: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<PublicProfileResponse> {
    return this.getPublicProfile.execute(caller, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The account is erased; `user.erased` is published.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin) erases another account.' })
  @ApiNotFoundResponse({ description: 'No such user in your network.' })
  async erase(@CurrentUser() caller: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.eraseUser.execute({ caller, userId: id });
  }
}
