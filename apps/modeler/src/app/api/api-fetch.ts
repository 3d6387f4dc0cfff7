// The one way the web app calls the engine: same origin, the session cookie, the CSRF header on
// writes, JSON in and out, and an ApiError for every answer that is not a success.
import { ApiError, apiErrorFrom } from './api-error';
import { csrfToken } from './csrf-token';

export const API_BASE = '/api/v1';

export interface ApiFetchInit extends Omit<RequestInit, 'body' | 'credentials'> {
  /** A value sent as JSON (Content-Type: application/json). */
  json?: unknown;
  /** Any other body (a zip, a FormData), sent as is. */
  body?: BodyInit;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let onUnauthorized: (() => void) | undefined;

/** Called when an answer is 401: the session ended (expired, signed out elsewhere, user deactivated). */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

/**
 * Calls `API_BASE + path` (e.g. `apiFetch('/tasks?state=created')`) and answers the parsed JSON body,
 * or undefined for an answer without one (204).
 */
export async function apiFetch<T>(path: string, init: ApiFetchInit = {}): Promise<T> {
  const { json, body, headers: given, ...rest } = init;
  const method = (rest.method ?? (json === undefined && body === undefined ? 'GET' : 'POST')).toUpperCase();
  const headers = new Headers(given);
  headers.set('Accept', 'application/json');
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  const token = csrfToken();
  if (WRITES.has(method) && token !== undefined) headers.set('X-CSRF-Token', token);
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      ...rest,
      method,
      headers,
      credentials: 'same-origin',
      body: json !== undefined ? JSON.stringify(json) : body,
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const error = await apiErrorFrom(response);
    if (response.status === 401 && !path.startsWith('/auth/session')) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
