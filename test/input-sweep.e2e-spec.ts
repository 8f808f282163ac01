import {
  adminToken,
  type ApiOperation,
  apiOperations,
  createTestMember,
  createTestNetwork,
  expectEventually,
  type JsonSchema,
  resolveSchema,
  type ServiceApps,
  startServiceApps,
  type TestApp,
} from '@passerelle/testing';
import { randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import { SERVICE_APPS } from '../tools/deploy/service-catalogue';

/** One malformed request: what is sent, and the field its answer must name. */
interface Case {
  readonly name: string;
  /** A JSON value, or raw text sent as it is with `contentType`. */
  readonly body: unknown;
  readonly raw?: { readonly text: string; readonly contentType: string };
  /** Every one of these paths must be named in `details` (a deeper path under it counts). */
  readonly names: readonly string[];
  /** When given, `details` names nothing else: the validator requires no field that the document calls optional. */
  readonly only?: boolean;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LONG_TEXT = 'x'.repeat(100_000);
const DEEP_JSON = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);

/**
 * Every write operation of the five services' OpenAPI documents, sent bodies
 * derived from its schema that are wrong in one known way each: never a 5xx,
 * always a 4xx whose `details` names the offending field (or `body` for a
 * problem of the whole body), and nothing written. New endpoints are swept as
 * soon as they are documented.
 */
describe('malformed bodies, every write operation of every service', () => {
  let services: ServiceApps;
  let apps: Map<string, TestApp>;
  let admin: string;
  let networkId: string;
  let userId: string;
  let addressCounter = 0;

  beforeAll(async () => {
    // Each request comes from its own address (X-Forwarded-For), so that
    // throttles per address never answer in validation's place.
    const common = { HTTP_TRUST_PROXY_HOPS: '1' };
    services = await startServiceApps(SERVICE_APPS, {
      identity: { ...common, PUBLIC_APP_URL: 'https://mentoring.test' },
      intake: common,
      matching: common,
      // Periodic sweeps would write on their own between two snapshots.
      communication: { ...common, REMINDER_SWEEP_INTERVAL_MS: '3600000' },
      evaluation: { ...common, ALERT_SWEEP_INTERVAL_MS: '3600000', PAIR_RECHECK_INTERVAL_MS: '3600000' },
    });
    apps = new Map(Object.entries(services.apps));
    const identity = apps.get('identity')!;
    admin = await adminToken(identity.http);
    const network = await createTestNetwork(identity.http, admin, 'sweep');
    networkId = network.id;
    userId = (await createTestMember(identity.http, identity.dataSource, network, { roles: ['organizer'] })).userId;
  }, 120_000);

  afterAll(async () => {
    await services?.close();
  });

  it('answers every malformed body with a 4xx naming the field, and writes nothing', async () => {
    const documented = await Promise.all([...apps].map(([service, app]) => apiOperations(app, service)));
    const operations = documented.flat().filter((operation) => WRITES.has(operation.method.toUpperCase()) && operation.body);
    // The setup's events have reached every consumer once two snapshots a moment apart agree.
    let settled = await snapshots();
    await expectEventually(
      async () => {
        const now = await snapshots();
        const same = JSON.stringify(now) === JSON.stringify(settled);
        settled = now;
        if (!same) throw new Error('the databases are still being written');
      },
      { timeoutMs: 30_000, intervalMs: 1_000 },
    );

    const failures: string[] = [];
    let requests = 0;
    for (const operation of operations) {
      const app = apps.get(operation.service)!;
      const before = await snapshot(operation.service);
      for (const malformed of casesFor(operation.body!, operation.schemas)) {
        requests++;
        const answer = await send(app, operation, malformed);
        const problem = judge(answer, malformed);
        if (problem) failures.push(`${operation.method} ${operation.path} [${malformed.name}]: ${problem}`);
      }
      const after = await snapshot(operation.service);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length > 0) failures.push(`${operation.method} ${operation.path}: wrote to ${changed.join(', ')}`);
    }
    process.stdout.write(`input sweep: ${operations.length} write operations × their malformed bodies = ${requests} requests\n`);
    expect(operations.length).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers the reported crashes with a 400 or 415 naming the field, and keeps the profile as it was', async () => {
    const [identity, intake, communication, evaluation] = ['identity', 'intake', 'communication', 'evaluation'].map((service) => apps.get(service)!.http);
    const bearer = { authorization: `Bearer ${admin}` };
    const detailsOf = (response: { body: { details: unknown } }) => response.body.details;
    const deep = await identity.post('/v1/auth/login').set('content-type', 'application/json').send(DEEP_JSON).expect(400);
    expect(detailsOf(deep)).toEqual([{ path: 'body', issue: 'is nested deeper than 32 levels' }]);
    for (const route of ['/v1/auth/password-reset', '/v1/auth/register']) {
      const surrogate = await identity.post(route).send({ network: 'sweep', email: 'camille\uD800@example.org', password: 'a long enough password' }).expect(400);
      expect(detailsOf(surrogate)).toEqual([{ path: 'email', issue: 'must not contain an unpaired UTF-16 surrogate' }]);
    }
    const before = (await identity.get('/v1/users/me').set(bearer).expect(200)).body;
    const nul = await identity.patch('/v1/users/me').set(bearer).send({ bio: 'a\u0000b' }).expect(400);
    expect(detailsOf(nul)).toEqual([{ path: 'bio', issue: 'must not contain the NUL character' }]);
    const plain = await identity.patch('/v1/users/me').set(bearer).set('content-type', 'text/plain').send('{"bio":"changed"}').expect(415);
    expect(plain.body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'The request body has an unsupported media type.',
      details: [{ path: 'body', issue: 'must be sent as application/json' }],
    });
    expect((await identity.get('/v1/users/me').set(bearer).expect(200)).body).toEqual(before);

    const enrolment = { programId: randomUUID(), role: 'mentee', templateVersion: 1, answers: {} };
    for (const baseline of [undefined, [], null]) {
      const response = await intake.post('/v1/enrollments').set(bearer).send({ ...enrolment, baseline }).expect(400);
      expect(detailsOf(response)).toContainEqual({ path: 'baseline', issue: 'must be an object' });
      expect(new Set(response.body.details.map((detail: { path: string }) => detail.path))).toEqual(new Set(['baseline']));
    }
    const preferences = await communication.put('/v1/notifications/preferences').set(bearer).send({ email: [] }).expect(400);
    expect(detailsOf(preferences)).toEqual([{ path: 'email', issue: 'must be an object' }]);
    const rebuild = await evaluation.post('/v1/reports/rebuilds').set(bearer).send([]).expect(400);
    expect(detailsOf(rebuild)).toEqual([{ path: 'body', issue: 'must be a JSON object' }]);
  });

  /** A concrete path for the operation: the test network's and member's ids where named, a documented value or a fresh id elsewhere. */
  function pathOf(operation: ApiOperation): string {
    // A platform admin names the network of a network-scoped write in the query.
    const query = operation.parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'networkId') ? `?networkId=${networkId}` : '';
    const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
      if (name === 'networkId') return networkId;
      if (name === 'userId') return userId;
      const schema = operation.parameters.find((parameter) => parameter.name === name)?.schema;
      if (schema?.enum) return String(schema.enum[0]);
      if (schema?.type === 'integer' || schema?.type === 'number') return '1';
      return randomUUID();
    });
    return path + query;
  }

  async function send(app: TestApp, operation: ApiOperation, malformed: Case) {
    addressCounter++;
    const request = app.http[operation.method](pathOf(operation))
      .set('authorization', `Bearer ${admin}`)
      .set('x-forwarded-for', `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`);
    if (malformed.raw) return request.set('content-type', malformed.raw.contentType).send(malformed.raw.text);
    return request.set('content-type', 'application/json').send(JSON.stringify(malformed.body));
  }

  /**
   * Row count and a checksum of the content of every table of the service's
   * database. The outbox's relay marks rows published and deletes old ones
   * on its own, so of the outbox only its highest position counts: it grows
   * with every event written, and with nothing else. Everything else only
   * changes when a request or an event is handled (the periodic sweeps are
   * set to an hour), and the sweep waits for the setup's events to be
   * handled before it starts.
   */
  async function snapshot(service: string): Promise<Record<string, string>> {
    const database: DataSource = apps.get(service)!.dataSource;
    const tables: Array<{ name: string }> = await database.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('outbox', 'migrations') ORDER BY 1",
    );
    const [outbox] = await database.query('SELECT coalesce(max(position), 0)::text AS sum FROM outbox');
    const sums: Record<string, string> = { outbox: outbox.sum };
    for (const { name } of tables) {
      const [row] = await database.query(`SELECT count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS sum FROM "${name}" t`);
      sums[name] = row.sum;
    }
    return sums;
  }

  async function snapshots(): Promise<Record<string, Record<string, string>>> {
    const all: Record<string, Record<string, string>> = {};
    for (const service of apps.keys()) all[service] = await snapshot(service);
    return all;
  }
});

function judge(answer: { status: number; body: { details?: Array<{ path?: unknown }> } }, malformed: Case): string | undefined {
  const brief = `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
  if (answer.status < 400 || answer.status >= 500) return `answered ${brief}`;
  if (![400, 413, 415].includes(answer.status)) return `answered ${brief}, not a validation error`;
  // Survey validation names items as `questions[0].id`, the platform as `questions.0.id`: both name the field.
  const paths = (answer.body.details ?? []).map((detail) => String(detail.path).replace(/\[(\d+)\]/g, '.$1'));
  const missing = malformed.names.filter((name) => !paths.some((path) => path === name || path.startsWith(`${name}.`)));
  if (missing.length > 0) return `does not name ${missing.join(', ')}: ${brief}`;
  const undocumented = malformed.only ? paths.filter((path) => !malformed.names.some((name) => path === name || path.startsWith(`${name}.`))) : [];
  return undocumented.length > 0 ? `requires ${[...new Set(undocumented)].join(', ')}, which the document calls optional: ${brief}` : undefined;
}

/** The bodies sent to an operation whose request body has `schema`. */
function casesFor(schema: JsonSchema, schemas: Readonly<Record<string, JsonSchema>>): Case[] {
  return [
    { name: 'null', body: null, names: ['body'] },
    { name: 'array', body: [], names: ['body'] },
    { name: 'array of an object', body: [{}], names: ['body'] },
    { name: 'string', body: 'text', names: ['body'] },
    { name: 'number', body: 42, names: ['body'] },
    { name: 'deep nesting', body: undefined, raw: { text: DEEP_JSON, contentType: 'application/json' }, names: ['body'] },
    { name: 'text/plain', body: undefined, raw: { text: '{}', contentType: 'text/plain' }, names: ['body'] },
    { name: 'form', body: undefined, raw: { text: 'a=1', contentType: 'application/x-www-form-urlencoded' }, names: ['body'] },
    { name: 'invalid JSON', body: undefined, raw: { text: '{"a":', contentType: 'application/json' }, names: ['body'] },
    { name: 'NUL in a field name', body: { 'a\u0000': 1 }, names: ['body'] },
    ...objectCases(schema, schemas, [], 0),
  ];
}

/** Cases for the object described by `schema` at `path`, each wrapped back into a whole body. */
function objectCases(schema: JsonSchema, schemas: Readonly<Record<string, JsonSchema>>, path: readonly string[], depth: number): Case[] {
  const at = (name: string) => [...path, name].join('.');
  const wrap = (value: unknown): unknown => path.reduceRight<unknown>((inner, key) => (/^\d+$/.test(key) ? [inner] : { [key]: inner }), value);
  // Required fields with documented values get the first one, so that a validator
  // that judges the other fields by such a value (a question's type) judges them.
  const chosen = Object.fromEntries(
    (schema.required ?? [])
      .map((name) => [name, schema.properties?.[name] && resolveSchema(schema.properties[name], schemas).enum?.[0]] as const)
      .filter(([, value]) => value !== undefined),
  );
  const cases: Case[] = [{ name: `${at('unknown')} extra field`, body: wrap({ ...chosen, unexpectedField: 1 }), names: [at('unexpectedField')] }];
  if (schema.required && schema.required.length > 0) {
    cases.push({ name: `${path.join('.') || 'every'} required field missing`, body: wrap({}), names: schema.required.map(at), only: path.length === 0 });
  }
  for (const [name, declared] of Object.entries(schema.properties ?? {})) {
    const property = resolveSchema(declared, schemas);
    const items = property.items && resolveSchema(property.items, schemas);
    const one = (label: string, value: unknown) => cases.push({ name: `${at(name)} ${label}`, body: wrap({ ...chosen, [name]: value }), names: [at(name)] });
    for (const wrong of wrongValuesFor(property)) one(`as ${JSON.stringify(wrong).slice(0, 20)}`, wrong);
    if (property.enum) one('outside its values', 'none-of-these');
    if (property.type === 'string') {
      one('100k characters', LONG_TEXT);
      one('with NUL', 'a\u0000b');
      one('with a lone surrogate', 'a\uD800b');
      // A date documented without its format is still swept as one.
      if (property.format === 'date-time' || property.format === 'date' || /(At|On|Date|Until|From)$/.test(name)) {
        one('impossible date', '2026-02-30T25:61:00Z');
        one('not a date', 'next tuesday');
      }
      if (/zone/i.test(name)) one('unknown time zone', 'Mars/Olympus_Mons');
    }
    if (property.type === 'array' && items?.type === 'string') {
      one('item with NUL', ['a\u0000b']);
      one('item of 100k characters', [LONG_TEXT]);
    }
    if (depth < 3 && property.type === 'object' && property.properties) {
      cases.push(...objectCases(property, schemas, [...path, name], depth + 1));
    }
    if (depth < 3 && property.type === 'array' && items?.properties) {
      cases.push(...objectCases(items, schemas, [...path, name, '0'], depth + 1));
    }
  }
  return cases;
}

/** Values of another JSON type than the schema's. */
function wrongValuesFor(schema: JsonSchema): unknown[] {
  switch (schema.type) {
    case 'string':
      return [12345, { a: 1 }];
    case 'integer':
      return ['12', true, 1.5];
    case 'number':
      return ['12', true];
    case 'boolean':
      return ['true', 1];
    case 'array':
      return ['not a list', { a: 1 }];
    case 'object':
      return ['not an object', [], 7];
    default:
      return [];
  }
}
