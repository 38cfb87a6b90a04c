/// <reference lib="dom" />
/** The server's JSON API (same origin; the token travels in the HttpOnly cookie). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function post<T>(name: string, body: unknown): Promise<T> {
  const res = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  const value = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as T & { error?: string };
  if (!res.ok) throw new ApiError(res.status, value.error ?? `HTTP ${res.status}`);
  return value;
}

export async function get<T>(name: string): Promise<T> {
  const res = await fetch(`/api/${name}`, { credentials: 'same-origin' });
  const value = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new ApiError(res.status, value.error ?? `HTTP ${res.status}`);
  return value;
}
