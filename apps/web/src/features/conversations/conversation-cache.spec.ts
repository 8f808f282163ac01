import { type Message, mergeMessages, mergeThreads, settlePending } from './conversation-cache';

const message = (n: number, mine = false, text = `message ${n}`): Message => ({
  id: `0193a5b1-0000-7000-8000-${String(n).padStart(12, '0')}`,
  conversationId: '0193a5b0-0000-7000-8000-00000000c001',
  senderRole: mine ? 'mentee' : 'mentor',
  senderId: null,
  mine,
  text,
  erased: false,
  length: text.length,
  sentAt: '2026-12-07T18:00:00.000Z',
});

describe('the thread cache', () => {
  it('keeps each message once, in the order of their ids, whichever way they came', () => {
    const merged = mergeMessages([message(1), message(3)], [message(3), message(2), message(4), message(1)]);
    expect(merged.map((entry) => entry.text)).toEqual(['message 1', 'message 2', 'message 3', 'message 4']);
  });

  it('stores a page fetched before a live message arrived without losing that message', () => {
    const live = { messages: [message(1), message(2), message(3)], olderCursor: 'older' };
    const page = { messages: [message(1), message(2)], olderCursor: null };
    expect(mergeThreads(live, page).messages.map((entry) => entry.id)).toEqual([message(1).id, message(2).id, message(3).id]);
    expect(mergeThreads(undefined, page)).toBe(page);
  });

  it('settles the send’s own entry by its key, or the first of the same text when the stream is first', () => {
    const pending = [
      { key: 'a', text: ' Jeudi ? ', failed: false },
      { key: 'b', text: 'Jeudi ?', failed: false },
      { key: 'c', text: 'Vendredi ?', failed: false },
    ];
    expect(settlePending(pending, message(5, true, 'Jeudi ?')).map((entry) => entry.key)).toEqual(['b', 'c']);
    expect(settlePending(pending, message(5, true, 'Jeudi ?'), 'c').map((entry) => entry.key)).toEqual(['a', 'b']);
    // The other participant's message of the same text settles nothing.
    expect(settlePending(pending, message(5, false, 'Jeudi ?')).map((entry) => entry.key)).toEqual(['a', 'b', 'c']);
  });
});
