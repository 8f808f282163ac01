import type { ServiceDefinition } from '@passerelle/platform/bootstrap';
import type { ConfigSchema } from '@passerelle/platform/config';
import { createTestApp, type TestApp } from './test-app';

/**
 * Starts the given services in this process, the first one (identity) alone
 * first: the others verify tokens with its keys. `env` adds settings per
 * service name.
 */
export async function startServiceApps(
  definitions: ReadonlyArray<ServiceDefinition<ConfigSchema>>,
  env: (service: string) => Record<string, string> = () => ({}),
): Promise<Map<string, TestApp>> {
  const apps = new Map<string, TestApp>();
  const [identity, ...others] = definitions;
  const first = await createTestApp(identity, { env: env(identity.description.service) });
  apps.set(identity.description.service, first);
  const jwks = { AUTH_JWKS_URL: `${first.url}/.well-known/jwks.json` };
  const started = await Promise.all(others.map((definition) => createTestApp(definition, { env: { ...jwks, ...env(definition.description.service) } })));
  others.forEach((definition, index) => apps.set(definition.description.service, started[index]));
  return apps;
}

export type JsonSchema = {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly nullable?: boolean;
  readonly required?: readonly string[];
  readonly properties?: Record<string, JsonSchema>;
  readonly items?: JsonSchema;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly allOf?: readonly JsonSchema[];
  readonly $ref?: string;
};

export interface OpenApiParameter {
  readonly name: string;
  readonly in: string;
  readonly schema?: JsonSchema;
}

/** One operation of a service's OpenAPI document, its request body's schema resolved. */
export interface ApiOperation {
  readonly service: string;
  readonly method: string;
  /** As documented, e.g. `/v1/programs/{programId}`. */
  readonly path: string;
  readonly parameters: readonly OpenApiParameter[];
  readonly bodySchema?: JsonSchema;
}

/** Every operation of each app's `/docs-json`, so that a sweep covers new endpoints without being told. */
export async function apiOperations(apps: ReadonlyMap<string, TestApp>): Promise<ApiOperation[]> {
  const operations: ApiOperation[] = [];
  for (const [service, app] of apps) {
    const document = (await app.http.get('/docs-json').expect(200)).body;
    const resolve = (schema: JsonSchema | undefined, seen: readonly string[] = []): JsonSchema | undefined => {
      if (!schema) return undefined;
      if (schema.$ref) {
        if (seen.includes(schema.$ref)) return {};
        const name = schema.$ref.replace('#/components/schemas/', '');
        return resolve(document.components.schemas[name], [...seen, schema.$ref]);
      }
      if (schema.allOf?.length === 1) return resolve(schema.allOf[0], seen);
      return {
        ...schema,
        items: resolve(schema.items, seen),
        properties: schema.properties && Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, resolve(property, seen)!])),
      };
    };
    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        const content = (operation['requestBody'] as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content;
        operations.push({
          service,
          method: method.toUpperCase(),
          path,
          parameters: (operation['parameters'] as OpenApiParameter[] | undefined) ?? [],
          bodySchema: resolve(content?.['application/json']?.schema),
        });
      }
    }
  }
  return operations;
}
