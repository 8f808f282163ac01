import {
  type ActorRole,
  type ApiOperation,
  apiOperations,
  expectEventually,
  type JsonSchema,
  populateNetwork,
  type PopulatedNetwork,
  resolveSchema,
  type ServiceApps,
  startServiceApps,
  type TestApp,
} from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { SERVICE_APPS } from '../tools/deploy/service-catalogue';

/**
 * Every operation of the five OpenAPI documents, called by network B's
 * organizer, mentor, mentee and integrator with network A's ids in every
 * place that names an id: no answer may carry A's data, no call may change
 * it, and a refusal says 404 (the id does not exist for B) or 403 (the
 * route is not B's role's). An operation added later is swept as soon as it
 * is in its service's document; one with a parameter this file cannot map
 * fails the first test until the mapping below learns its name.
 *
 * How a name finds its id: `ID_KINDS` maps parameter and body field names
 * to a kind of record (`programId` → A's programme); a parameter named `id`
 * takes the kind of the collection before it (`/v1/matches/{id}` → A's
 * match), and a page `cursor` (the last id of the previous page) the kind of
 * the collection listed; `VOCABULARIES` lists the path parameters that name a fixed value
 * shared by every network (`kind`, `role`, …), never a record.
 */

/** Parameter and body field names that carry an id, and the kind of record (as `PopulatedNetwork.ids` names them). */
const ID_KINDS: Readonly<Record<string, string>> = {
  networkId: 'network',
  userId: 'user',
  userIds: 'user',
  excludedUserIds: 'user',
  mentorId: 'user',
  menteeId: 'user',
  programId: 'program',
  enrollmentId: 'enrollment',
  menteeEnrollmentId: 'enrollment',
  mentorEnrollmentId: 'enrollment',
  goalId: 'goal',
  termId: 'term',
  matchId: 'match',
  conversationId: 'conversation',
  messageId: 'message',
  // A conversation's read marker and the stream's resumption point are messages.
  upTo: 'message',
  lastEventId: 'message',
  threadId: 'thread',
  postId: 'post',
  gatheringId: 'gathering',
  resourceId: 'resource',
  sessionId: 'session',
  notificationId: 'notification',
  alertId: 'alert',
  serviceAccountId: 'serviceAccount',
  accountId: 'serviceAccount',
  clientId: 'clientId',
  client_id: 'clientId',
};

/** The kind of an `{id}` path parameter, by the collection segment before it. */
const COLLECTIONS: Readonly<Record<string, string>> = {
  networks: 'network',
  users: 'user',
  programs: 'program',
  enrollments: 'enrollment',
  goals: 'goal',
  matches: 'match',
  conversations: 'conversation',
  messages: 'message',
  threads: 'thread',
  posts: 'post',
  gatherings: 'gathering',
  resources: 'resource',
  sessions: 'session',
  notifications: 'notification',
  alerts: 'alert',
  // A gathering's registrations are one per person.
  registrations: 'user',
  'service-accounts': 'serviceAccount',
};

/**
 * Path parameters that name a value of a fixed vocabulary, the same in every
 * network (the document's enum wins when it has one): a taxonomy's kind, a
 * programme role, a consent purpose, and a rebuild generation (rebuilds
 * belong to the platform, not to a network).
 */
const VOCABULARIES: Readonly<Record<string, string>> = { kind: 'skills', role: 'mentee', purpose: 'emails', generation: '1' };

const B_ROLES: readonly ActorRole[] = ['organizer', 'mentor', 'mentee', 'integrator'];

interface SweepRequest {
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body?: unknown;
}

class UnmappedParameter extends Error {}

function kindOf(name: string, operation: ApiOperation): string {
  if (ID_KINDS[name]) return ID_KINDS[name];
  const segments = operation.path.split('/');
  const collection = name === 'id' ? segments[segments.indexOf('{id}') - 1] : name === 'cursor' ? segments[segments.length - 1] : undefined;
  if (collection && COLLECTIONS[collection]) return COLLECTIONS[collection];
  throw new UnmappedParameter(`${operation.name}: the parameter "${name}" names no kind of id this sweep knows (see ID_KINDS, COLLECTIONS)`);
}

function idOf(target: PopulatedNetwork, kind: string, operation: ApiOperation): string {
  const id = target.ids[kind]?.[0];
  if (!id) throw new UnmappedParameter(`${operation.name}: the populated network has no "${kind}"`);
  return id;
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000);

/**
 * A value the schema accepts, with `target`'s ids wherever the field names
 * one; objects get their required fields and every field that names an id.
 */
function valueFor(name: string, raw: JsonSchema, operation: ApiOperation, target: PopulatedNetwork): unknown {
  const schema = resolveSchema(raw, operation.schemas);
  const isId = ID_KINDS[name] !== undefined || schema.format === 'uuid' || schema.items?.format === 'uuid';
  if (isId) {
    const id = idOf(target, kindOf(name, operation), operation);
    return schema.type === 'array' ? [id] : id;
  }
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date') return future(40).toISOString().slice(0, 10);
      if (schema.format === 'date-time') return future(3).toISOString();
      if (typeof schema.example === 'string') return schema.example;
      return 'Sweep text'.padEnd(schema.minLength ?? 0, '.').slice(0, schema.maxLength ?? 100);
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => valueFor(name, schema.items ?? {}, operation, target));
    default: {
      if (!schema.properties) return schema.example ?? {};
      // A body of optional fields only (a change, a moderation) must usually name one: it gets them all.
      const all = (schema.required ?? []).length === 0;
      const fields = Object.entries(schema.properties).filter(([field]) => all || schema.required?.includes(field) || ID_KINDS[field] !== undefined);
      return Object.fromEntries(fields.map(([field, property]) => [field, valueFor(field, property, operation, target)]));
    }
  }
}

/** A body that worked for the caller's own network, every id-named field given `target`'s id instead. */
function retarget(value: unknown, name: string, operation: ApiOperation, target: PopulatedNetwork): unknown {
  if (ID_KINDS[name] !== undefined) {
    const id = idOf(target, kindOf(name, operation), operation);
    return Array.isArray(value) ? [id] : id;
  }
  if (Array.isArray(value)) return value.map((item) => retarget(item, name, operation, target));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, retarget(inner, field, operation, target)]));
  return value;
}

/** The request `operation` gets: `target`'s ids in every path, query and body field that names one. */
function requestFor(operation: ApiOperation, target: PopulatedNetwork, caller: PopulatedNetwork): SweepRequest {
  const query: Record<string, string> = {};
  let path = operation.path;
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') {
      const fixed = VOCABULARIES[parameter.name];
      const value = fixed !== undefined ? String(parameter.schema.enum?.[0] ?? fixed) : idOf(target, kindOf(parameter.name, operation), operation);
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
    } else if (parameter.in === 'query') {
      const namesId = ID_KINDS[parameter.name] !== undefined || parameter.schema.format === 'uuid';
      if (namesId || parameter.required) query[parameter.name] = String(valueFor(parameter.name, parameter.schema, operation, target));
    }
  }
  if (!operation.body) return { path, query };
  const known = caller.bodies.get(operation.name);
  const body = known !== undefined ? retarget(known, '', operation, target) : valueFor('', operation.body, operation, target);
  return { path, query, body };
}

interface Answer {
  readonly status: number;
  readonly text: string;
}

/** Sends the request as a client would; a stream is read until it says it is ready (or for two seconds at most), then closed. */
async function send(app: TestApp, method: string, request: SweepRequest, token: string): Promise<Answer> {
  const url = new URL(request.path, app.url);
  for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method: method.toUpperCase(), headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) });
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return { status: response.status, text: await response.text() };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 2_000;
  while (!text.includes('event: ready') && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<undefined>((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())))]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return { status: response.status, text };
}

/** Every string by which A's data can be recognised in an answer. */
function markersOf(network: PopulatedNetwork): string[] {
  return [network.slug, network.networkId, ...Object.values(network.ids).flat(), ...network.emails];
}

type Snapshot = Record<string, string[]>;

/** Every row of every table of every service that mentions one of A's markers, as text. */
async function snapshot(services: ServiceApps, markers: readonly string[]): Promise<Snapshot> {
  const patterns = markers.map((marker) => `%${marker}%`);
  const rows: Snapshot = {};
  for (const [service, app] of Object.entries(services.apps)) {
    const tables: Array<{ name: string }> = await app.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    );
    for (const { name } of tables) {
      const found: Array<{ row: string }> = await app.dataSource.query(`SELECT t::text AS row FROM "${name}" t WHERE t::text LIKE ANY($1) ORDER BY 1`, [patterns]);
      if (found.length > 0) rows[`${service}.${name}`] = found.map(({ row }) => row);
    }
  }
  return rows;
}

/** Rows that appeared or disappeared (a changed row does both). */
function differences(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const is = new Set(after[table] ?? []);
    for (const row of was) if (!is.has(row)) out.push(`${table} lost: ${row.slice(0, 300)}`);
    for (const row of is) if (!was.has(row)) out.push(`${table} gained: ${row.slice(0, 300)}`);
  }
  return out;
}

/** Work still to do in the background: events not yet published, mails not yet sent. */
async function backlog(services: ServiceApps): Promise<number> {
  let pending = 0;
  for (const app of Object.values(services.apps)) {
    const [outbox] = await app.dataSource.query('SELECT count(*)::int AS count FROM outbox WHERE published_at IS NULL');
    pending += outbox.count;
  }
  const [mail] = await services.apps['communication'].dataSource.query(`SELECT count(*)::int AS count FROM mail_deliveries WHERE status = 'pending'`);
  return pending + mail.count;
}

/** A snapshot once the background work is done and two snapshots in a row agree (projections, sweeps). */
async function settledSnapshot(services: ServiceApps, markers: readonly string[]): Promise<Snapshot> {
  let previous = await snapshot(services, markers);
  return expectEventually(
    async () => {
      const pending = await backlog(services);
      if (pending > 0) throw new Error(`${pending} events or mails still pending`);
      const current = await snapshot(services, markers);
      const changed = differences(previous, current);
      previous = current;
      if (changed.length > 0) throw new Error(`still changing: ${changed.slice(0, 5).join('\n')}`);
      return current;
    },
    { timeoutMs: 30_000, intervalMs: 500 },
  );
}

/** The same kinds of ids as `network`, none of which exists anywhere. */
function ghostOf(network: PopulatedNetwork): PopulatedNetwork {
  const ids = Object.fromEntries(Object.entries(network.ids).map(([kind, values]) => [kind, values.map(() => (kind === 'term' || kind === 'clientId' ? `ghost-${randomUUID().slice(0, 8)}` : randomUUID()))]));
  return { ...network, ids, networkId: ids['network'][0], slug: `ghost-${randomUUID().slice(0, 8)}`, emails: [] };
}

/** The answer with each id the request sent replaced by its kind, so answers to different ids compare. */
function normalise(text: string, network: PopulatedNetwork, sent: readonly string[]): string {
  let out = text;
  for (const [kind, values] of Object.entries(network.ids)) for (const value of values) if (sent.includes(value)) out = out.split(value).join(`<${kind}>`);
  return out;
}

describe('tenancy: no network reaches another network’s data', () => {
  let services: ServiceApps;
  let a: PopulatedNetwork;
  let b: PopulatedNetwork;
  let operations: ApiOperation[];
  let ghost: PopulatedNetwork;

  beforeAll(async () => {
    services = await startServiceApps(SERVICE_APPS, {
      // Pairs are judged as their events arrive, so the populated networks' alerts come within a second.
      evaluation: { ALERT_SWEEP_INTERVAL_MS: '200' },
      communication: { MAIL_POLL_INTERVAL_MS: '100' },
    });
    [a, b] = await Promise.all([populateNetwork(services, 'tenancy-a'), populateNetwork(services, 'tenancy-b')]);
    ghost = ghostOf(a);
    operations = (await Promise.all(Object.entries(services.apps).map(([service, app]) => apiOperations(app, service)))).flat();
  }, 180_000);

  afterAll(async () => {
    await services?.close();
  });

  it('maps every path parameter and id field of every operation to one of the other network’s ids', () => {
    const unmapped: string[] = [];
    for (const operation of operations) {
      try {
        requestFor(operation, a, b);
      } catch (error) {
        if (!(error instanceof UnmappedParameter)) throw error;
        unmapped.push(error.message);
      }
    }
    expect(unmapped).toEqual([]);
    expect(new Set(operations.map((operation) => operation.service))).toEqual(new Set(['identity', 'intake', 'matching', 'communication', 'evaluation']));
  });

  /** Sends `operation` with A's ids and, if refused, with ids that exist nowhere: what is wrong with the answer, if anything. */
  async function judge(operation: ApiOperation, token: string, markers: readonly string[]): Promise<{ status: number; finding?: string }> {
    const app = services.apps[operation.service];
    const request = requestFor(operation, a, b);
    const answer = await send(app, operation.method, request, token);
    const sent = markers.filter((marker) => JSON.stringify(request).includes(marker));
    const seen = normalise(answer.text, a, sent);
    const leaked = markers.find((marker) => seen.includes(marker));
    const where = `${operation.name} → ${answer.status}`;
    if (answer.status >= 500) return { status: answer.status, finding: `${where}: ${answer.text.slice(0, 300)}` };
    if (answer.status < 300 && leaked) return { status: answer.status, finding: `${where} carries A's "${leaked}": ${answer.text.slice(0, 300)}` };
    if (answer.status < 300 || sent.length === 0 || operation.public) return { status: answer.status };
    const probe = requestFor(operation, ghost, b);
    const control = await send(app, operation.method, probe, token);
    const unseen = normalise(control.text, ghost, markersOf(ghost).filter((marker) => JSON.stringify(probe).includes(marker)));
    if (control.status !== answer.status || unseen !== seen) {
      return { status: answer.status, finding: `${where} but ${control.status} for ids that exist nowhere: ${answer.text.slice(0, 200)} / ${control.text.slice(0, 200)}` };
    }
    const namesId = answer.status === 400 && (JSON.parse(answer.text) as { details?: Array<{ path: string }> }).details?.every(({ path }) => ID_KINDS[path] !== undefined);
    if (answer.status !== 403 && answer.status !== 404 && !namesId) return { status: answer.status, finding: `${where}, neither 404, 403 nor a 400 naming the id: ${answer.text.slice(0, 300)}` };
    return { status: answer.status };
  }

  it('never lets B’s organizer, members or integrator read or change A’s data with A’s ids', async () => {
    const markers = markersOf(a);
    const before = await settledSnapshot(services, markers);
    const findings: string[] = [];
    const statuses = new Map<number, number>();
    // The caller's own erasure goes last, so its token stays good for the rest.
    const ordered = operations
      .filter((operation) => !operation.public)
      .sort((x, y) => Number(x.name === 'DELETE /v1/users/me') - Number(y.name === 'DELETE /v1/users/me'));
    await Promise.all(
      B_ROLES.map(async (role) => {
        for (const operation of ordered) {
          const { status, finding } = await judge(operation, b.actors[role].token, markers);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (finding) findings.push(`${role} ${finding}`);
        }
      }),
    );
    const after = await settledSnapshot(services, markers);
    findings.push(...differences(before, after));
    process.stderr.write(
      `tenancy-sweep: ${ordered.length} operations × ${B_ROLES.length} roles = ${ordered.length * B_ROLES.length} calls; answers ${[...statuses]
        .sort(([x], [y]) => x - y)
        .map(([status, count]) => `${status}×${count}`)
        .join(', ')}\n`,
    );
    expect(findings).toEqual([]);
  }, 120_000);

  it('never answers A’s data on a public route given A’s ids', async () => {
    const markers = markersOf(a);
    const publicOperations = operations.filter((operation) => operation.public);
    expect(publicOperations.length).toBeGreaterThan(0);
    const findings: string[] = [];
    for (const operation of publicOperations) {
      const { finding } = await judge(operation, b.actors.organizer.token, markers);
      if (finding) findings.push(finding);
    }
    process.stderr.write(`tenancy-sweep: ${publicOperations.length} public operations (throttled and counted per account, so apart from the check of A's rows)\n`);
    expect(findings).toEqual([]);
  });
});
