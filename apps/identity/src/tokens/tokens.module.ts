import { Module } from '@nestjs/common';
import { PasswordHasher } from '../accounts/infrastructure/password-hasher';
import { AuthController } from './api/auth.controller';
import { BrowserSessionController } from './api/browser-session.controller';
import { JwksController } from './api/jwks.controller';
import { ClientCredentialsUseCase } from './application/client-credentials.use-case';
import { LoginUseCase } from './application/login.use-case';
import { LogoutUseCase } from './application/logout.use-case';
import { RefreshSessionUseCase } from './application/refresh-session.use-case';
import { TokenIssuer } from './application/token.issuer';
import { AttemptThrottleStore } from './infrastructure/attempt-throttle.store';
import { RefreshTokenRevoker } from './infrastructure/refresh-token.revoker';
import { SigningKeyStore } from './infrastructure/signing-key.store';

/** Signing keys and JWKS, login, refresh-token rotation, logout (in the body, or in a browser's session cookie) and client credentials. */
@Module({
  controllers: [AuthController, BrowserSessionController, JwksController],
  providers: [
    SigningKeyStore,
    TokenIssuer,
    AttemptThrottleStore,
    PasswordHasher,
    LoginUseCase,
    RefreshSessionUseCase,
    LogoutUseCase,
    ClientCredentialsUseCase,
    RefreshTokenRevoker,
  ],
  // One Argon2id hasher for identity (its dummy hash for unknown accounts is computed once), one throttle store.
  exports: [RefreshTokenRevoker, PasswordHasher, AttemptThrottleStore],
})
export class TokensModule {}
