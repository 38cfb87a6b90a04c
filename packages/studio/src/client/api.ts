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

/** The page's unsaved documents, sent with every request that settles or checks the policy. */
let unsaved: () => { path: string; text: string }[] = () => [];
export function setUnsaved(provider: () => { path: string; text: string }[]): void {
  unsaved = provider;
}
const WITH_EDITS = new Set(['settle', 'tests', 'add-test', 'diff', 'parameters', 'tree']);

export async function post<T>(name: string, body: Record<string, unknown>): Promise<T> {
  const payload = WITH_EDITS.has(name) ? { ...body, edits: unsaved() } : body;
  const res = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), credentials: 'same-origin' });
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
