import type { ApiError } from '../api/client';

/** What opening a session came to: a token, the server's refusal, or no answer at all. */
export type OpenOutcome = { kind: 'signed-in'; accessToken: string; expiresIn: number } | { kind: 'rejected'; error: ApiError } | { kind: 'unreachable' };

/** A renewed access token, or null when the browser holds no session the server still honours. */
export type Renewal = { accessToken: string; expiresIn: number } | null;

/**
 * The three calls a browser session is made of. The refresh token never
 * reaches the page: the server keeps it in an HttpOnly cookie scoped to the
 * session's path, so these calls carry no token of their own.
 */
export interface SessionCalls {
  open(credentials: { network: string; email: string; password: string }): Promise<OpenOutcome>;
  /** Throws when the service cannot be reached, so a lost network is not taken for an ended session. */
  renew(): Promise<Renewal>;
  close(): Promise<void>;
}

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-in'; accessToken: string }
  /** `expired`: the server stopped honouring the session (revoked, disabled, timed out), not the person's choice. */
  | { status: 'signed-out'; reason: 'signed-out' | 'expired' | 'never' };

/** Renew this long before the access token expires, so a request rarely meets an expired token. */
const RENEW_AHEAD_SECONDS = 30;

/**
 * Holds the access token in memory only, renews it before it expires and
 * when a service refuses it, and says when the session has ended. One
 * renewal at a time: concurrent 401s wait for the same one, since the server
 * treats a refresh token used twice as stolen and ends the session.
 */
export class SessionKeeper {
  private state: SessionState = { status: 'restoring' };
  private renewing: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly calls: SessionCalls) {}

  current = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** On a page load: a session cookie from an earlier visit gives a token without asking for the password. */
  async restore(): Promise<void> {
    try {
      await this.renew();
    } catch {
      this.set({ status: 'signed-out', reason: 'never' });
    }
    if (this.state.status === 'restoring') this.set({ status: 'signed-out', reason: 'never' });
  }

  async signIn(credentials: { network: string; email: string; password: string }): Promise<OpenOutcome> {
    const outcome = await this.calls.open(credentials);
    if (outcome.kind === 'signed-in') this.accept(outcome.accessToken, outcome.expiresIn);
    return outcome;
  }

  async signOut(): Promise<void> {
    this.end('signed-out');
    await this.calls.close().catch(() => undefined);
  }

  /** A new access token, or null (and the session ended) when the server no longer honours it. */
  renew(): Promise<string | null> {
    this.renewing ??= this.calls
      .renew()
      .then((renewal) => {
        if (!renewal) {
          this.end(this.state.status === 'signed-in' ? 'expired' : 'never');
          return null;
        }
        this.accept(renewal.accessToken, renewal.expiresIn);
        return renewal.accessToken;
      })
      .finally(() => {
        this.renewing = null;
      });
    return this.renewing;
  }

  /**
   * The fetch the API client sends through: the token goes on every request,
   * and a 401 is answered once by renewing and sending the request again.
   */
  fetch = async (request: Request): Promise<Response> => {
    const again = request.clone();
    const token = this.state.status === 'signed-in' ? this.state.accessToken : null;
    const response = await send(request, token);
    if (response.status !== 401 || token === null) return response;
    // A request refused with a token that another one has renewed since is sent again with the new token:
    // renewing a second time would use the refresh token twice.
    const current = this.state.status === 'signed-in' ? this.state.accessToken : null;
    const renewed = current !== null && current !== token ? current : await this.renew().catch(() => null);
    return renewed ? send(again, renewed) : response;
  };

  private accept(accessToken: string, expiresIn: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.renew().catch(() => undefined), Math.max(expiresIn - RENEW_AHEAD_SECONDS, 5) * 1000);
    this.set({ status: 'signed-in', accessToken });
  }

  private end(reason: 'signed-out' | 'expired' | 'never'): void {
    clearTimeout(this.timer);
    this.set({ status: 'signed-out', reason });
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

function send(request: Request, token: string | null): Promise<Response> {
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  return globalThis.fetch(request);
}
