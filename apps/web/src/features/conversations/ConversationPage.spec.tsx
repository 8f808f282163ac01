/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Conversation, Message } from './conversation-cache';
import { json, renderApp, type Routes, TestEventSource } from '../../app/test-wiring';

const CONVERSATION_ID = '0193a5b0-0000-7000-8000-00000000c001';
const MATCH_ID = '5d1f3c2a-8b4e-4c6d-9e7f-0a1b2c3d4e5f';
const ME = '7b0c9a52-3f1e-4b8e-9a51-2c6f0d4e8a11';
const DOMINIQUE = '9c8b7a65-4321-4fed-8cba-0987654321ab';

/** Message ids grow as a conversation's do: time-ordered UUIDs. */
const messageId = (n: number) => `0193a5b1-0000-7000-8000-${String(n).padStart(12, '0')}`;

function message(n: number, mine: boolean, text: string): Message {
  return {
    id: messageId(n),
    conversationId: CONVERSATION_ID,
    senderRole: mine ? 'mentee' : 'mentor',
    senderId: mine ? ME : DOMINIQUE,
    mine,
    text,
    erased: false,
    length: [...text].length,
    sentAt: new Date(Date.UTC(2026, 11, 7, 18, n)).toISOString(),
  };
}

function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: CONVERSATION_ID,
    matchId: MATCH_ID,
    programId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516',
    status: 'open',
    closedReason: null,
    openedAt: '2026-12-01T09:00:00.000Z',
    closedAt: null,
    myRole: 'mentee',
    counterpart: { userId: DOMINIQUE, role: 'mentor', displayName: 'Dominique Martin' },
    lastMessageId: messageId(3),
    lastMessageAt: message(3, false, '').sentAt,
    unreadCount: 1,
    read: { mine: { upTo: messageId(2), at: '2026-12-07T18:02:30.000Z' }, counterpart: { upTo: messageId(2), at: '2026-12-07T18:02:40.000Z' } },
    ...overrides,
  };
}

const history = [message(3, false, 'Tu as pu avancer sur ton CV ?'), message(2, true, 'Merci pour hier !'), message(1, false, 'Bonjour, ravi de te rencontrer.')];

function services(overrides: Record<string, Routes[string]> = {}) {
  return {
    'GET /v1/conversations': () => json(200, { items: [conversation()], nextCursor: null }),
    [`GET /v1/conversations/${CONVERSATION_ID}`]: () => json(200, conversation()),
    [`GET /v1/conversations/${CONVERSATION_ID}/messages`]: () => json(200, { items: history, nextCursor: null }),
    [`POST /v1/conversations/${CONVERSATION_ID}/read`]: () =>
      json(200, { conversationId: CONVERSATION_ID, upTo: messageId(3), readAt: '2026-12-07T18:10:00.000Z', unreadCount: 0 }),
    ...overrides,
  };
}

const shownTexts = () =>
  within(screen.getByRole('log'))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.message-text')?.textContent);

beforeEach(() => {
  TestEventSource.opened = [];
  (globalThis as { EventSource?: unknown }).EventSource = TestEventSource;
});

afterEach(() => {
  delete (globalThis as { EventSource?: unknown }).EventSource;
});

describe('the conversations', () => {
  it('lists each pair’s conversation with its unread count, in English too', async () => {
    renderApp('/messages', services(), { language: 'en' });
    const link = await screen.findByRole('link', { name: /Dominique Martin/ });
    expect(link.getAttribute('href')).toBe(`/messages/${CONVERSATION_ID}`);
    expect(screen.getByText('Unread: 1')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Messages' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows the messages oldest first in a log, the other’s read receipt, and marks the newest read', async () => {
    const { seen: calls } = renderApp(`/messages/${CONVERSATION_ID}`, services());
    expect(await screen.findByRole('heading', { level: 1, name: 'Conversation avec Dominique Martin' })).toBeTruthy();
    expect(screen.getByRole('log').getAttribute('aria-live')).toBe('polite');
    expect(shownTexts()).toEqual(['Bonjour, ravi de te rencontrer.', 'Merci pour hier !', 'Tu as pu avancer sur ton CV ?']);
    // Dominique read up to message 2, which is mine: "read" goes under it.
    const mine = screen.getByText('Merci pour hier !').closest('li') as HTMLElement;
    expect(within(mine).getByText('Lu par Dominique Martin')).toBeTruthy();
    await waitFor(() => expect(calls.filter((call) => call.method === 'POST').map((call) => [call.path, call.body])).toEqual([[`/v1/conversations/${CONVERSATION_ID}/read`, { upTo: messageId(3) }]]));
  });

  it('opens the stream with the token in its address, shows live messages once, and reopens after the last event with a renewed token', async () => {
    const { seen: calls } = renderApp(`/messages/${CONVERSATION_ID}`, services(), {
      renewals: [
        { accessToken: 'token-1', expiresIn: 900 },
        { accessToken: 'token-2', expiresIn: 900 },
      ],
    });
    await screen.findByText('Merci pour hier !');
    const first = TestEventSource.latest();
    expect(new URL(first.url).pathname).toBe('/v1/conversations/stream');
    expect(new URL(first.url).searchParams.get('access_token')).toBe('token-1');
    expect(new URL(first.url).searchParams.get('lastEventId')).toBeNull();

    await act(async () => first.emit('ready', { heartbeatSeconds: 25, replayed: 0 }, messageId(0)));
    await act(async () => first.emit('message', message(4, false, 'Oui, je te l’envoie ce soir.'), messageId(4)));
    await waitFor(() => expect(shownTexts()).toEqual(['Bonjour, ravi de te rencontrer.', 'Merci pour hier !', 'Tu as pu avancer sur ton CV ?', 'Oui, je te l’envoie ce soir.']));

    // The token is refused twice in a row (it expired): the feed renews it and asks for what came after message 4.
    jest.useFakeTimers();
    try {
      await act(async () => first.fail());
      await act(async () => jest.advanceTimersByTime(1500));
      expect(await screen.findByText(/reconnexion en cours/)).toBeTruthy();
      await act(async () => TestEventSource.latest().fail());
      await act(async () => jest.advanceTimersByTime(3000));
    } finally {
      jest.useRealTimers();
    }
    await waitFor(() => expect(new URL(TestEventSource.latest().url).searchParams.get('access_token')).toBe('token-2'));
    const reopened = TestEventSource.latest();
    expect(new URL(reopened.url).searchParams.get('lastEventId')).toBe(messageId(4));

    // The replay repeats message 4 and brings 5: each is shown once, in order.
    await act(async () => {
      reopened.emit('ready', { heartbeatSeconds: 25, replayed: 2 }, messageId(4));
      reopened.emit('message', message(4, false, 'Oui, je te l’envoie ce soir.'), messageId(4));
      reopened.emit('message', message(5, false, 'Et on se voit jeudi ?'), messageId(5));
    });
    await waitFor(() =>
      expect(shownTexts()).toEqual(['Bonjour, ravi de te rencontrer.', 'Merci pour hier !', 'Tu as pu avancer sur ton CV ?', 'Oui, je te l’envoie ce soir.', 'Et on se voit jeudi ?']),
    );
    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && (call.body as { upTo: string }).upTo === messageId(5))).toBe(true));
    expect(new Set(calls.map((call) => call.token))).toEqual(new Set(['token-1', 'token-2']));
  });

  it('sends with Enter, shows the message at once and only once when the stream brings it before the answer', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { seen: calls } = renderApp(
      `/messages/${CONVERSATION_ID}`,
      services({ [`POST /v1/conversations/${CONVERSATION_ID}/messages`]: () => new Promise<Response>((resolve) => (answer = resolve)) }),
    );
    const composer = await screen.findByLabelText('Votre message');
    fireEvent.change(composer, { target: { value: '  Jeudi 18 h, ça te va ?  ' } });
    await act(async () => fireEvent.keyDown(composer, { key: 'Enter' }));
    expect((composer as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByText('envoi en cours…')).toBeTruthy();
    await waitFor(() => expect(calls.find((call) => call.path.endsWith('/messages') && call.method === 'POST')?.body).toEqual({ text: '  Jeudi 18 h, ça te va ?  ' }));

    const sent = message(4, true, 'Jeudi 18 h, ça te va ?');
    await act(async () => TestEventSource.latest().emit('message', sent, sent.id));
    await waitFor(() => expect(screen.queryByText('envoi en cours…')).toBeNull());
    expect(shownTexts().filter((text) => text === 'Jeudi 18 h, ça te va ?')).toHaveLength(1);
    await act(async () => answer(json(201, sent)));
    // The answer's copy of the same message, once the cache has told the page.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(shownTexts().filter((text) => text === 'Jeudi 18 h, ça te va ?')).toHaveLength(1);
    expect(screen.queryByText('envoi en cours…')).toBeNull();
  });

  it('puts a refused message back in the composer with the service’s reason beside it', async () => {
    renderApp(
      `/messages/${CONVERSATION_ID}`,
      services({
        [`POST /v1/conversations/${CONVERSATION_ID}/messages`]: () =>
          json(400, { statusCode: 400, error: 'Bad Request', message: 'invalid', details: [{ path: 'text', issue: 'must be at most 4000 characters (has 4001)' }] }),
      }),
    );
    const composer = await screen.findByLabelText('Votre message');
    fireEvent.change(composer, { target: { value: 'x'.repeat(4001) } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Envoyer' })));
    expect(await screen.findByText('must be at most 4000 characters (has 4001)')).toBeTruthy();
    expect((composer as HTMLTextAreaElement).value).toHaveLength(4001);
    expect(composer.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('envoi en cours…')).toBeNull();
  });
});
