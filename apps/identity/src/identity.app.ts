import { APP_CONFIG } from '@passerelle/platform';
import { defineService } from '@passerelle/platform/bootstrap';
import { DataSource } from 'typeorm';
import { AccountsModule } from './accounts/accounts.module';
import { UserEntity } from './accounts/infrastructure/user.entity';
import { type IdentityConfig, identityConfigSchema } from './config';
import { IdentityInitial1764201700000 } from './migrations/1764201700000-identity-initial.migration';
import { IdentityAccounts1764300000000 } from './migrations/1764300000000-identity-accounts.migration';
import { IdentityTokens1764310000000 } from './migrations/1764310000000-identity-tokens.migration';
import { IdentityRegistration1764320000000 } from './migrations/1764320000000-identity-registration.migration';
import { IdentityProfile1764330000000 } from './migrations/1764330000000-identity-profile.migration';
import { IdentityRegistrationTrust1764340000000 } from './migrations/1764340000000-identity-registration-trust.migration';
import { IdentityRevocation1765000000200 } from './migrations/1765000000200-identity-revocation.migration';
import { IdentityProfileLocale1765100000000 } from './migrations/1765100000000-identity-profile-locale.migration';
import { IdentityMatchPartners1765100000100 } from './migrations/1765100000100-identity-match-partners.migration';
import { NetworkEntity } from './networks/infrastructure/network.entity';
import { ServiceAccountEntity } from './networks/infrastructure/service-account.entity';
import { NetworksModule } from './networks/networks.module';
import { ConsentEntity } from './profile/infrastructure/consent.entity';
import { MatchPartnerEntity } from './profile/infrastructure/match-partner.entity';
import { ProfileEntity } from './profile/infrastructure/profile.entity';
import { ProfileModule } from './profile/profile.module';
import { AccountMailEntity } from './registration/infrastructure/account-mail.entity';
import { OneTimeTokenEntity } from './registration/infrastructure/one-time-token.entity';
import { RegistrationModule } from './registration/registration.module';
import { SESSION_SECURITY, SESSION_SECURITY_SCHEME } from './tokens/api/session-cookie';
import { localAccessTokenKeys } from './tokens/infrastructure/local-access-token-keys';
import { RefreshTokenEntity } from './tokens/infrastructure/refresh-token.entity';
import { SigningKeyEntity } from './tokens/infrastructure/signing-key.entity';
import { SigningKeyStore } from './tokens/infrastructure/signing-key.store';
import { TokensModule } from './tokens/tokens.module';

export const identityApp = defineService({
  description: {
    service: 'identity',
    title: 'Passerelle identity',
    description: 'Networks (tenants), accounts, roles, tokens, consent and erasure.',
    securitySchemes: { [SESSION_SECURITY]: SESSION_SECURITY_SCHEME },
  },
  configSchema: identityConfigSchema,
  entities: [NetworkEntity, UserEntity, ServiceAccountEntity, SigningKeyEntity, RefreshTokenEntity, OneTimeTokenEntity, ProfileEntity, ConsentEntity, AccountMailEntity, MatchPartnerEntity],
  migrations: [IdentityInitial1764201700000, IdentityAccounts1764300000000, IdentityTokens1764310000000, IdentityRegistration1764320000000, IdentityProfile1764330000000, IdentityRegistrationTrust1764340000000, IdentityRevocation1765000000200, IdentityProfileLocale1765100000000, IdentityMatchPartners1765100000100],
  imports: [NetworksModule, AccountsModule, TokensModule, RegistrationModule, ProfileModule],
  accessTokenKeys: {
    inject: [DataSource, APP_CONFIG],
    useFactory: (dataSource: DataSource, config: IdentityConfig) => localAccessTokenKeys(new SigningKeyStore(dataSource, config)),
  },
});
