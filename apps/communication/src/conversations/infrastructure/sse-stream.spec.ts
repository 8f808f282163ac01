import { sseComment, sseFrame } from './sse-stream';

describe('SSE framing', () => {
  it('writes id, event and one-line JSON data, ended by a blank line', () => {
    expect(sseFrame({ id: 'abc', event: 'message', data: { text: 'line one\nline two' } })).toBe(
      'id: abc\nevent: message\ndata: {"text":"line one\\nline two"}\n\n',
    );
  });

  it('writes the retry hint alone when asked', () => {
    expect(sseFrame({ retryMs: 3000 })).toBe('retry: 3000\n\n');
  });

  it('cannot be broken by line breaks in an event name, id or comment', () => {
    expect(sseFrame({ event: 'x\ndata: injected', data: 1 })).toBe('event: x data: injected\ndata: 1\n\n');
    expect(sseComment('heart\r\nbeat')).toBe(': heart  beat\n\n');
  });
});
