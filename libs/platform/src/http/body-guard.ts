import { BadRequestException, HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, RequestBodyObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type ErrorDetail, invalidField } from './validation';

/** Deeper than any request of the APIs needs; far below what would exhaust validation's recursion. */
export const MAX_BODY_DEPTH = 32;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A write whose body is not of a type its operation documents (JSON for
 * every DTO; a one-click unsubscribe reads no body and takes any) is refused with 415 before anything reads it: otherwise it would be taken
 * for an empty body, and a request with only optional fields would go
 * through as if the client had sent `{}`.
 */
export function requireDocumentedBodyTypes(document: OpenAPIObject): RequestHandler {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, OperationObject>)
      .filter(([method]) => WRITE_METHODS.has(method.toUpperCase()))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        types: Object.keys((operation.requestBody as RequestBodyObject | undefined)?.content ?? {}),
      })),
  );
  return (req, _res, next) => {
    if (!WRITE_METHODS.has(req.method) || !carriesBody(req)) return next();
    // An operation that documents no body reads none: whatever is sent is ignored.
    const types = operations.find((operation) => operation.method === req.method && operation.pattern.test(req.path))?.types ?? [];
    if (types.length === 0 || req.is(types)) return next();
    next(unsupportedMediaType(`must be sent as ${types.join(' or ')}`));
  };
}

function carriesBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function unsupportedMediaType(issue: string): HttpException {
  return new HttpException(
    { message: 'The request body has an unsupported media type.', details: [{ path: 'body', issue }] },
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  );
}

/**
 * Checks a parsed body before validation sees it, without recursion: a
 * nesting deeper than {@link MAX_BODY_DEPTH} would exhaust validation's stack,
 * and PostgreSQL text refuses NUL characters and unpaired UTF-16 surrogates
 * (which have no UTF-8 form), so they are client mistakes named by path
 * rather than failures of the database later.
 */
export function inspectParsedBody(req: Request, _res: Response, next: NextFunction): void {
  const problem = bodyProblem(req.body);
  next(problem ? new BadRequestException({ message: 'The request is invalid.', details: [problem] }) : undefined);
}

export function bodyProblem(body: unknown): ErrorDetail | undefined {
  const pending: Array<{ readonly value: unknown; readonly path: string; readonly depth: number }> = [{ value: body, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      const character = forbiddenCharacterIn(value);
      if (character) return { path: path || 'body', issue: `must not contain ${character}` };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) return { path: 'body', issue: `is nested deeper than ${MAX_BODY_DEPTH} levels` };
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
    for (const [key, item] of entries) {
      const character = forbiddenCharacterIn(key);
      if (character) return { path: path || 'body', issue: `has a field name containing ${character}` };
      pending.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function forbiddenCharacterIn(text: string): string | undefined {
  if (text.includes('\u0000')) return 'the NUL character';
  if (UNPAIRED_SURROGATE.test(text)) return 'an unpaired UTF-16 surrogate';
  return undefined;
}

/** Body-parser's failures in the shared shape, naming the body. */
export function bodyErrorsInSharedShape(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const type = (error as { type?: unknown })?.type;
  if (type === 'entity.parse.failed') return next(invalidField('body', 'is not valid JSON'));
  if (type === 'entity.too.large') {
    return next(new PayloadTooLargeException({ message: 'The request body is too large.', details: [{ path: 'body', issue: 'exceeds 1 MB' }] }));
  }
  if (type === 'charset.unsupported') return next(unsupportedMediaType('must be encoded in UTF-8'));
  if (type === 'encoding.unsupported') return next(unsupportedMediaType('has an unsupported content encoding'));
  if (type === 'request.size.invalid' || type === 'request.aborted') return next(invalidField('body', 'was not received whole'));
  next(error);
}
