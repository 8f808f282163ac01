import type { ApiError } from '../api/client';

/** A refused or failed call, with the service's answer kept for the page (a 404 may mean "not yours"). */
export class RequestFailed extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiError | undefined,
  ) {
    super(problem?.message ?? `HTTP ${status}`);
  }
}

/** The body of a successful answer of the typed client, or a RequestFailed for the query or mutation to hold. */
export async function bodyOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new RequestFailed(response.status, error as ApiError | undefined);
  return data;
}

/** A 404: said as "no such thing of yours" rather than as a failure to retry. */
export const isNotFound = (error: unknown) => error instanceof RequestFailed && error.status === 404;

/** The service's refusal for problemsOf, or undefined when the service could not be reached at all. */
export function refusalOf(error: unknown): ApiError | undefined {
  if (!(error instanceof RequestFailed)) return undefined;
  return error.problem ?? { statusCode: error.status, error: '', message: error.message, details: [] };
}
