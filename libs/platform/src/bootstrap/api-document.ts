import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiProperty, DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ReferenceObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { type ConfigSchema, DEVELOPMENT_MODE, loadConfig, MODE_VARIABLE } from '../config/config-schema';
import { type ServiceConfig, type ServiceDefinition, type ServiceDescription, ServiceRootModule } from './service-definition';

export class ErrorDetailResponse {
  @ApiProperty({ example: 'email', description: 'The field, dotted into nested objects and indexed into arrays (`goals.0.title`); `body` for the body itself.' })
  readonly path: string;

  @ApiProperty({ example: 'email must be an email' })
  readonly issue: string;
}

/** The one error shape of every API (see HttpErrorFilter). */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  readonly statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  readonly error: string;

  @ApiProperty({ example: 'Invalid request.' })
  readonly message: string;

  @ApiProperty({ type: [ErrorDetailResponse], description: 'What is wrong with which field; empty when no field is at fault.' })
  readonly details: ErrorDetailResponse[];
}

const ERROR_SCHEMA = { $ref: '#/components/schemas/ErrorResponse' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The service's OpenAPI document (served at `/docs-json`). Every error
 * response carries the shared error shape, since the global filter answers
 * every error in it, and every operation behind a bearer token lists the 401
 * the token guard answers, so a generated client is typed for errors too.
 */
export function buildApiDocument(app: INestApplication, description: ServiceDescription): OpenAPIObject {
  const builder = new DocumentBuilder().setTitle(description.title).setDescription(description.description).setVersion('1').addBearerAuth();
  for (const [name, scheme] of Object.entries(description.securitySchemes ?? {})) builder.addSecurity(name, scheme);
  const document = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ErrorResponse] });
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = operation.responses as Record<string, ResponseObject | ReferenceObject>;
      const bearer = (operation.security ?? []).some((requirement) => 'bearer' in requirement);
      if (bearer && !responses['401']) responses['401'] = { description: 'No valid access token.' };
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && !('$ref' in response) && !response.content) {
          response.content = { 'application/json': { schema: ERROR_SCHEMA } };
        }
      }
    }
  }
  return document;
}

/**
 * The document the service would serve, built without a database, Kafka or
 * SMTP: Nest's preview mode wires the modules without instantiating
 * providers, which is all the document reads. For the web client's generator
 * and its drift test.
 */
export async function describeServiceApi<S extends ConfigSchema>(definition: ServiceDefinition<S>): Promise<OpenAPIObject> {
  const config = loadConfig(definition.configSchema, { [MODE_VARIABLE]: DEVELOPMENT_MODE }) as ServiceConfig<S>;
  const app = await NestFactory.create(ServiceRootModule.build(definition, config), { preview: true, logger: false, abortOnError: false });
  try {
    return buildApiDocument(app, definition.description);
  } finally {
    await app.close();
  }
}
