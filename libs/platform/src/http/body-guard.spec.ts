import { HttpException } from '@nestjs/common';
import type { Request } from 'express';
import { bodyProblem, MAX_BODY_DEPTH, requireDocumentedBodyTypes } from './body-guard';

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
    expect(bodyProblem({ bio: 'a\u0000b' })).toEqual({ path: 'bio', issue: 'must not contain the NUL character' });
    expect(bodyProblem({ email: 'x\uD800@example.org' })).toEqual({ path: 'email', issue: 'must not contain an unpaired UTF-16 surrogate' });
    expect(bodyProblem({ email: '\uDC00x' })).toEqual({ path: 'email', issue: 'must not contain an unpaired UTF-16 surrogate' });
    expect(bodyProblem({ answers: [{ text: 'ok' }, { text: 'bad\u0000' }] })).toEqual({ path: 'answers.1.text', issue: 'must not contain the NUL character' });
    expect(bodyProblem('\u0000')).toEqual({ path: 'body', issue: 'must not contain the NUL character' });
  });

  it('names the object whose field name holds one', () => {
    expect(bodyProblem({ 'a\u0000': 1 })).toEqual({ path: 'body', issue: 'has a field name containing the NUL character' });
    expect(bodyProblem({ profile: { '\uD83D': 1 } })).toEqual({ path: 'profile', issue: 'has a field name containing an unpaired UTF-16 surrogate' });
  });
});

describe('requireDocumentedBodyTypes', () => {
  const guard = requireDocumentedBodyTypes({
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/v1/things/{id}': { patch: { responses: {}, requestBody: { content: { 'application/json': {} } } } },
      '/v1/forms': { post: { responses: {}, requestBody: { content: { 'application/x-www-form-urlencoded': {}, 'application/json': {} } } } },
      '/v1/unsubscribe': { post: { responses: {} } },
    },
  });

  function outcome(method: string, path: string, headers: Record<string, string>): unknown {
    const req = { method, path, headers, is: (types: string[]) => types.includes(headers['content-type']?.split(';')[0].trim() ?? '') } as unknown as Request;
    let passed: unknown = 'not called';
    guard(req, {} as never, (error?: unknown) => (passed = error));
    return passed;
  }

  it('lets documented bodies, bodiless writes, operations that read no body and reads through', () => {
    expect(outcome('PATCH', '/v1/things/1', { 'content-type': 'application/json; charset=utf-8', 'content-length': '2' })).toBeUndefined();
    expect(outcome('POST', '/v1/forms', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '5' })).toBeUndefined();
    expect(outcome('POST', '/v1/unsubscribe', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '5' })).toBeUndefined();
    expect(outcome('POST', '/v1/things/1', { 'content-length': '0' })).toBeUndefined();
    expect(outcome('GET', '/v1/things/1', { 'content-type': 'text/plain', 'content-length': '5' })).toBeUndefined();
  });

  it('refuses a write whose body is of another type with 415 in the shared shape', () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['/v1/things/1', { 'content-type': 'text/plain', 'content-length': '2' }],
      ['/v1/things/1', { 'transfer-encoding': 'chunked' }],
      ['/v1/things/1', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '3' }],
    ];
    for (const [path, headers] of cases) {
      const error = outcome('PATCH', path, headers) as HttpException;
      expect(error.getStatus()).toBe(415);
      expect(error.getResponse()).toEqual({
        message: 'The request body has an unsupported media type.',
        details: [{ path: 'body', issue: 'must be sent as application/json' }],
      });
    }
  });
});
