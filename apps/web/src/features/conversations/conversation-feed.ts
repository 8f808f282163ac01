import type { SessionKeeper } from '../../app/session-keeper';
import type { Message, ReadEvent } from './conversation-cache';

export type FeedStatus = 'connecting' | 'live' | 'reconnecting';

export interface FeedHandlers {
  /** Subscribed (first time or again): what happened meanwhile other than messages (read receipts, closings) is to be fetched. */
  ready(): void;
  message(message: Message): void;
  read(event: ReadEvent): void;
  /** A conversation opened or closed. */
  conversation(conversationId: string): void;
  status(status: FeedStatus): void;
}

/** Waits before opening again: 1 s, 2 s, 4 s … up to 15 s, a little jittered so a whole network does not come back at once. */
export function retryDelay(failures: number): number {
  return Math.min(1000 * 2 ** Math.max(failures - 1, 0), 15_000) * (0.8 + Math.random() * 0.4);
}

/** Seconds left on a JWT, read from its payload (not verified: only to know when to renew it). */
export function secondsLeft(token: string, now = Date.now()): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof payload.exp === 'number' ? payload.exp - now / 1000 : Infinity;
  } catch {
    return Infinity;
  }
}

/**
 * The person's conversations, live, over the service's Server-Sent Events.
 * EventSource cannot send headers, so the access token goes in the query,
 * as the service allows on this route only. The browser's own reconnection
 * would reuse the address, and so the token, it started with: instead every
 * loss is answered here, by opening again with the session's current token
 * (renewed first when it is about to expire or was just refused) and the id
 * of the last event received, after which the service replays the messages
 * missed. Duplicates are the cache's to drop (by id).
 */
export class ConversationFeed {
  private source: EventSource | null = null;
  private lastEventId: string | null = null;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly onOnline = () => {
    if (this.source?.readyState !== 1) this.reopen(0);
  };

  constructor(
    private readonly keeper: SessionKeeper,
    private readonly handlers: FeedHandlers,
    private readonly origin: string = globalThis.location?.origin ?? 'http://localhost',
  ) {}

  start(): void {
    globalThis.addEventListener?.('online', this.onOnline);
    void this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    globalThis.removeEventListener?.('online', this.onOnline);
    this.source?.close();
    this.source = null;
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    const token = await this.token();
    if (this.stopped) return;
    if (token === null) return; // The session ended: the member pages send the person to the login page.
    if (token === undefined) return this.reopen(retryDelay(++this.failures));
    const url = new URL('/v1/conversations/stream', this.origin);
    url.searchParams.set('access_token', token);
    if (this.lastEventId) url.searchParams.set('lastEventId', this.lastEventId);
    const source = new EventSource(url.toString());
    this.source = source;
    const remember = (event: MessageEvent) => {
      if (event.lastEventId) this.lastEventId = event.lastEventId;
    };
    source.addEventListener('ready', (event) => {
      remember(event);
      this.failures = 0;
      this.handlers.status('live');
      this.handlers.ready();
    });
    source.addEventListener('message', (event) => {
      remember(event);
      this.handlers.message(JSON.parse(event.data) as Message);
    });
    source.addEventListener('read', (event) => this.handlers.read(JSON.parse(event.data) as ReadEvent));
    source.addEventListener('conversation', (event) => this.handlers.conversation((JSON.parse(event.data) as { conversationId: string }).conversationId));
    // The stream ends at the token's expiry: open again at once with the renewed one.
    source.addEventListener('token_expired', () => this.reopen(0));
    source.addEventListener('access_revoked', () => {
      this.close();
      void this.keeper
        .renew()
        .catch(() => undefined)
        .then((renewed) => renewed !== null && this.reopen(0));
    });
    source.addEventListener('error', () => {
      if (this.source !== source) return;
      this.failures += 1;
      this.reopen(retryDelay(this.failures));
    });
  }

  /**
   * The token to open with: null when the session has ended, undefined when
   * the session could not be renewed for now (offline). A refused stream does
   * not say why, so the second failure in a row renews the token anyway.
   */
  private async token(): Promise<string | null | undefined> {
    const state = this.keeper.current();
    if (state.status === 'signed-out') return null;
    const current = state.status === 'signed-in' ? state.accessToken : null;
    if (current && secondsLeft(current) > 10 && this.failures !== 2) return current;
    try {
      return await this.keeper.renew();
    } catch {
      return undefined;
    }
  }

  private close(): void {
    this.source?.close();
    this.source = null;
  }

  private reopen(delay: number): void {
    if (this.stopped) return;
    this.close();
    this.handlers.status(this.lastEventId ? 'reconnecting' : 'connecting');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.open(), delay);
  }
}
