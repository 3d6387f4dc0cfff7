// The one function every method of the typed client calls: a route, its body, and how to read the answer.

/** What a route sends: JSON, a multipart form, or raw bytes of a type (a package zip). */
export type RequestBody = { json: unknown } | { form: FormData } | { bytes: Uint8Array; type: string };

/** One call of the API under /api/v1: the answer parsed as JSON, or its bytes (`as: 'bytes'`). */
export interface ApiRequest {
  <T>(method: string, path: string, body?: RequestBody): Promise<T>;
  (method: string, path: string, body: RequestBody | undefined, as: 'bytes'): Promise<Uint8Array>;
}

type QueryValue = string | number | boolean | undefined;

/** `?name=value&...` of the defined values of a query object; empty without any. */
export function queryString(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, QueryValue>)) {
    if (value !== undefined) params.append(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
