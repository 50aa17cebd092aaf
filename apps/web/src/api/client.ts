import { errorResponseSchema } from '@homeward/domain';
import type { z } from 'zod';
import { ApiError } from './api-error';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

/** Turns a failed response into an ApiError, whatever the body looks like (a proxy may answer in HTML). */
async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const parsed = errorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, reference, details } = parsed.data.error;
    return new ApiError({ code, message, status: response.status, reference, details });
  }
  return new ApiError({
    code: response.status >= 500 ? 'internal' : 'bad_request',
    message: `The server answered ${response.status} ${response.statusText}.`,
    status: response.status,
  });
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ code: 'internal', message: 'The server could not be reached.', status: 0 });
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/**
 * Calls the API on the same origin (the session is an HttpOnly cookie) and checks the answer against the
 * shared contract, so a server that drifts from `@homeward/domain` fails loudly here, not in a component.
 */
export async function apiFetch<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
  const response = await send(path, options);
  const json: unknown = await response.json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error('Response does not match the API contract', path, parsed.error);
    throw new ApiError({ code: 'internal', message: 'The server sent an answer this app does not understand.', status: 502 });
  }
  return parsed.data;
}

/** For calls that answer 204 No Content. */
export async function apiSend(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

/**
 * For answers that are files rather than JSON (a photo, an export): the body as a Blob, fetched with the
 * session cookie, so the page can show or save it through an object URL without loosening the CSP.
 */
export async function apiFetchBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send(path, options);
  return response.blob();
}
