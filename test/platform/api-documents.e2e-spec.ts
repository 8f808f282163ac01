import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminToken, type PopulatedNetwork, populateNetwork, type ServiceApps, startServiceApps } from '@passerelle/testing';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { SERVICE_APPS } from '../../tools/deploy/service-catalogue';

const ROOT = join(__dirname, '..', '..');

type Schema = Record<string, unknown>;
interface Document {
  readonly paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  readonly components: { schemas: Record<string, Schema> };
}

/**
 * A document's schema as JSON Schema that refuses what it does not describe:
 * OpenAPI 3.0's `nullable` becomes "or null", and an object with described
 * properties accepts no other property, so an answer with an undocumented
 * field fails.
 */
function strictSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, ...rest } = schema as Schema;
  const strict: Schema = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, key === 'properties' ? mapValues(value, strictSchema) : strictSchema(value)]));
  if (strict['properties'] && strict['additionalProperties'] === undefined) strict['additionalProperties'] = false;
  return nullable ? { anyOf: [strict, { type: 'null' }] } : strict;
}

const mapValues = (record: unknown, map: (value: unknown) => unknown) => Object.fromEntries(Object.entries(record as Schema).map(([key, value]) => [key, map(value)]));

/**
 * What the services serve at `/docs-json` is what the web application's
 * client was generated from (apps/web/src/api/openapi), and real answers of
 * the operations whose bodies are described have exactly the described shape.
 */
describe("the services' OpenAPI documents, as served", () => {
  let services: ServiceApps;
  let network: PopulatedNetwork;
  const documents: Record<string, Document> = {};

  beforeAll(async () => {
    services = await startServiceApps(SERVICE_APPS, {
      // Pairs are judged as their events arrive, so the populated network's alert comes within a second.
      evaluation: { ALERT_SWEEP_INTERVAL_MS: '200' },
    });
    for (const [service, app] of Object.entries(services.apps)) documents[service] = (await app.http.get('/docs-json').expect(200)).body as Document;
    network = await populateNetwork(services, 'documents');
  }, 180_000);

  afterAll(async () => {
    await services?.close();
  });

  it('are the documents the web application’s API client was generated from', () => {
    for (const definition of SERVICE_APPS) {
      const service = definition.description.service;
      const committed = JSON.parse(readFileSync(join(ROOT, 'apps', 'web', 'src', 'api', 'openapi', `${service}.json`), 'utf8')) as unknown;
      expect({ service, document: documents[service] }).toEqual({ service, document: committed });
    }
  });

  /** Calls an operation and checks its answer against the schema the document gives that status. */
  async function expectDocumentedAnswer(
    service: string,
    method: 'get' | 'post' | 'put',
    template: string,
    request: { token?: string; params?: Record<string, string>; query?: Record<string, string>; body?: object; status: number },
  ): Promise<unknown> {
    const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => request.params?.[name] ?? `{${name}}`);
    let call = services.apps[service].http[method](path).query(request.query ?? {});
    if (request.token) call = call.set('authorization', `Bearer ${request.token}`);
    const response = await (request.body ? call.send(request.body) : call);
    expect({ operation: `${method.toUpperCase()} ${template}`, status: response.status }).toEqual({ operation: `${method.toUpperCase()} ${template}`, status: request.status });
    const document = documents[service];
    const schema = document.paths[template][method].responses[String(request.status)].content?.['application/json']?.schema;
    if (!schema) throw new Error(`${service} ${method.toUpperCase()} ${template}: no JSON schema for ${request.status}`);
    const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile({ allOf: [strictSchema(schema)], components: strictSchema(document.components) });
    const valid = validate(response.body);
    expect({ operation: `${method.toUpperCase()} ${template}`, errors: valid ? [] : validate.errors }).toEqual({ operation: `${method.toUpperCase()} ${template}`, errors: [] });
    return response.body;
  }

  it("answers identity's key set and personal-data export as described", async () => {
    const body = (await expectDocumentedAnswer('identity', 'get', '/.well-known/jwks.json', { status: 200 })) as { keys: unknown[] };
    expect(body.keys.length).toBeGreaterThan(0);
    const exported = (await expectDocumentedAnswer('identity', 'get', '/v1/users/me/export', { token: network.actors.mentee.token, status: 200 })) as {
      account: { id: string };
    };
    expect(exported.account.id).toBe(network.actors.mentee.userId);
  });

  it("answers evaluation's reports, alerts, rules and rebuild status as described", async () => {
    const organizer = network.actors.organizer.token;
    const [programId] = network.ids['program'];
    const [alertId] = network.ids['alert'];
    const report = (await expectDocumentedAnswer('evaluation', 'get', '/v1/reports/programs/{programId}', { token: organizer, params: { programId }, status: 200 })) as {
      programId: string;
      generation: number;
    };
    expect(report.programId).toBe(programId);
    const progress = (await expectDocumentedAnswer('evaluation', 'get', '/v1/reports/programs/{programId}/me', {
      token: network.actors.mentee.token,
      params: { programId },
      status: 200,
    })) as { programId: string };
    expect(progress.programId).toBe(programId);
    const page = (await expectDocumentedAnswer('evaluation', 'get', '/v1/alerts', { token: organizer, query: { programId }, status: 200 })) as {
      items: Array<{ id: string }>;
    };
    expect(page.items.map((item) => item.id)).toEqual([alertId]);
    const acknowledged = (await expectDocumentedAnswer('evaluation', 'post', '/v1/alerts/{alertId}/acknowledge', { token: organizer, params: { alertId }, status: 200 })) as {
      acknowledgedBy: string;
    };
    expect(acknowledged.acknowledgedBy).toBe(network.actors.organizer.userId);
    const rules = { cadenceFactor: 3, noShowThreshold: 2, lowRating: 2, minRatings: 2, declinedRescheduleThreshold: 3 };
    await expectDocumentedAnswer('evaluation', 'put', '/v1/alerts/rules/{programId}', { token: organizer, params: { programId }, body: rules, status: 200 });
    expect(await expectDocumentedAnswer('evaluation', 'get', '/v1/alerts/rules/{programId}', { token: organizer, params: { programId }, status: 200 })).toEqual({
      programId,
      ...rules,
      custom: true,
    });
    const admin = await adminToken(services.apps['identity'].http);
    const generation = String(report.generation);
    expect(await expectDocumentedAnswer('evaluation', 'get', '/v1/reports/rebuilds/{generation}', { token: admin, params: { generation }, status: 200 })).toMatchObject({
      generation: report.generation,
      state: 'live',
    });
  });

  it('answers an error in the shared error shape, as every document says', async () => {
    const body = await expectDocumentedAnswer('evaluation', 'get', '/v1/alerts/rules/{programId}', {
      token: network.actors.organizer.token,
      params: { programId: 'not-a-uuid' },
      status: 400,
    });
    expect(body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.any(String), details: [{ path: 'programId', issue: expect.any(String) }] });
  });
});
