/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { type Renewal, SessionKeeper } from './session-keeper';

describe('the session keeper', () => {
  it('sends a request refused with a token renewed since again with the new token, without renewing twice', async () => {
    const renewals: Renewal[] = [
      { accessToken: 'first', expiresIn: 900 },
      { accessToken: 'second', expiresIn: 900 },
    ];
    let renewed = 0;
    const keeper = new SessionKeeper({
      open: async () => ({ kind: 'unreachable' }),
      renew: async () => {
        renewed += 1;
        return renewals.shift() ?? null;
      },
      close: async () => undefined,
    });
    await keeper.restore();

    // The services refuse 'first'; the slow request's refusal arrives after the fast one was renewed and answered.
    let releaseSlow: () => void = () => undefined;
    const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
    const seen: string[] = [];
    globalThis.fetch = (async (request: Request) => {
      const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
      const path = new URL(request.url).pathname;
      seen.push(`${path} ${token}`);
      if (token === 'first' && path === '/slow') await slowGate;
      return new Response(null, { status: token === 'second' ? 200 : 401 });
    }) as typeof fetch;

    const slow = keeper.fetch(new Request('http://app.test/slow'));
    const fast = await keeper.fetch(new Request('http://app.test/fast'));
    releaseSlow();
    expect([fast.status, (await slow).status]).toEqual([200, 200]);
    expect(renewed).toBe(2);
    expect(keeper.current()).toEqual({ status: 'signed-in', accessToken: 'second' });
    expect(seen).toEqual(['/slow first', '/fast first', '/fast second', '/slow second']);
    await keeper.signOut();
  });
});
