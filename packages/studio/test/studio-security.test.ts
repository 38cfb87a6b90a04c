import { request } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../src/server/index.js';
import { ROOT, removeFolder, startCli, workFolder } from './studio-fixture.js';

/** One raw HTTP request (node:http, so Host and Origin can be anything a hostile page could send). */
function call(
  studio: Studio,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; cookie?: boolean } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const u = new URL(studio.origin);
  const headers: Record<string, string> = { host: u.host, ...(options.cookie === false ? {} : { cookie: `policy_studio_${new URL(studio.origin).port}=${studio.token}` }), ...options.headers };
  if (options.body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'), headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (studio: Studio, name: string, body: unknown, headers: Record<string, string> = {}) => call(studio, `/api/${name}`, { body: JSON.stringify(body), headers });

describe('policy studio: token, Host, Origin, files', () => {
  let dir: string;
  let studio: Studio;
  let anyi: string;

  beforeAll(async () => {
    dir = workFolder();
    anyi = join(dir, 'policies/anyi');
    writeFileSync(join(dir, 'secret.policy'), '# SECRET-MARKER\n');
    symlinkSync(join(dir, 'secret.policy'), join(anyi, 'link-out.policy'));
    studio = await startStudio({ folders: [join(dir, 'policies')], assets: join(ROOT, 'packages/cli/dist/studio') });
  });

  afterAll(async () => {
    await studio?.close();
    if (dir) removeFolder(dir);
  });

  it('listens on loopback; the URL carries a random token', () => {
    expect(studio.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(studio.url).toBe(`${studio.origin}/?token=${studio.token}`);
    expect(studio.token).toMatch(/^[\w-]{32}$/);
  });

  it('policy studio prints its URL first, warns when told to listen beyond loopback, and stops on Ctrl-C', async () => {
    const local = await startCli(dir, ['policies']);
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(await local.stop()).toBe(0);
    expect(local.stderr()).not.toContain('warning');
    const wide = await startCli(dir, ['--host', '0.0.0.0', 'policies']);
    expect(wide.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/\?token=/);
    expect(wide.stderr()).toContain('warning: listening on 0.0.0.0, not loopback');
    expect(await wide.stop()).toBe(0);
  });

  it('without the token: 401 for the page and the API; a wrong token: 403', async () => {
    expect((await call(studio, '/', { cookie: false })).status).toBe(401);
    expect((await call(studio, '/api/policies', { cookie: false })).status).toBe(401);
    expect((await call(studio, '/app.js', { cookie: false })).status).toBe(401);
    expect((await call(studio, '/api/policies', { cookie: false, headers: { cookie: `policy_studio_${new URL(studio.origin).port}=wrong` } })).status).toBe(401);
    expect((await call(studio, '/?token=wrong', { cookie: false })).status).toBe(403);
  });

  it('the token of the URL becomes an HttpOnly SameSite=Strict cookie, and leaves the URL', async () => {
    const r = await call(studio, `/?token=${studio.token}`, { cookie: false });
    expect(r.status).toBe(303);
    expect(r.headers['location']).toBe('/');
    expect(r.headers['set-cookie']?.[0]).toBe(`policy_studio_${new URL(studio.origin).port}=${studio.token}; HttpOnly; SameSite=Strict; Path=/`);
    // another studio's cookie (another port) is not this one's
    expect((await call(studio, '/api/policies', { cookie: false, headers: { cookie: `policy_studio_1=${studio.token}` } })).status).toBe(401);
    const page = await call(studio, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    // the page loads only from this server
    expect(page.body).not.toMatch(/https?:\/\//);
  });

  it('refuses a Host that is not the server (DNS rebinding), even with the cookie', async () => {
    const port = new URL(studio.origin).port;
    expect((await call(studio, '/api/policies', { headers: { host: `evil.example:${port}` } })).status).toBe(403);
    expect((await call(studio, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await call(studio, '/api/policies', { headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  it('refuses another Origin and cross-site fetches; accepts its own', async () => {
    expect((await api(studio, 'tree', { policy: 'x' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(studio, 'tree', { policy: 'x' }, { origin: 'null' })).status).toBe(403);
    expect((await api(studio, 'tree', { policy: anyi }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api(studio, 'tree', { policy: anyi }, { origin: studio.origin })).status).toBe(200);
  });

  it('takes only JSON bodies of a bounded size', async () => {
    const form = await call(studio, '/api/save', { body: 'path=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const big = await call(studio, '/api/lint', { body: Buffer.alloc(6 * 1024 * 1024, 0x20) });
    expect(big.status).toBe(413);
    expect((await call(studio, '/api/lint', { body: '{not json' })).status).toBe(400);
  });

  it('reads no file outside the folders: traversal, absolute paths, a symbolic link out, other kinds', async () => {
    const refused = async (path: string, status: number) => {
      const r = await api(studio, 'file', { path });
      expect(r.status, path).toBe(status);
      expect(r.body).not.toContain('SECRET-MARKER'); // never the file's text
    };
    await refused(join(anyi, '../../secret.policy'), 403);
    await refused(`${anyi}/tests/../../../secret.policy`, 403);
    await refused('/etc/passwd', 403);
    await refused(join(anyi, 'link-out.policy'), 403);
    await refused(join(anyi, 'README.md'), 403);
    await refused(join(anyi, 'nhsa-mapping.json'), 200); // a claims-kind name under the folder is readable
    expect((await api(studio, 'file', { path: join(anyi, 'anyi.policy') })).status).toBe(200);
    // nor writes one
    const w = await api(studio, 'save', { path: join(anyi, 'link-out.policy'), text: 'x', hash: null });
    expect(w.status).toBe(403);
    expect(readFileSync(join(dir, 'secret.policy'), 'utf8')).toBe('# SECRET-MARKER\n');
    expect((await api(studio, 'save', { path: join(dir, 'new.policy'), text: 'x', hash: null })).status).toBe(403);
  });

  it('lists for the change panel only claims files under its folders, never one through a link out', async () => {
    writeFileSync(join(dir, 'outside.csv'), 'id\n');
    symlinkSync(join(dir, 'outside.csv'), join(anyi, 'link-out.csv'));
    writeFileSync(join(anyi, 'inside.jsonl'), '');
    const tree = JSON.parse((await api(studio, 'tree', { policy: anyi })).body) as { corpus: string | null; claims: string[] };
    // the CI corpus (the default, outside the folders but the policy's own) first, then what is under policies/
    expect(tree.claims[0]).toBe(tree.corpus);
    expect(tree.claims.slice(1)).toEqual([join(anyi, 'inside.jsonl')]); // not nhsa-mapping.json, not the link out
  });

  it('saves atomically, and refuses to overwrite a file changed on disk since it was opened', async () => {
    const path = join(anyi, 'clauses.policy');
    const opened = JSON.parse((await api(studio, 'file', { path })).body) as { text: string; hash: string };
    const edited = `${opened.text}# edited in the studio\n`;
    // someone else changes the file meanwhile
    writeFileSync(path, `${opened.text}# edited elsewhere\n`);
    const stale = await api(studio, 'save', { path, text: edited, hash: opened.hash });
    expect(stale.status).toBe(409);
    expect(readFileSync(path, 'utf8')).toBe(`${opened.text}# edited elsewhere\n`);
    // reopened, it saves; no temporary file is left beside it
    const again = JSON.parse((await api(studio, 'file', { path })).body) as { hash: string };
    const ok = await api(studio, 'save', { path, text: edited, hash: again.hash });
    expect(ok.status).toBe(200);
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(readdirSync(anyi).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('evaluates nothing it is sent: code in a claim is a rejected claim, a policy name outside is refused', async () => {
    const marker = join(dir, 'pwned');
    const r = await api(studio, 'settle', { policy: join(dir, 'policies/anyi'), claim: { id: `require('fs').writeFileSync('${marker}','x')`, total: "process.exit(1)", constructor: { prototype: { polluted: true } } } });
    expect(r.status).toBe(200);
    expect((JSON.parse(r.body) as { rejected?: string }).rejected).toBeTruthy();
    expect(existsSync(marker)).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // the reason in the page's language, the field named the same in both
    const bad = { id: 'Z1', personId: 'P1', date: '2019-13-01', categories: [], visit: 'inpatient', level: 2, region: 'county', total: '1.00', inCatalog: '1.00' };
    const zh = (JSON.parse((await api(studio, 'settle', { policy: join(dir, 'policies/anyi'), claim: bad, lang: 'zh' })).body) as { rejected: string }).rejected;
    const en = (JSON.parse((await api(studio, 'settle', { policy: join(dir, 'policies/anyi'), claim: bad, lang: 'en' })).body) as { rejected: string }).rejected;
    expect(en.startsWith('date: ')).toBe(true);
    expect(zh.startsWith('date: ')).toBe(true);
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect((await api(studio, 'settle', { policy: '/etc', claim: {} })).status).toBe(403);
    expect((await api(studio, 'diff', { policy: anyi, rev: '--output=/tmp/x' })).status).toBe(400);
    // the server still answers
    expect((await call(studio, '/api/policies')).status).toBe(200);
  });

  it('answers the editor from the language service: lint with the unsaved text, hover, completion, format', async () => {
    const path = join(anyi, 'parameters.policy');
    const text = readFileSync(path, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('table 住院报销比例 by level'));
    expect(line).toBeGreaterThanOrEqual(0);
    const hover = JSON.parse((await api(studio, 'hover', { path, text, line, character: 'table '.length + 1 })).body) as { hover: { contents: { value: string } } | null };
    expect(hover.hover?.contents.value).toContain('住院报销比例');
    expect(hover.hover?.contents.value).toContain('80%');
    const settlement = join(anyi, 'settlement.policy');
    const broken = readFileSync(settlement, 'utf8').replace('× 本次基本报销比例,', '× 本次基本报销比列,');
    const lint = JSON.parse((await api(studio, 'lint', { path: settlement, text: broken })).body) as { diagnostics: { code: string; data?: { suggestion?: string } }[] };
    expect(lint.diagnostics.find((d) => d.code === 'E101')?.data?.suggestion).toBe('本次基本报销比例');
    // the messages in the page's language (Chinese unless it asks for English), codes and ranges alike
    type Linted = { diagnostics: { code: string; message: string; range: unknown }[] };
    const stray = `${readFileSync(settlement, 'utf8')}\n@\n`;
    const zh = JSON.parse((await api(studio, 'lint', { path: settlement, text: stray, lang: 'zh' })).body) as Linted;
    const en = JSON.parse((await api(studio, 'lint', { path: settlement, text: stray, lang: 'en' })).body) as Linted;
    expect(zh.diagnostics.map((d) => d.message)).toEqual(['无法识别的字符 "@"']);
    expect(en.diagnostics.map((d) => d.message)).toEqual(['unexpected character "@"']);
    expect(zh.diagnostics.map((d) => [d.code, d.range])).toEqual(en.diagnostics.map((d) => [d.code, d.range]));
    const items = JSON.parse((await api(studio, 'complete', { path: settlement, text: broken, line: 0, character: 0 })).body) as { items: { label: string }[] };
    expect(items.items.map((i) => i.label)).toContain('住院报销比例');
    // while the edited policy has errors, the parameters view falls back to each one's hover
    const hovered = JSON.parse((await api(studio, 'parameters', { policy: anyi })).body) as { parameters: { name: string; text?: string; values?: unknown }[] };
    const fallback = hovered.parameters.find((p) => p.name === '住院报销比例');
    expect(fallback?.values).toBeUndefined();
    expect(fallback?.text).toContain('80%');
    // the unsaved text goes back to the disk's with the next request listing the page's edits
    await api(studio, 'tree', { policy: anyi, edits: [] });
    const clean = JSON.parse((await api(studio, 'lint', { path: settlement })).body) as { diagnostics: unknown[] };
    expect(clean.diagnostics).toEqual([]);
    // a policy that checks: the values, clauses and assumed reasons of `policy params`
    type Listed = { name: string; kind: string; line: number; own: boolean; unit: string; values: { key?: string; from?: string; value: string }[]; cites: { id: string; title: string }[]; assumed?: string };
    const params = JSON.parse((await api(studio, 'parameters', { policy: anyi })).body) as { parameters: Listed[] };
    const table = params.parameters.find((p) => p.name === '住院报销比例');
    expect(table?.kind).toBe('table');
    expect(table?.line).toBe(line + 1);
    expect(table?.own).toBe(true);
    // parameters.policy: 0: 0%, 1: 90%, 2: 80%, 3: 60%, cites ANYI-5.2, assumed for level 0
    expect(table?.values.map((v) => v.value)).toEqual(['0%', '90%', '80%', '60%']);
    expect(table?.cites.map((c) => c.id)).toEqual(['ANYI-5.2']);
    expect(table?.assumed).toBe('level 0 (村卫生室) admits no inpatients: 0%');
    const cap = params.parameters.find((p) => p.name === '基本医保年度最高支付限额');
    expect(cap?.values).toEqual([{ from: '2018-01-01', value: '15万元' }]);
    expect(cap?.assumed).toBeTruthy();
    const messy = text.replace('param 基本医保年度最高支付限额 = 15万元', 'param   基本医保年度最高支付限额=15万元');
    expect(messy).not.toBe(text);
    const formatted = JSON.parse((await api(studio, 'format', { path, text: messy })).body) as { text: string | null };
    expect(formatted.text).toBe(text);
  });

  it('adds a claim as a test case to tests/studio.yaml, which then passes', async () => {
    mkdirSync(join(anyi, 'tests'), { recursive: true });
    const claim = JSON.parse(readFileSync(join(dir, 'examples/one-claim.json'), 'utf8')) as Record<string, unknown>;
    const r = await api(studio, 'add-test', { policy: anyi, claim, name: '一例试算' });
    expect(r.status).toBe(200);
    const text = readFileSync(join(anyi, 'tests/studio.yaml'), 'utf8');
    expect(text).toContain('一例试算');
    // basic = (9000 − 500) × 80% = 6800.00 (二级 inpatient)
    expect(text).toContain('basic: "6800.00"');
    const tests = JSON.parse((await api(studio, 'tests', { policy: anyi })).body) as { cases: { file: string; name: string; pass: boolean }[] };
    const added = tests.cases.find((c) => c.name === '一例试算');
    expect(added?.pass).toBe(true);
    expect(tests.cases.every((c) => c.pass)).toBe(true);
  });
});
