import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import type { SecuritySchemeObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { AccessTokenKeysProvider } from '../auth/access-token-keys';
import type { ConfigOf, ConfigSchema } from '../config/config-schema';
import type { DatabaseOptions } from '../database/data-source';
import { PlatformModule } from '../platform.module';
import type { PlatformConfig } from '../platform-tokens';

export interface ServiceDescription {
  readonly service: string;
  readonly title: string;
  readonly description: string;
  /** Credentials its document names besides the bearer token every service takes (identity's browser session cookie). */
  readonly securitySchemes?: Readonly<Record<string, SecuritySchemeObject>>;
}

/**
 * Everything that makes one deployable: its name, its configuration schema,
 * its tables and its bounded contexts. `main.ts`, the migration command and
 * the test app factory all build the service from this one description.
 */
export interface ServiceDefinition<S extends ConfigSchema = ConfigSchema> {
  readonly description: ServiceDescription;
  readonly configSchema: S;
  readonly entities: DatabaseOptions['entities'];
  readonly migrations: DatabaseOptions['migrations'];
  /** The service's context modules. */
  readonly imports: NonNullable<ModuleMetadata['imports']>;
  /** Extra providers at the root, e.g. a test's own event handlers. */
  readonly providers?: NonNullable<ModuleMetadata['providers']>;
  /** Only identity sets this: it verifies tokens from its own key table rather than over HTTP to itself. */
  readonly accessTokenKeys?: AccessTokenKeysProvider;
}

export function defineService<S extends ConfigSchema>(definition: ServiceDefinition<S>): ServiceDefinition<S> {
  return definition;
}

export type ServiceConfig<S extends ConfigSchema> = ConfigOf<S> & PlatformConfig;

@Module({})
export class ServiceRootModule {
  static build<S extends ConfigSchema>(definition: ServiceDefinition<S>, config: ServiceConfig<S>): DynamicModule {
    return {
      module: ServiceRootModule,
      imports: [
        PlatformModule.forRoot({
          service: definition.description.service,
          config,
          entities: definition.entities,
          migrations: definition.migrations,
          accessTokenKeys: definition.accessTokenKeys,
        }),
        ...definition.imports,
      ],
      providers: definition.providers ?? [],
    };
  }
}
