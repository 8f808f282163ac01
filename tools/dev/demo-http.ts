import { describeFetchError } from './service-process';

/*
 * The demo seed talks to the services over their public HTTP API only, as a
 * client would. These are its few helpers.
 */

export interface JsonAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export async function post(url: string, body: unknown, token?: string): Promise<JsonAnswer> {
  const headers: Record<string, string> = {
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  return request(url, { method: 'POST', headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

export async function get(url: string, token: string): Promise<JsonAnswer> {
  return request(url, { method: 'GET', headers: { authorization: `Bearer ${token}` } });
}

async function request(url: string, init: RequestInit): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new Error(`demo: ${init.method} ${url} failed: ${describeFetchError(error)}`);
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text: text.slice(0, 500) };
  }
  return { status: response.status, body };
}

export function unexpected(what: string, answer: JsonAnswer): Error {
  return new Error(`demo: ${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
