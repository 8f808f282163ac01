import { HttpException } from '@nestjs/common';
import type { Request } from 'express';
import { bodyProblem, MAX_BODY_DEPTH, requireJsonBodies } from './body-guard';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('bodyProblem', () => {
  it('accepts ordinary bodies, nested up to the limit', () => {
    expect(bodyProblem({ name: 'Zoë 👩‍🎓', tags: ['a', 'b'], note: null, count: 3 })).toBeUndefined();
    expect(bodyProblem(nested(MAX_BODY_DEPTH))).toBeUndefined();
    expect(bodyProblem(undefined)).toBeUndefined();
  });

  it('names the body when it is nested deeper than the limit, however deep, without recursion', () => {
    const expected = { path: 'body', issue: `is nested deeper than ${MAX_BODY_DEPTH} levels` };
    expect(bodyProblem(nested(MAX_BODY_DEPTH + 1))).toEqual(expected);
    expect(bodyProblem(JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)))).toEqual(expected);
  });

  it('names the field holding a NUL character or an unpaired surrogate, nested ones included', () => {
    expect(bodyProblem({ bio: 'a\u0000b' })).toEqual({ path: 'bio', issue: 'must not contain a NUL character' });
    expect(bodyProblem({ email: 'x\uD800@example.org' })).toEqual({ path: 'email', issue: 'must not contain an unpaired UTF-16 surrogate' });
    expect(bodyProblem({ email: '\uDC00x' })).toEqual({ path: 'email', issue: 'must not contain an unpaired UTF-16 surrogate' });
    expect(bodyProblem({ answers: [{ text: 'ok' }, { text: 'bad\u0000' }] })).toEqual({ path: 'answers.1.text', issue: 'must not contain a NUL character' });
    expect(bodyProblem('\u0000')).toEqual({ path: 'body', issue: 'must not contain a NUL character' });
  });

  it('names the object whose field name holds one', () => {
    expect(bodyProblem({ 'a\u0000': 1 })).toEqual({ path: 'body', issue: 'has a field name containing a NUL character' });
    expect(bodyProblem({ profile: { '\uD83D': 1 } })).toEqual({ path: 'profile', issue: 'has a field name containing an unpaired UTF-16 surrogate' });
  });
});

describe('requireJsonBodies', () => {
  function outcome(method: string, headers: Record<string, string>): unknown {
    const req = {
      method,
      headers,
      is: (type: string) => (headers['content-type']?.split(';')[0].trim() === type ? type : false),
    } as unknown as Request;
    let passed: unknown = 'not called';
    requireJsonBodies(req, {} as never, (error?: unknown) => (passed = error));
    return passed;
  }

  it('lets JSON bodies, bodiless writes and reads through', () => {
    expect(outcome('POST', { 'content-type': 'application/json; charset=utf-8', 'content-length': '2' })).toBeUndefined();
    expect(outcome('POST', { 'content-length': '0' })).toBeUndefined();
    expect(outcome('DELETE', {})).toBeUndefined();
    expect(outcome('GET', { 'content-type': 'text/plain', 'content-length': '5' })).toBeUndefined();
  });

  it('refuses a write whose body is not JSON with 415 in the shared shape', () => {
    for (const headers of [{ 'content-type': 'text/plain', 'content-length': '2' }, { 'transfer-encoding': 'chunked' }] as Array<Record<string, string>>) {
      const error = outcome('PATCH', headers) as HttpException;
      expect(error.getStatus()).toBe(415);
      expect(error.getResponse()).toEqual({
        message: 'The request body has an unsupported media type.',
        details: [{ path: 'body', issue: 'must be sent as application/json' }],
      });
    }
  });
});
