import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The cookie's name carries the port: cookies are not kept apart by port, two studios' would be one. */
export function cookieName(port: number): string {
  return `policy_studio_${port}`;
}

/** Names the page may be reached by: loopback names, and the --host given. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  names.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  return new Set([...names].map((n) => `${n}:${port}`));
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sameToken(a: string | undefined | null, token: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(token);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieToken(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * Why a request is refused before anything else, or undefined: a Host header that is not one of
 * the server's names (DNS rebinding: a page of evil.example whose name now points to 127.0.0.1),
 * an Origin that is not the server's (a page elsewhere posting to it), a fetch the browser marks
 * cross-site.
 */
export function refuseOrigin(req: IncomingMessage, hosts: ReadonlySet<string>): string | undefined {
  const host = req.headers.host;
  if (typeof host !== 'string' || !hosts.has(host.toLowerCase())) return `Host ${JSON.stringify(host ?? '')} is not this server`;
  const origin = req.headers.origin;
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length).toLowerCase()))) return `Origin ${JSON.stringify(origin)} is not this server`;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return 'a cross-site request';
  if (req.method !== 'GET' && req.method !== 'HEAD' && origin === undefined && site !== undefined && site !== 'same-origin') return 'a request with no Origin from another site';
  return undefined;
}
