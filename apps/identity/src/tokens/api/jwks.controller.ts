import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@passerelle/platform/auth';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { JWK } from 'jose';
import { SigningKeyStore } from '../infrastructure/signing-key.store';

class PublicKeyResponse {
  @ApiProperty({ example: 'OKP' }) kty: string;
  @ApiProperty({ example: 'Ed25519' }) crv: string;
  @ApiProperty({ description: 'The public key, base64url.' }) x: string;
  @ApiProperty({ description: 'Names the key in the `kid` header of the tokens it signs.' }) kid: string;
  @ApiProperty({ example: 'EdDSA' }) alg: string;
  @ApiProperty({ example: 'sig' }) use: string;
}

class JwksResponse {
  @ApiProperty({ type: [PublicKeyResponse], description: 'Newest first.' }) keys: PublicKeyResponse[];
}

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
  @ApiOkResponse({ type: JwksResponse, description: 'JSON Web Key Set (RFC 7517): the Ed25519 public keys tokens are verified with.' })
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: await this.keys.publishedKeys() };
  }
}
