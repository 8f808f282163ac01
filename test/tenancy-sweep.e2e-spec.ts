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
 * place that names an id (all at once, then each alone beside B's own valid
 * ids): no answer may carry A's data, no call may change A's rows or what
 * A's people read, and every answer must be the one the same request gets
 * with ids that exist nowhere, so nothing tells B that A's records exist. A
 * refusal of an id in the path is a 404 (or a 403 for a route not of B's
 * role). An operation added later is swept as soon as it is in its
 * service's document; one with an id parameter this file cannot map fails
 * the first test until the mapping below learns its name.
 *
 * How a name finds its id: `ID_KINDS` maps parameter and body field names
 * to a kind of record (`programId` → A's programme); a parameter named `id`
 * takes the kind of the collection before it (`/v1/matches/{id}` → A's
 * match), and a page `cursor` (the last id of the previous page) the kind of
 * the collection listed; `VOCABULARIES` lists the path parameters that name
 * a fixed value shared by every network (`kind`, `role`, …), never a record.
 */

/** Parameter and body field names that carry an id, and the kind of record (as `PopulatedNetwork.ids` names them). */
const ID_KINDS: Readonly<Record<string, string>> = {
  networkId: 'network',
  userId: 'user',
  userIds: 'user',
  excludedUserIds: 'user',
  mentorId: 'mentor',
  menteeId: 'mentee',
  programId: 'program',
  enrollmentId: 'enrollment',
  menteeEnrollmentId: 'menteeEnrollment',
  mentorEnrollmentId: 'mentorEnrollment',
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
 * Which network's id goes into each place that names one (`path:id`,
 * `query:programId`, `body:sessionId`, `body:goalProgress.goalId`):
 * undefined leaves an optional query parameter out.
 */
type Source = (slot: string) => PopulatedNetwork | undefined;

interface Build {
  readonly operation: ApiOperation;
  readonly caller: PopulatedNetwork;
  readonly source: Source;
  /** Every slot the request has, as it is built. */
  readonly slots: string[];
}

function idIn(build: Build, slot: string, name: string, recorded?: unknown): string | string[] | undefined {
  build.slots.push(slot);
  const from = build.source(slot);
  if (!from) return undefined;
  // The caller's own call that worked keeps its ids, so only the slot under test differs from a valid request.
  if (from === build.caller && recorded !== undefined) return recorded as string | string[];
  const id = idOf(from, kindOf(name, build.operation), build.operation);
  return Array.isArray(recorded) ? [id] : id;
}

/**
 * A value the schema accepts, with the source's ids wherever the field names
 * one; objects get their required fields and every field that names an id.
 */
function valueFor(build: Build, slot: string, name: string, raw: JsonSchema): unknown {
  const schema = resolveSchema(raw, build.operation.schemas);
  if (ID_KINDS[name] !== undefined || schema.format === 'uuid' || schema.items?.format === 'uuid') {
    const id = idIn(build, slot, name);
    return schema.type === 'array' && typeof id === 'string' ? [id] : id;
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
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => valueFor(build, slot, name, schema.items ?? {}));
    default: {
      if (!schema.properties) return schema.example ?? {};
      // A body of optional fields only (a change, a moderation) must usually name one: it gets them all.
      const all = (schema.required ?? []).length === 0;
      const fields = Object.entries(schema.properties).filter(([field]) => all || schema.required?.includes(field) || ID_KINDS[field] !== undefined);
      return Object.fromEntries(fields.map(([field, property]) => [field, valueFor(build, `${slot}.${field}`, field, property)]));
    }
  }
}

/** A body that worked for the caller's own network, each id-named field taken from its slot's source. */
function retarget(build: Build, slot: string, name: string, value: unknown): unknown {
  if (ID_KINDS[name] !== undefined) return idIn(build, slot, name, value);
  if (Array.isArray(value)) return value.map((item) => retarget(build, slot, name, item));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, retarget(build, `${slot}.${field}`, field, inner)]));
  return value;
}

/** The request `operation` gets, each id from its slot's source, and the slots it has. */
function requestFor(operation: ApiOperation, caller: PopulatedNetwork, source: Source): SweepRequest & { readonly slots: readonly string[] } {
  const build: Build = { operation, caller, source, slots: [] };
  const recorded = caller.calls.get(operation.name);
  const query: Record<string, string> = {};
  let path = operation.path;
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') {
      const fixed = VOCABULARIES[parameter.name];
      const value = fixed !== undefined ? String(parameter.schema.enum?.[0] ?? fixed) : idIn(build, `path:${parameter.name}`, parameter.name, recorded?.params[parameter.name]);
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    } else if (parameter.in === 'query') {
      const namesId = ID_KINDS[parameter.name] !== undefined || parameter.schema.format === 'uuid';
      if (!namesId && !parameter.required) continue;
      const value = valueFor(build, `query:${parameter.name}`, parameter.name, parameter.schema);
      if (value !== undefined) query[parameter.name] = String(value);
    }
  }
  if (!operation.body) return { path, query, slots: build.slots };
  const body = recorded?.body !== undefined ? retarget(build, 'body', '', recorded.body) : valueFor(build, 'body', '', operation.body);
  return { path, query, body, slots: build.slots };
}

/**
 * The requests that put `target`'s ids in front of the tenant checks: all
 * its ids at once, then each slot alone with the caller's own ids elsewhere
 * (and the other optional query filters left out), so that a check on one
 * id cannot hide a missing check on another; last, for a read, the
 * caller's own request with no filter, whose answer must not hold
 * `target`'s data either (a list not scoped to the caller's network). The
 * caller's own writes are not replayed: they would change what the next
 * operations find.
 */
function requestsFor(operation: ApiOperation, caller: PopulatedNetwork, target: PopulatedNetwork): Array<SweepRequest & { readonly slots: readonly string[] }> {
  const all = requestFor(operation, caller, () => target);
  const optional = new Set(operation.parameters.filter((parameter) => parameter.in === 'query' && !parameter.required).map((parameter) => `query:${parameter.name}`));
  const alone = all.slots.length > 1 ? all.slots.map((slot) => requestFor(operation, caller, (other) => (other === slot ? target : optional.has(other) ? undefined : caller))) : [];
  const own = all.slots.length > 0 && operation.method === 'get' ? [requestFor(operation, caller, (slot) => (optional.has(slot) ? undefined : caller))] : [];
  return [all, ...alone, ...own];
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
    const chunk = await Promise.race([reader.read(), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now())))]);
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

/** Rows that disappeared, and rows that appeared and `counts` (a changed row does both). */
function differences(before: Snapshot, after: Snapshot, counts: (row: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const is = new Set(after[table] ?? []);
    for (const row of was) if (!is.has(row)) out.push(`${table} lost: ${row.slice(0, 300)}`);
    for (const row of is) if (!was.has(row) && counts(row)) out.push(`${table} gained: ${row.slice(0, 300)}`);
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
  // Mails due soon (a first send, a retry's back-off), not those another suite sharing the database deferred for a day.
  const [mail] = await services.apps['communication'].dataSource.query(
    `SELECT count(*)::int AS count FROM mail_deliveries WHERE status = 'pending' AND next_attempt_at <= now() + interval '5 minutes'`,
  );
  return pending + mail.count;
}

/**
 * A snapshot once the background work is done and two snapshots in a row
 * agree (projections, sweeps). Generous, for a loaded machine: a mail the
 * SMTP server did not take at once waits out its retry back-off first.
 */
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
    { timeoutMs: 90_000, intervalMs: 500 },
  );
}

/** The same ids as `network`, each replaced by one that exists nowhere (an id under two kinds keeps one stand-in). */
function ghostOf(network: PopulatedNetwork): PopulatedNetwork {
  const standIns = new Map<string, string>();
  const standIn = (kind: string, value: string) => {
    if (!standIns.has(value)) standIns.set(value, kind === 'term' || kind === 'clientId' ? `ghost-${randomUUID().slice(0, 8)}` : randomUUID());
    return standIns.get(value) as string;
  };
  const ids = Object.fromEntries(Object.entries(network.ids).map(([kind, values]) => [kind, values.map((value) => standIn(kind, value))]));
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
        requestsFor(operation, b, a);
      } catch (error) {
        if (!(error instanceof UnmappedParameter)) throw error;
        unmapped.push(error.message);
      }
    }
    expect(unmapped).toEqual([]);
    expect(new Set(operations.map((operation) => operation.service))).toEqual(new Set(['identity', 'intake', 'matching', 'communication', 'evaluation']));
  });

  /** A's ids that B sent in its own writes (accepted only as readily as ids that exist nowhere, which each call checks): B may read them back. */
  const written = new Set<string>();

  /** Sends one request carrying A's ids and its twin carrying ids that exist nowhere: what is wrong with the answer, if anything. */
  async function judge(operation: ApiOperation, request: SweepRequest, probe: SweepRequest, token: string, markers: readonly string[]): Promise<{ status: number; finding?: string }> {
    const app = services.apps[operation.service];
    const sent = markers.filter((marker) => JSON.stringify(request).includes(marker));
    // Known as B's own input before the write lands: calls run side by side, so a read may see it before this one is judged.
    if (operation.method !== 'get') for (const marker of sent) written.add(marker);
    const answer = await send(app, operation.method, request, token);
    const seen = normalise(answer.text, a, [...sent, ...written]);
    const leaked = markers.find((marker) => seen.includes(marker));
    const where = `${operation.name} ${JSON.stringify(request)} → ${answer.status}`;
    if (answer.status >= 500) return { status: answer.status, finding: `${where}: ${answer.text.slice(0, 300)}` };
    if (answer.status < 300 && leaked) return { status: answer.status, finding: `${where} carries A's "${leaked}": ${answer.text.slice(0, 300)}` };
    if (sent.length === 0 || operation.public) return { status: answer.status };
    const control = await send(app, operation.method, probe, token);
    const unseen = normalise(control.text, ghost, markersOf(ghost).filter((marker) => JSON.stringify(probe).includes(marker)));
    // Answers that succeed hold what the call created or read at that instant; their status alone must not tell A's ids from unknown ones.
    if (control.status !== answer.status || (answer.status >= 300 && unseen !== seen)) {
      return { status: answer.status, finding: `${where} but ${control.status} for ids that exist nowhere: ${answer.text.slice(0, 200)} / ${control.text.slice(0, 200)}` };
    }
    if (answer.status < 300) return { status: answer.status };
    // An id in the path addresses A's record itself: the refusal says it does not exist for B, or that the route is not B's role's.
    const elsewhere = JSON.stringify({ query: request.query, body: request.body });
    const addressed = markers.some((marker) => request.path.includes(marker)) && !markers.some((marker) => elsewhere.includes(marker));
    if (addressed && answer.status !== 403 && answer.status !== 404) return { status: answer.status, finding: `${where}, neither 404 nor 403: ${answer.text.slice(0, 300)}` };
    return { status: answer.status };
  }

  /** Every request of `operation` with A's ids, each with its twin carrying ids that exist nowhere. */
  function pairsFor(operation: ApiOperation): Array<[SweepRequest, SweepRequest]> {
    const probes = requestsFor(operation, b, ghost);
    return requestsFor(operation, b, a).map((request, index) => [request, probes[index]]);
  }

  /** What A's organizer and mentee read through every GET with A's own ids; instants are left out, they move with the clock. */
  async function viewOf(network: PopulatedNetwork): Promise<string[]> {
    const reads = operations.filter((operation) => operation.method === 'get' && !operation.public && !operation.path.endsWith('/stream'));
    const lines: string[] = [];
    for (const role of ['organizer', 'mentee'] as const) {
      for (const operation of reads) {
        const answer = await send(services.apps[operation.service], 'get', requestFor(operation, network, () => network), network.actors[role].token);
        lines.push(`${role} ${operation.name} → ${answer.status} ${answer.text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<instant>')}`);
      }
    }
    return lines;
  }

  it('never lets B’s organizer, members or integrator read or change A’s data with A’s ids', async () => {
    const markers = markersOf(a);
    const before = await settledSnapshot(services, markers);
    const viewBefore = await viewOf(a);
    const findings: string[] = [];
    const statuses = new Map<number, number>();
    let calls = 0;
    // The caller's own erasure goes last, so its token stays good for the rest.
    const ordered = operations
      .filter((operation) => !operation.public)
      .sort((x, y) => Number(x.name === 'DELETE /v1/users/me') - Number(y.name === 'DELETE /v1/users/me'));
    await Promise.all(
      B_ROLES.map(async (role) => {
        for (const operation of ordered) {
          for (const [request, probe] of pairsFor(operation)) {
            const { status, finding } = await judge(operation, request, probe, b.actors[role].token, markers);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            calls += 1;
            if (finding) findings.push(`${role} ${finding}`);
          }
        }
      }),
    );
    const after = await settledSnapshot(services, markers);
    const viewAfter = await viewOf(a);
    findings.push(...viewAfter.filter((line, index) => line !== viewBefore[index]).map((line) => `A's view changed: ${line.slice(0, 300)}`));
    // A row B gained may name an id B sent (an exclusion of someone outside its network): a finding only when it is A's or holds A's data.
    const ofA = [a.networkId, a.slug, ...a.emails];
    findings.push(...differences(before, after, (row) => ofA.some((marker) => row.includes(marker)) || !row.includes(b.networkId)));
    process.stderr.write(
      `tenancy-sweep: ${ordered.length} operations × ${B_ROLES.length} roles (${calls} requests: A's ids all at once, each alone, none); answers ${[...statuses]
        .sort(([x], [y]) => x - y)
        .map(([status, count]) => `${status}×${count}`)
        .join(', ')}; A's own view: ${viewBefore.length} reads, ${viewBefore.filter((line) => line.includes(' → 200 ')).length} answered 200\n`,
    );
    expect(findings).toEqual([]);
  }, 120_000);

  it('never answers A’s data on a public route given A’s ids', async () => {
    const markers = markersOf(a);
    const publicOperations = operations.filter((operation) => operation.public);
    expect(publicOperations.length).toBeGreaterThan(0);
    const findings: string[] = [];
    for (const operation of publicOperations) {
      for (const [request, probe] of pairsFor(operation)) {
        const { finding } = await judge(operation, request, probe, b.actors.organizer.token, markers);
        if (finding) findings.push(finding);
      }
    }
    process.stderr.write(`tenancy-sweep: ${publicOperations.length} public operations (throttled and counted per account, so apart from the check of A's rows)\n`);
    expect(findings).toEqual([]);
  });
});
