import createClient, { type ClientOptions } from 'openapi-fetch';
import type { paths as CommunicationPaths } from './types/communication';
import type { paths as EvaluationPaths } from './types/evaluation';
import type { components, paths as IdentityPaths } from './types/identity';
import type { paths as IntakePaths } from './types/intake';
import type { paths as MatchingPaths } from './types/matching';

/**
 * Every operation of the five services. Their paths do not overlap: each
 * prefix is routed to one service (docs/operations.md), so the browser sees
 * one API at one origin.
 */
export type ApiPaths = IdentityPaths & IntakePaths & MatchingPaths & CommunicationPaths & EvaluationPaths;

/** The one error shape every service answers a 4xx or 5xx with; `details` names the fields at fault. */
export type ApiError = components['schemas']['ErrorResponse'];

/**
 * A typed client of the whole API. The base URL defaults to the page's own
 * origin: the browser talks to one origin, which routes `/v1/*` and
 * `/.well-known/*` to the services, so no request is cross-origin. Code
 * outside a page (a test in Node) passes an absolute `baseUrl`.
 */
export function createApiClient(options: ClientOptions = {}) {
  return createClient<ApiPaths>({ baseUrl: '', ...options });
}

export type ApiClient = ReturnType<typeof createApiClient>;
