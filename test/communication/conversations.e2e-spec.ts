import {
  createEnvelope,
  type MatchAcceptedData,
  matchAccepted,
  type MatchEndedData,
  matchEnded,
  messageSent,
  toKafkaMessage,
  validateEventData,
} from '@passerelle/contracts';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  expectEventually,
  KafkaProbe,
  loginAs,
  RawProducer,
  SseClient,
  type TestApp,
  type TestNetwork,
} from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { communicationApp } from '../../apps/communication/src/communication.app';
import { identityApp } from '../../apps/identity/src/identity.app';

/**
 * Conversations (issue 6, item 1) and their erasure (item 8), end to end:
 * identity's real events fill communication's directory, `match.accepted`
 * records on the real broker open a pair's conversation, messages posted on
 * one instance reach a Server-Sent Events client connected to another (two
 * communication apps on one database, delivery through PostgreSQL
 * LISTEN/NOTIFY), and only the two participants ever read the text.
 */
describe('communication: conversations', () => {
  let identity: TestApp;
  let communication: TestApp;
  let replica: TestApp | undefined;
  let probe: KafkaProbe;
  let producer: RawProducer;
  let admin: string;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    probe = await new KafkaProbe([messageSent.topic]).start();
    producer = new RawProducer();
    identity = await createTestApp(identityApp);
    const env = { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json`, CONVERSATION_STREAM_HEARTBEAT_SECONDS: '1' };
    communication = await createTestApp(communicationApp, { env });
    replica = await createTestApp(communicationApp, { env });
    admin = await adminToken(identity.http);
  });

  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });

  afterAll(async () => {
    await probe?.stop();
    await producer?.stop();
    await replica?.close();
    await communication?.close();
    await identity?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function memberOf(network: TestNetwork, roles: string[] = []) {
    const member = await createTestMember(identity.http, identity.dataSource, network, { roles });
    return { userId: member.userId, email: member.email, token: (await loginAs(identity.http, member)).accessToken };
  }

  function acceptedEvent(networkId: string, mentorId: string, menteeId: string, matchId = randomUUID()) {
    const data: MatchAcceptedData = { matchId, networkId, programId: randomUUID(), mentorId, menteeId, acceptedAt: new Date().toISOString() };
    return createEnvelope(matchAccepted, data);
  }

  function endedEvent(accepted: { data: MatchAcceptedData }, reason: MatchEndedData['reason'] = 'participant_request') {
    const { matchId, networkId, programId, mentorId, menteeId } = accepted.data;
    return createEnvelope(matchEnded, { matchId, networkId, programId, mentorId, menteeId, endedBy: 'mentor', reason, early: true, endedAt: new Date().toISOString() });
  }

  /** match.accepted and match.ended share the match's topic and key, so they arrive in the order sent. */
  async function produce(...envelopes: Array<ReturnType<typeof createEnvelope>>): Promise<void> {
    await producer.send(matchAccepted.topic, envelopes.map(toKafkaMessage));
  }

  /** Waits until `token`'s holder sees the conversation of `matchId`. */
  async function conversationOf(token: string, matchId: string, app: TestApp = communication) {
    return expectEventually(async () => {
      const response = await app.http.get('/v1/conversations').set(bearer(token)).expect(200);
      const found = (response.body.items as Array<{ matchId: string; id: string }>).find((item) => item.matchId === matchId);
      if (!found) throw new Error(`no conversation for match ${matchId} yet`);
      return found as { id: string; matchId: string; [key: string]: unknown };
    });
  }

  /** A network with an accepted pair whose conversation is open. */
  async function openPair() {
    const network = await createTestNetwork(identity.http, admin);
    const [mentor, mentee] = await Promise.all([memberOf(network), memberOf(network)]);
    const accepted = acceptedEvent(network.id, mentor.userId, mentee.userId);
    await produce(accepted);
    const conversation = await conversationOf(mentee.token, accepted.data.matchId);
    return { network, mentor, mentee, accepted, conversationId: conversation.id };
  }

  async function openStream(app: TestApp, token: string, options: { viaQuery?: boolean; lastEventId?: string } = {}): Promise<SseClient> {
    const path = options.viaQuery ? `/v1/conversations/stream?access_token=${encodeURIComponent(token)}` : '/v1/conversations/stream';
    const headers: Record<string, string> = options.viaQuery ? {} : bearer(token);
    if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
    const stream = await SseClient.open(app.url, path, headers);
    streams.push(stream);
    return stream;
  }

  async function readyStream(app: TestApp, token: string, options: { viaQuery?: boolean; lastEventId?: string } = {}): Promise<SseClient> {
    const stream = await openStream(app, token, options);
    expect({ status: stream.status, body: stream.body }).toEqual({ status: 200, body: '' });
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await stream.waitFor((event) => event.event === 'ready');
    return stream;
  }

  async function send(app: TestApp, token: string, conversationId: string, text: string): Promise<{ id: string; text: string }> {
    const response = await app.http.post(`/v1/conversations/${conversationId}/messages`).set(bearer(token)).send({ text });
    expect({ status: response.status, body: response.body }).toEqual({ status: 201, body: expect.objectContaining({ text: text.trim() }) });
    return response.body;
  }

  it('opens the pair’s conversation once from match.accepted and delivers messages live from one instance to another', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const [mentor, mentee] = await Promise.all([memberOf(network), memberOf(network)]);

    // identity's user.registered filled the directory the notifications will mail from.
    await expectEventually(async () => {
      const rows = await communication.dataSource.query('SELECT network_id, email, display_name, status FROM directory_entries WHERE user_id = $1', [mentor.userId]);
      expect(rows).toEqual([{ network_id: network.id, email: mentor.email, display_name: 'Test member', status: 'active' }]);
    });

    // At-least-once delivery and a repeated event: one conversation.
    const accepted = acceptedEvent(network.id, mentor.userId, mentee.userId);
    const repeated = createEnvelope(matchAccepted, accepted.data);
    await produce(accepted, accepted, repeated);
    const forMentee = await conversationOf(mentee.token, accepted.data.matchId);
    await expectEventually(async () => {
      const [{ count }] = await communication.dataSource.query('SELECT count(*)::int AS count FROM inbox WHERE event_id = ANY($1::uuid[])', [[accepted.id, repeated.id]]);
      expect(count).toBe(2);
    });
    const [{ conversations }] = await communication.dataSource.query('SELECT count(*)::int AS conversations FROM conversations WHERE match_id = $1', [accepted.data.matchId]);
    expect(conversations).toBe(1);
    expect(forMentee).toMatchObject({
      programId: accepted.data.programId,
      status: 'open',
      closedReason: null,
      myRole: 'mentee',
      counterpart: { userId: mentor.userId, role: 'mentor', displayName: 'Test member' },
      unreadCount: 0,
      lastMessageId: null,
    });
    const forMentor = await conversationOf(mentor.token, accepted.data.matchId);
    expect(forMentor).toMatchObject({ id: forMentee.id, myRole: 'mentor', counterpart: { userId: mentee.userId, role: 'mentee' } });

    // The mentee listens on the other instance, as a browser's EventSource would (token in the query);
    // the mentor on this one with the header.
    const menteeStream = await readyStream(replica!, mentee.token, { viaQuery: true });
    const mentorStream = await readyStream(communication, mentor.token);
    const text = 'Bonjour ! Première séance jeudi à 18 h ? 👋';
    const posted = await send(communication, mentor.token, forMentee.id, text);
    expect(posted).toMatchObject({ conversationId: forMentee.id, senderRole: 'mentor', senderId: mentor.userId, mine: true, erased: false, length: [...text].length });

    const delivered = await menteeStream.waitFor((event) => event.event === 'message' && event.id === posted.id, 5_000);
    expect(delivered.data).toEqual({ ...posted, mine: false });
    const echoed = await mentorStream.waitFor((event) => event.event === 'message' && event.id === posted.id, 5_000);
    expect(echoed.data).toEqual(posted);
    await menteeStream.waitForComment('heartbeat');

    // And back: the mentee answers on the other instance, the mentor hears it here.
    const answer = await send(replica!, mentee.token, forMentee.id, '  Avec plaisir, à jeudi.  ');
    expect(answer.text).toBe('Avec plaisir, à jeudi.');
    await mentorStream.waitFor((event) => event.event === 'message' && event.id === answer.id, 5_000);

    // message.sent carries metadata only, in the contract's exact shape.
    const [record] = await probe.waitFor((r) => r.headers['ce_type'] === messageSent.type && (r.data as { messageId?: string }).messageId === posted.id);
    expect(record.key).toBe(forMentee.id);
    expect(validateEventData(messageSent, record.data)).toEqual({ valid: true });
    expect(Object.keys(record.data as object).sort()).toEqual(
      ['conversationId', 'length', 'matchId', 'menteeId', 'mentorId', 'messageId', 'networkId', 'programId', 'senderId', 'senderRole', 'sentAt'].sort(),
    );
    expect(record.data).toMatchObject({ matchId: accepted.data.matchId, senderRole: 'mentor', senderId: mentor.userId, length: [...text].length });
    expect(record.value).not.toContain('Première');

    // A client that was away resumes with Last-Event-ID and gets what it missed, in order.
    menteeStream.close();
    const missed = [await send(communication, mentor.token, forMentee.id, 'Tu es là ?'), await send(communication, mentor.token, forMentee.id, 'Je t’envoie le lien.')];
    const resumed = await readyStream(replica!, mentee.token, { lastEventId: answer.id });
    expect(resumed.ofType('ready')[0].data).toMatchObject({ replayed: 2 });
    await expectEventually(() => expect(resumed.ofType('message').map((event) => event.id)).toEqual(missed.map((message) => message.id)));
  });

  it('pages messages newest first and keeps read receipts and unread counts per participant', async () => {
    const { mentor, mentee, conversationId } = await openPair();
    const sent: string[] = [];
    for (let n = 1; n <= 5; n++) sent.push((await send(communication, mentor.token, conversationId, `message ${n}`)).id);

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await communication.http
        .get(`/v1/conversations/${conversationId}/messages`)
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(bearer(mentee.token))
        .expect(200);
      pages.push(response.body.items.map((item) => item.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([
      [sent[4], sent[3]],
      [sent[2], sent[1]],
      [sent[0]],
    ]);
    await communication.http.get(`/v1/conversations/${conversationId}/messages`).query({ limit: 0 }).set(bearer(mentee.token)).expect(400);
    const badCursor = await communication.http.get(`/v1/conversations/${conversationId}/messages`).query({ cursor: 'abc' }).set(bearer(mentee.token)).expect(400);
    expect(badCursor.body.details).toEqual([{ path: 'cursor', issue: 'must be a UUID' }]);

    const unread = async (token: string) => (await communication.http.get(`/v1/conversations/${conversationId}`).set(bearer(token)).expect(200)).body;
    expect((await unread(mentee.token)).unreadCount).toBe(5);
    expect((await unread(mentor.token)).unreadCount).toBe(0);

    const mentorStream = await readyStream(replica!, mentor.token);
    const read = await communication.http.post(`/v1/conversations/${conversationId}/read`).set(bearer(mentee.token)).send({ upTo: sent[2] }).expect(200);
    expect(read.body).toMatchObject({ conversationId, upTo: sent[2], unreadCount: 2 });
    const receipt = await mentorStream.waitFor((event) => event.event === 'read', 5_000);
    expect(receipt.data).toMatchObject({ conversationId, role: 'mentee', upTo: sent[2] });
    // Never backwards.
    const older = await communication.http.post(`/v1/conversations/${conversationId}/read`).set(bearer(mentee.token)).send({ upTo: sent[0] }).expect(200);
    expect(older.body).toMatchObject({ upTo: sent[2], unreadCount: 2 });
    const listed = await communication.http.get('/v1/conversations').set(bearer(mentee.token)).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: conversationId, unreadCount: 2 })]);
    expect((await unread(mentor.token)).read.counterpart).toEqual({ upTo: sent[2], at: read.body.readAt });

    // Answering reads everything before the answer; the answer is unread for the mentor.
    const thanks = await send(communication, mentee.token, conversationId, 'Merci !');
    expect(await unread(mentee.token)).toMatchObject({ unreadCount: 0, read: { mine: { upTo: thanks.id } } });
    expect((await unread(mentor.token)).unreadCount).toBe(1);

    const other = await openPair();
    const otherMessage = await send(communication, other.mentor.token, other.conversationId, 'elsewhere');
    for (const upTo of [otherMessage.id, randomUUID(), 'not-an-id']) {
      const refused = await communication.http.post(`/v1/conversations/${conversationId}/read`).set(bearer(mentee.token)).send({ upTo }).expect(400);
      expect(refused.body.details).toEqual([{ path: 'upTo', issue: expect.any(String) }]);
    }
  });

  it('lets nobody but the two participants read the conversation: organizers, another pair and other networks get 404', async () => {
    const { network, mentor, mentee, conversationId } = await openPair();
    const secret = `secret-${randomUUID()}`;
    const organizer = await memberOf(network, ['organizer']);
    const [otherMentor, otherMentee] = await Promise.all([memberOf(network), memberOf(network)]);
    const otherMatch = acceptedEvent(network.id, otherMentor.userId, otherMentee.userId);
    await produce(otherMatch);
    const otherConversation = await conversationOf(otherMentor.token, otherMatch.data.matchId);
    const stranger = await memberOf(await createTestNetwork(identity.http, admin));

    const outsiderStream = await readyStream(communication, otherMentor.token);
    const menteeStream = await readyStream(communication, mentee.token);
    const message = await send(communication, mentor.token, conversationId, secret);
    await menteeStream.waitFor((event) => event.id === message.id, 5_000);

    for (const [who, token] of [
      ['organizer', organizer.token],
      ["another pair's mentor", otherMentor.token],
      ['another network', stranger.token],
      ['platform admin', admin],
    ] as const) {
      const reads = [
        await communication.http.get(`/v1/conversations/${conversationId}`).set(bearer(token)),
        await communication.http.get(`/v1/conversations/${conversationId}/messages`).set(bearer(token)),
        await communication.http.post(`/v1/conversations/${conversationId}/messages`).set(bearer(token)).send({ text: 'let me in' }),
        await communication.http.post(`/v1/conversations/${conversationId}/read`).set(bearer(token)).send({ upTo: message.id }),
      ];
      expect({ who, statuses: reads.map((r) => r.status) }).toEqual({ who, statuses: [404, 404, 404, 404] });
      expect(reads[1].body).toEqual({ statusCode: 404, error: 'Not Found', message: 'No such conversation.', details: [{ path: 'id', issue: 'does not name a conversation of yours' }] });
      expect(reads.map((r) => r.text).join()).not.toContain(secret);
      const listed = await communication.http.get('/v1/conversations').set(bearer(token)).expect(200);
      expect({ who, ids: listed.body.items.map((item: { id: string }) => item.id) }).toEqual({ who, ids: who === "another pair's mentor" ? [otherConversation.id] : [] });
    }
    expect(outsiderStream.ofType('message')).toEqual([]);
    const [{ count }] = await communication.dataSource.query('SELECT count(*)::int AS count FROM messages WHERE conversation_id = $1', [conversationId]);
    expect(count).toBe(1);

    await communication.http.get(`/v1/conversations/${randomUUID()}`).set(bearer(mentee.token)).expect(404);
    const badId = await communication.http.get('/v1/conversations/not-a-uuid').set(bearer(mentee.token)).expect(400);
    expect(badId.body.details).toEqual([{ path: 'id', issue: 'must be a UUID' }]);

    // The stream needs a valid token too; the query form is accepted on the stream only.
    expect((await openStream(communication, '')).status).toBe(401);
    expect((await openStream(communication, 'not.a.token', { viaQuery: true })).status).toBe(401);
    await communication.http.get('/v1/conversations').query({ access_token: mentee.token }).expect(401);
  });

  it('refuses empty, blank and oversize text with a 400 naming `text`, and writes nothing', async () => {
    const { mentor, conversationId } = await openPair();
    const cases: Array<[unknown, string]> = [
      [{ text: '' }, 'must not be empty (white space alone does not count)'],
      [{ text: ' \n\t ' }, 'must not be empty (white space alone does not count)'],
      [{ text: 'x'.repeat(4001) }, 'must be at most 4000 characters (has 4001)'],
      [{ text: 'a\u0000b' }, 'must not contain the NUL character'],
      [{ text: 42 }, 'must be a string'],
      [{}, 'is required'],
    ];
    for (const [body, issue] of cases) {
      const response = await communication.http.post(`/v1/conversations/${conversationId}/messages`).set(bearer(mentor.token)).send(body as object);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', details: expect.arrayContaining([{ path: 'text', issue }]) });
      expect(response.body.details.every((detail: { path: string }) => detail.path === 'text')).toBe(true);
    }
    const unknown = await communication.http.post(`/v1/conversations/${conversationId}/messages`).set(bearer(mentor.token)).send({ text: 'hi', urgent: true }).expect(400);
    expect(unknown.body.details).toEqual([{ path: 'urgent', issue: 'is not an accepted field' }]);
    const [{ count }] = await communication.dataSource.query('SELECT count(*)::int AS count FROM messages WHERE conversation_id = $1', [conversationId]);
    expect(count).toBe(0);

    // The limit counts characters once trimmed.
    const longest = await send(communication, mentor.token, conversationId, `  ${'é'.repeat(4000)}\n`);
    expect(longest).toMatchObject({ length: 4000 });
  });

  it('closes the conversation on match.ended: sending is 409, the history stays readable', async () => {
    const { mentor, mentee, accepted, conversationId } = await openPair();
    const before = await send(communication, mentor.token, conversationId, 'Merci pour ces mois de mentorat.');
    const menteeStream = await readyStream(replica!, mentee.token);

    const ended = endedEvent(accepted);
    await produce(ended);
    const closing = await menteeStream.waitFor((event) => event.event === 'conversation', 10_000);
    expect(closing.data).toEqual({ conversationId, status: 'closed', reason: 'participant_request' });
    const view = await communication.http.get(`/v1/conversations/${conversationId}`).set(bearer(mentee.token)).expect(200);
    expect(view.body).toMatchObject({ status: 'closed', closedReason: 'participant_request', closedAt: expect.any(String) });

    const refused = await communication.http.post(`/v1/conversations/${conversationId}/messages`).set(bearer(mentee.token)).send({ text: 'Encore une question' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual([{ path: 'status', issue: 'is closed' }]);
    const history = await communication.http.get(`/v1/conversations/${conversationId}/messages`).set(bearer(mentee.token)).expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ id: before.id, text: 'Merci pour ces mois de mentorat.' })]);
    await communication.http.post(`/v1/conversations/${conversationId}/read`).set(bearer(mentee.token)).send({ upTo: before.id }).expect(200);
    const open = await communication.http.get('/v1/conversations').query({ status: 'open' }).set(bearer(mentee.token)).expect(200);
    expect(open.body.items).toEqual([]);

    // An end for a match never seen accepted is recorded; a late accepted then opens nothing.
    const unknown = acceptedEvent(accepted.data.networkId, mentor.userId, mentee.userId);
    await produce(endedEvent(unknown, 'organizer_decision'));
    await expectEventually(async () => {
      const rows = await communication.dataSource.query('SELECT status, end_reason FROM pairs WHERE match_id = $1', [unknown.data.matchId]);
      expect(rows).toEqual([{ status: 'ended', end_reason: 'organizer_decision' }]);
    });
    await produce(unknown);
    const late = await conversationOf(mentee.token, unknown.data.matchId);
    expect(late).toMatchObject({ status: 'closed', closedReason: 'organizer_decision' });
    await communication.http.post(`/v1/conversations/${late.id}/messages`).set(bearer(mentor.token)).send({ text: 'hello?' }).expect(409);
  });

  it("removes the text of an erased person's messages and their address, keeping the thread and the other side's words", async () => {
    const { network, mentor, mentee, conversationId } = await openPair();
    const marker = `erase-me-${randomUUID()}`;
    const mine = [await send(communication, mentor.token, conversationId, `${marker} one`), await send(communication, mentor.token, conversationId, `${marker} two`)];
    const kept = await send(communication, mentee.token, conversationId, 'Les miens restent.');
    const mentorStream = await readyStream(communication, mentor.token);
    const menteeStream = await readyStream(replica!, mentee.token);

    await identity.http.delete('/v1/users/me').set(bearer(mentor.token)).expect(204);

    await expectEventually(async () => {
      const rows = await communication.dataSource.query('SELECT id, text, sender_id, sender_role, erased_at FROM messages WHERE conversation_id = $1 ORDER BY id', [conversationId]);
      expect(rows).toEqual([
        { id: mine[0].id, text: null, sender_id: null, sender_role: 'mentor', erased_at: expect.any(Date) },
        { id: mine[1].id, text: null, sender_id: null, sender_role: 'mentor', erased_at: expect.any(Date) },
        { id: kept.id, text: 'Les miens restent.', sender_id: mentee.userId, sender_role: 'mentee', erased_at: null },
      ]);
    }, { timeoutMs: 30_000 });
    const [{ traces }] = await communication.dataSource.query(
      `SELECT (SELECT count(*) FROM messages WHERE text LIKE $1)::int
            + (SELECT count(*) FROM messages WHERE sender_id = $2)::int
            + (SELECT count(*) FROM conversations WHERE mentor_id = $2 OR mentee_id = $2)::int
            + (SELECT count(*) FROM pairs WHERE mentor_id = $2 OR mentee_id = $2)::int AS traces`,
      [`%${marker}%`, mentor.userId],
    );
    expect(traces).toBe(0);
    const [entry] = await communication.dataSource.query('SELECT email, display_name, locale, status FROM directory_entries WHERE user_id = $1', [mentor.userId]);
    expect(entry).toEqual({ email: null, display_name: null, locale: null, status: 'erased' });

    // The mentee still reads the thread, with the mentor's messages shown as removed.
    const thread = await communication.http.get(`/v1/conversations/${conversationId}/messages`).set(bearer(mentee.token)).expect(200);
    expect(thread.body.items).toEqual([
      expect.objectContaining({ id: kept.id, text: 'Les miens restent.', erased: false, mine: true }),
      expect.objectContaining({ id: mine[1].id, text: null, erased: true, senderRole: 'mentor', senderId: null }),
      expect.objectContaining({ id: mine[0].id, text: null, erased: true, senderRole: 'mentor', senderId: null }),
    ]);
    const view = await communication.http.get(`/v1/conversations/${conversationId}`).set(bearer(mentee.token)).expect(200);
    expect(view.body).toMatchObject({ status: 'closed', closedReason: 'participant_erased', counterpart: { userId: null, role: 'mentor', displayName: null } });
    expect((await menteeStream.waitFor((event) => event.event === 'conversation', 5_000)).data).toMatchObject({ status: 'closed', reason: 'participant_erased' });
    // The erased person's open stream is cut, and their token is refused within seconds (user.access_revoked).
    await expectEventually(() => expect(mentorStream.ended).toBe(true));
    await expectEventually(() => communication.http.get(`/v1/conversations/${conversationId}/messages`).set(bearer(mentor.token)).expect(401), { timeoutMs: 10_000 });

    // A match.accepted read after the erasure (another topic) opens no conversation with them.
    const newMentee = await memberOf(network);
    const late = acceptedEvent(network.id, mentor.userId, newMentee.userId);
    await produce(late);
    const conversation = await conversationOf(newMentee.token, late.data.matchId);
    expect(conversation).toMatchObject({ status: 'closed', closedReason: 'participant_erased', counterpart: { userId: null } });
  });

  it('ends open streams on shutdown, so the instance stops at once', async () => {
    const { mentee } = await openPair();
    const stream = await readyStream(replica!, mentee.token);
    const started = Date.now();
    const closing = replica!.close();
    replica = undefined;
    await closing;
    expect(Date.now() - started).toBeLessThan(15_000);
    await expectEventually(() => expect(stream.ended).toBe(true), { timeoutMs: 2_000 });
  });
});
