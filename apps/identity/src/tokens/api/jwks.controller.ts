import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@passerelle/platform/auth';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { JWK } from 'jose';
import { SigningKeyStore } from '../infrastructure/signing-key.store';

/**
 * The public keys every service verifies access tokens with (RFC 7517).
 * Five minutes of caching: a new key is published well before it signs,
 * and verifiers refetch on an unknown `kid` anyway.
 */
@Public()
@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeyStore) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOkResponse({ description: 'JSON Web Key Set: `{keys: [...]}`, Ed25519 public keys with their `kid`.' })
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: await this.keys.publishedKeys() };
  }
}
