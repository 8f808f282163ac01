import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import { NO_PROBLEMS, type Problems, problemsOf } from './form-problems';

/** A service's refusal of a submission, carrying its answer so the form can place it. */
export class Refusal extends Error {
  constructor(readonly answer: ApiError) {
    super(answer.message);
  }
}

/** What the generated client resolves to: the answer's body, or its error, and the response itself. */
type Sent<Output> = { data?: Output; error?: unknown; response: Response };

/**
 * A form's submission through the query cache: a refusal becomes problems
 * placed beside the form's `fields` (a lost connection, one general message),
 * and the form's own state, kept by the page, keeps what was typed.
 */
export function useSubmission<Input, Output>(
  fields: readonly string[],
  send: (input: Input) => Promise<Sent<Output>>,
  options: { onSuccess?: (output: Output | undefined, input: Input) => unknown } = {},
) {
  const mutation = useMutation({
    mutationFn: async (input: Input) => {
      const { data, error, response } = await send(input);
      if (!response.ok) throw new Refusal(asApiError(error, response.status));
      return data;
    },
    onSuccess: options.onSuccess,
  });
  const problems: Problems = mutation.error ? problemsOf(mutation.error instanceof Refusal ? mutation.error.answer : undefined, fields) : NO_PROBLEMS;
  return { ...mutation, problems, refusal: mutation.error instanceof Refusal ? mutation.error.answer : undefined };
}

/** An answer without the usual body (a proxy's 502, say) still counts by its status. */
function asApiError(error: unknown, status: number): ApiError {
  if (error && typeof error === 'object' && 'statusCode' in error) return error as ApiError;
  return { statusCode: status, error: '', message: '', details: [] };
}
