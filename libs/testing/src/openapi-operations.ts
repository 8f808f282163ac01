import type { TestApp } from './test-app';

/** The part of a JSON Schema (as @nestjs/swagger writes it) that the sweeps read. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly allOf?: readonly JsonSchema[];
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly nullable?: boolean;
  readonly example?: unknown;
}

export interface OperationParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface ApiOperation {
  readonly service: string;
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As the document writes it: `/v1/programs/{id}`. */
  readonly path: string;
  readonly parameters: readonly OperationParameter[];
  /** The JSON body's schema, references resolved at the top level only (see `resolveSchema`). */
  readonly body?: JsonSchema;
  /** No bearer token asked for: reachable by anyone (identity's session cookie routes included). */
  readonly public: boolean;
  /** `POST /v1/programs/{id}/publish`: names the operation in test output. */
  readonly name: string;
  /** The document's schemas, to resolve `$ref`s further down. */
  readonly schemas: Readonly<Record<string, JsonSchema>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the app's OpenAPI document (`/docs-json`), as the service serves it. */
export async function apiOperations(app: TestApp, service: string): Promise<ApiOperation[]> {
  const response = await app.http.get('/docs-json');
  if (response.status !== 200) throw new Error(`${service}: /docs-json answered ${response.status}`);
  const document = response.body as {
    paths: Record<string, Record<string, { parameters?: OperationParameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> }; security?: Array<Record<string, unknown>> }>>;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  const schemas = document.components?.schemas ?? {};
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    METHODS.filter((method) => operations[method]).map((method) => {
      const operation = operations[method];
      const body = operation.requestBody?.content?.['application/json']?.schema;
      return {
        service,
        method,
        path,
        parameters: (operation.parameters ?? []).map((parameter) => ({ ...parameter, required: parameter.required ?? false })),
        ...(body ? { body: resolveSchema(body, schemas) } : {}),
        public: !(operation.security ?? []).some((requirement) => 'bearer' in requirement),
        name: `${method.toUpperCase()} ${path}`,
        schemas,
      };
    }),
  );
}

/** The schema a `$ref` (or a single-member `allOf`, as swagger writes nested DTOs) points to. */
export function resolveSchema(schema: JsonSchema, schemas: Readonly<Record<string, JsonSchema>>): JsonSchema {
  if (schema.$ref) return resolveSchema(schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}, schemas);
  if (schema.allOf?.length === 1) return resolveSchema(schema.allOf[0], schemas);
  return schema;
}
