import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FileStore } from './files.js';
import { HttpError, send, sendJson } from './http-util.js';
import { allowedHosts, cookieName, cookieToken, newToken, refuseOrigin, sameToken } from './security.js';
import { Workbench } from './workbench.js';
import { route } from './routes.js';

export interface StudioOptions {
  /** The folders the studio works over (policies/ by default in the command). */
  readonly folders: readonly string[];
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** The built page: app.js, app.css, index.html (packages/cli/dist/studio). */
  readonly assets: string;
  /** Fixed for tests; random otherwise. */
  readonly token?: string;
}

export interface Studio {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly server: Server;
  close(): Promise<void>;
}

const ASSETS: Readonly<Record<string, string>> = {
  '/app.js': 'text/javascript; charset=utf-8',
  '/app.css': 'text/css; charset=utf-8',
};

/**
 * The studio's server: node:http alone (a dozen JSON routes and three static files need no
 * framework, and every check below is in view). Loopback unless told otherwise; every request
 * carries the token (in the URL once, then an HttpOnly SameSite=Strict cookie); Host and Origin
 * are checked before anything else; bodies are JSON and size-limited.
 */
export async function startStudio(options: StudioOptions): Promise<Studio> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const store = new FileStore(options.folders);
  const bench = new Workbench(store);
  const files = new Map<string, Buffer>();
  for (const name of ['index.html', 'app.js', 'app.css']) {
    try {
      files.set(name, readFileSync(join(options.assets, name)));
    } catch {
      throw new Error(`the studio's page is not built (${join(options.assets, name)} is missing): run node scripts/build.mjs`);
    }
  }
  let hosts = new Set<string>();
  let cookie = '';
  // The first check of a policy is the slow one: done once the page's script is sent, while the
  // browser parses it (before that the server would keep the page itself waiting).
  let warmed = false;
  const warm = (): void => {
    if (warmed) return;
    warmed = true;
    setImmediate(() => {
      try {
        const first = bench.policies().find((p) => !p.includes('modules')) ?? bench.policies()[0];
        if (first) bench.analysis(first);
      } catch {
        // the page reports it when it asks
      }
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refused = refuseOrigin(req, hosts);
    if (refused) return send(res, 403, `forbidden: ${refused}\n`, 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', 'http://studio.invalid');
    const given = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && given !== null) {
      if (!sameToken(given, token)) return send(res, 403, 'forbidden: wrong token\n', 'text/plain; charset=utf-8');
      // The token moves into a cookie the page's scripts cannot read; the URL loses it.
      return send(res, 303, '', 'text/plain', { location: '/', 'set-cookie': `${cookie}=${token}; HttpOnly; SameSite=Strict; Path=/` });
    }
    if (!sameToken(cookieToken(req, cookie), token)) return send(res, 401, 'unauthorized: open the URL with ?token= that `policy studio` printed\n', 'text/plain; charset=utf-8');
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) return send(res, 200, files.get('index.html') as Buffer, 'text/html; charset=utf-8');
    const asset = ASSETS[url.pathname];
    if (req.method === 'GET' && asset) {
      send(res, 200, files.get(url.pathname.slice(1)) as Buffer, asset);
      if (url.pathname === '/app.js') warm();
      return;
    }
    if (url.pathname === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST' && req.method !== 'GET') return sendJson(res, 405, { error: 'GET or POST' });
      return sendJson(res, 200, await route(bench, req, url));
    }
    return send(res, 404, 'not found\n', 'text/plain; charset=utf-8');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : typeof (e as { status?: unknown })?.status === 'number' ? (e as { status: number }).status : 500;
      const message = status === 500 ? `internal error: ${(e as Error)?.message ?? String(e)}` : (e as Error).message;
      if (!res.headersSent) sendJson(res, status, { error: message });
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 10_000;
  server.maxHeadersCount = 64;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port);
  cookie = cookieName(port);
  const shown = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${shown}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
