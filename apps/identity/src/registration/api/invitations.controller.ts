import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, RequireRoles } from '@passerelle/platform/auth';
import { uuidParam } from '@passerelle/platform/http';
import { InviteMemberUseCase } from '../application/invite-member.use-case';
import { InvitationRequest, InvitationResponse } from './registration.dto';

@ApiTags('registration')
@ApiBearerAuth()
@Controller('v1/networks/:networkId/invitations')
export class InvitationsController {
  constructor(private readonly invite: InviteMemberUseCase) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('organizer', 'platform_admin')
  @ApiCreatedResponse({ type: InvitationResponse, description: 'The invitation is mailed to the address.' })
  @ApiBadRequestResponse({ description: 'Invalid fields, listed in `details`.' })
  @ApiForbiddenResponse({ description: 'The caller is not an organizer.' })
  @ApiNotFoundResponse({ description: 'No such network, or not the caller\'s.' })
  @ApiConflictResponse({ description: 'The address already has an account in this network.' })
  async create(
    @CurrentUser() caller: AuthUser,
    @Param('networkId', uuidParam('networkId')) networkId: string,
    @Body() body: InvitationRequest,
  ): Promise<InvitationResponse> {
    const invitation = await this.invite.execute(caller, { networkId, email: body.email, role: body.role });
    return { ...invitation, expiresAt: invitation.expiresAt.toISOString() };
  }
}
