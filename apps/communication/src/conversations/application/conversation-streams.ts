import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  ServiceUnavailableException,
} from '@nestjs/common';
import { APP_CONFIG, PLATFORM_LOGGER } from '@passerelle/platform';
import type { ConfigOf } from '@passerelle/platform/config';
import { type AuthUser, TokenRevocations } from '@passerelle/platform/auth';
import { TooManyRequestsException } from '@passerelle/platform/http';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { communicationConfigSchema } from '../../config';
import { roleIn } from '../domain/conversation';
import { uuidV7Floor } from '../domain/message-id';
import { ConversationSignalListener } from '../infrastructure/conversation-signal.listener';
import type { ConversationSignal } from '../infrastructure/conversation-signals';
import { sseComment, sseFrame, SseStream } from '../infrastructure/sse-stream';
import { type MessageRow, toMessageView } from './conversation-views';

type StreamConfig = Pick<ConfigOf<typeof communicationConfigSchema>, 'conversationStreamHeartbeatSeconds' | 'conversationStreamsPerUser'>;

/** How far back a stream without `Last-Event-ID` starts, so a reconnect also covers messages sent while it was opening. */
const START_MARGIN_MS = 5_000;
/** A reconnecting client catches up on at most this many messages; older ones are in the paginated history. */
const REPLAY_LIMIT = 500;
const RETRY_MS = 3_000;

interface MessageSignalRow {
  id: string;
  conversation_id: string;
  sender_id: string | null;
  sender_role: 'mentor' | 'mentee';
  text: string | null;
  length: number;
  sent_at: Date;
  erased_at: Date | null;
  mentor_id: string | null;
  mentee_id: string | null;
}

export interface StreamRequest {
  readonly caller: AuthUser;
  readonly response: Response;
  /** The last event id the client saw (`Last-Event-ID`): what came after it is replayed first. */
  readonly lastEventId?: string;
  /** When the access token expires: the stream ends then, and the client reconnects with a fresh one. */
  readonly expiresAt?: Date;
  /** The access token's epoch: the stream ends when the token is revoked. */
  readonly tokenEpoch: number;
}

/**
 * Real-time delivery of the caller's conversations over Server-Sent Events
 * (issue 6, item 1). Messages live in PostgreSQL; each commit NOTIFYs the
 * conversation channel, every replica's listener hears it and pushes it to
 * the streams it holds, reading the message itself (the text never travels
 * through NOTIFY). Events: `ready` once subscribed; `message` (with its id, so
 * `Last-Event-ID` resumes after it); `read` (a read receipt); `conversation`
 * (opened or closed); `token_expired` right before the stream ends at the
 * token's expiry; `access_revoked` right before it ends because the token was
 * revoked (within about a second of the revocation reaching this service, on
 * whichever replica holds the stream). A comment every `CONVERSATION_STREAM_HEARTBEAT_SECONDS`
 * keeps proxies from closing an idle stream.
 */
@Injectable()
export class ConversationStreams implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly byUser = new Map<string, Set<SseStream>>();
  private readonly tokenEpochs = new WeakMap<SseStream, number>();
  private heartbeat?: NodeJS.Timeout;
  private deliveries: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly listener: ConversationSignalListener,
    @Inject(APP_CONFIG) private readonly config: StreamConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    revocations: TokenRevocations,
  ) {
    listener.subscribe({ signal: (signal) => this.enqueue(signal), reset: () => this.endAll() });
    revocations.onRevoked((userId, tokenEpoch) => this.endRevoked(userId, tokenEpoch));
  }

  onApplicationBootstrap(): void {
    this.heartbeat = setInterval(() => {
      for (const stream of this.allStreams()) stream.send(sseComment('heartbeat'));
    }, this.config.conversationStreamHeartbeatSeconds * 1000);
    this.heartbeat.unref();
  }

  /**
   * Runs before the platform closes the HTTP server (its module is global,
   * so its hook comes last): open streams would otherwise hold the server's
   * close forever. Clients reconnect to another replica.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.heartbeat);
    this.endAll();
    await this.deliveries;
  }

  get openStreams(): number {
    return [...this.allStreams()].length;
  }

  async open(request: StreamRequest): Promise<void> {
    const { caller, response } = request;
    if (this.stopping || !this.listener.connected) {
      throw new ServiceUnavailableException({ message: 'Live delivery is not available on this instance right now; retry shortly.', details: [] });
    }
    const own = this.byUser.get(caller.userId) ?? new Set<SseStream>();
    if (own.size >= this.config.conversationStreamsPerUser) {
      throw new TooManyRequestsException(RETRY_MS / 1000, `At most ${this.config.conversationStreamsPerUser} open streams per person; close one first.`);
    }
    const stream = new SseStream(response, caller.userId, caller.networkId);
    this.tokenEpochs.set(stream, request.tokenEpoch);
    own.add(stream);
    this.byUser.set(caller.userId, own);
    stream.onClose(() => this.forget(stream));

    // Subscribed before the replay is read, so nothing committed in between is lost (duplicates are skipped).
    let replay: MessageSignalRow[];
    try {
      replay = request.lastEventId ? await this.replayAfter(caller, request.lastEventId) : [];
    } catch (error) {
      this.forget(stream);
      throw error;
    }
    const start = request.lastEventId ?? uuidV7Floor(Date.now() - START_MARGIN_MS);
    stream.start(
      [
        sseFrame({ retryMs: RETRY_MS }),
        sseFrame({ event: 'ready', id: start, data: { heartbeatSeconds: this.config.conversationStreamHeartbeatSeconds, replayed: replay.length } }),
        ...replay.map((row) => this.messageFrame(row, caller.userId)),
      ],
      new Set(replay.map((row) => row.id)),
    );
    if (request.expiresAt) {
      const timer = setTimeout(() => stream.end(sseFrame({ event: 'token_expired', data: { reconnect: 'with a fresh access token' } })), Math.max(0, request.expiresAt.getTime() - Date.now()));
      timer.unref();
      stream.onClose(() => clearTimeout(timer));
    }
  }

  /** Ends the streams opened with a token the revocation refuses; those opened since with a fresh token stay. */
  private endRevoked(userId: string, lowestEpoch: number): void {
    for (const stream of [...(this.byUser.get(userId) ?? [])]) {
      if ((this.tokenEpochs.get(stream) ?? 0) < lowestEpoch) stream.end(sseFrame({ event: 'access_revoked', data: { reconnect: 'after logging in again' } }));
    }
  }

  private enqueue(signal: ConversationSignal): void {
    // One at a time: the messages of a conversation reach a stream in commit order.
    this.deliveries = this.deliveries
      .then(() => this.deliver(signal))
      .catch((error: unknown) => this.logger.warn({ err: error, signal: signal.type }, 'conversation stream delivery failed'));
  }

  private async deliver(signal: ConversationSignal): Promise<void> {
    const targets = signal.userIds.flatMap((userId) => [...(this.byUser.get(userId) ?? [])]).filter((stream) => stream.networkId === signal.networkId);
    if (targets.length === 0) return;
    switch (signal.type) {
      case 'message': {
        const [row]: MessageSignalRow[] = await this.dataSource.query(`${MESSAGE_SELECT} WHERE m.id = $1`, [signal.messageId]);
        if (!row) return;
        // Participants as they are now, not as the signal said: an erasure may have come between.
        for (const stream of targets) if (roleIn({ mentorId: row.mentor_id, menteeId: row.mentee_id }, stream.userId)) stream.send(this.messageFrame(row, stream.userId), row.id);
        return;
      }
      case 'read': {
        const frame = sseFrame({ event: 'read', data: { conversationId: signal.conversationId, role: signal.role, upTo: signal.upTo, readAt: signal.readAt } });
        for (const stream of targets) stream.send(frame);
        return;
      }
      case 'conversation': {
        const frame = sseFrame({ event: 'conversation', data: { conversationId: signal.conversationId, status: signal.status, reason: signal.reason } });
        for (const stream of targets) stream.send(frame);
        return;
      }
      case 'erased':
        for (const stream of targets) stream.end();
        return;
    }
  }

  private messageFrame(row: MessageSignalRow, viewerId: string): string {
    return sseFrame({ event: 'message', id: row.id, data: toMessageView(messageOf(row), viewerId) });
  }

  private replayAfter(caller: AuthUser, lastEventId: string): Promise<MessageSignalRow[]> {
    return this.dataSource.query(
      `${MESSAGE_SELECT}
        WHERE c.network_id = $1 AND (c.mentor_id = $2 OR c.mentee_id = $2) AND m.id > $3
        ORDER BY m.id LIMIT ${REPLAY_LIMIT}`,
      [caller.networkId, caller.userId, lastEventId],
    );
  }

  private forget(stream: SseStream): void {
    const own = this.byUser.get(stream.userId);
    own?.delete(stream);
    if (own?.size === 0) this.byUser.delete(stream.userId);
  }

  private endAll(): void {
    for (const stream of [...this.allStreams()]) stream.end();
  }

  private *allStreams(): Iterable<SseStream> {
    for (const streams of this.byUser.values()) yield* streams;
  }
}

const MESSAGE_SELECT = `
  SELECT m.id, m.conversation_id, m.sender_id, m.sender_role, m.text, m.length, m.sent_at, m.erased_at, c.mentor_id, c.mentee_id
    FROM messages m JOIN conversations c ON c.id = m.conversation_id`;

function messageOf(row: MessageSignalRow): MessageRow {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    senderId: row.sender_id,
    senderRole: row.sender_role,
    text: row.text,
    length: row.length,
    sentAt: new Date(row.sent_at),
    erasedAt: row.erased_at ? new Date(row.erased_at) : null,
  };
}
