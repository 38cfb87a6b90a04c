import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { policySync as policy, tempDir } from './run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const requireBrowser = process.env['POLICY_REQUIRE_BROWSER'] === '1';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && !requireBrowser) {
  process.stderr.write(`report.test.ts: ${CHROMIUM} is absent: the HTML report is not rendered in a browser (set POLICY_REQUIRE_BROWSER=1 to fail instead)\n`);
}

describe('policy report --format json', () => {
  it('gives the numbers batch gives for the same claims: layers, effective ratio, kpis', () => {
    const dir = tempDir();
    expect(policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(dir, 's.csv'), '--summary-json', join(dir, 'sum.json')]).status).toBe(0);
    const r = policy(['report', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(dir, 'r.json'), '--format', 'json', '--by', 'region,month']);
    expect(r.status).toBe(0);
    const sum = JSON.parse(readFileSync(join(dir, 'sum.json'), 'utf8')) as { layers: Record<string, string>; effectiveRatio: string; kpis: unknown[]; settled: number };
    const rep = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as {
      layers: { layer: string; amount: string }[];
      effectiveRatio: string;
      kpis: unknown[];
      records: { settled: number };
      distribution: { claims: number }[];
      groups: { by: string; rows: { key: string; claims: number }[] }[];
      topPatientShare: { share: string }[];
    };
    expect(Object.fromEntries(rep.layers.map((l) => [l.layer, l.amount]))).toEqual(Object.fromEntries(Object.entries(sum.layers).filter(([l]) => rep.layers.some((x) => x.layer === l))));
    // batch gives 6 decimals, the report 4, of the same fraction
    expect(Number(rep.effectiveRatio)).toBeCloseTo(Number(sum.effectiveRatio), 4);
    expect(rep.kpis).toEqual(sum.kpis);
    expect(rep.records.settled).toBe(sum.settled);
    // every claim with a total falls in one tenth; each grouping counts every claim once (region, month: one key a claim)
    expect(rep.distribution.reduce((s, b) => s + b.claims, 0)).toBe(sum.settled);
    for (const g of rep.groups) expect(g.rows.reduce((s, x) => s + x.claims, 0)).toBe(sum.settled);
    expect(rep.groups.map((g) => g.by)).toEqual(['region', 'month']);
    const shares = rep.topPatientShare.map((t) => Number(t.share));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
  });

  it('counts the findings policy audit writes, and refuses an unknown grouping', () => {
    const dir = tempDir();
    const lines = [
      { id: 'A01', personId: 'PA', date: '2019-03-10', admitted: '2019-03-01', discharged: '2019-03-10', total: '6000.00', inCatalog: '5500.00' },
      { id: 'A02', personId: 'PA', date: '2019-03-25', admitted: '2019-03-20', discharged: '2019-03-25', total: '4000.00', inCatalog: '3800.00' },
    ].map((c) => JSON.stringify({ ...c, categories: ['registered_poor'], visit: 'inpatient', level: 2, region: 'county', disease: '肺炎' }));
    const input = join(dir, 'c.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const r = policy(['report', '--policy', 'policies/jinzhai', '--in', input, '--out', join(dir, 'r.json'), '--format', 'json']);
    expect(r.status).toBe(0);
    const rep = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { findings: { audit: string; count: number }[] };
    expect(Object.fromEntries(rep.findings.map((f) => [f.audit, f.count]))).toEqual({ 分解住院: 1, 短期再入院: 1, 挂床住院: 0 });
    const bad = policy(['report', '--policy', 'policies/jinzhai', '--in', input, '--out', join(dir, 'x.json'), '--by', 'colour']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--by takes category, level, region, month, not "colour"/);
  });

  it('--presorted gives the same report with one person in memory at a time, and stops on a person out of order', () => {
    const dir = tempDir();
    const [head, ...rows] = readFileSync('examples/claims.csv', 'utf8').trim().split('\n');
    const cols = (head as string).split(',');
    const person = cols.indexOf('personId');
    const date = cols.indexOf('date');
    const key = (r: string): string => `${r.split(',')[person]}\u0000${r.split(',')[date]}`;
    const sorted = join(dir, 'sorted.csv');
    writeFileSync(sorted, `${[head, ...[...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))].join('\n')}\n`);
    const whole = policy(['report', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(dir, 'a.json'), '--format', 'json', '--by', 'category,level,region,month']);
    const streamed = policy(['report', '--policy', 'policies/anyi', '--in', sorted, '--out', join(dir, 'b.json'), '--format', 'json', '--by', 'category,level,region,month', '--presorted']);
    expect([whole.status, streamed.status]).toEqual([0, 0]);
    expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')));
    const late = policy(['report', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(dir, 'c.json'), '--format', 'json', '--presorted']);
    expect(late.status).toBe(2);
    expect(late.stderr).toMatch(/claims\.csv line \d+: personId "P\d+" comes after "P\d+": with --presorted/);
    expect(existsSync(join(dir, 'c.json'))).toBe(false);
  });
});

describe.skipIf(!haveBrowser && !requireBrowser)('policy report --format html in headless Chromium', () => {
  it('renders offline: no request leaves the page, no console error, charts drawn, the language switch works', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.html');
    const r = policy(['report', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', out, '--by', 'category,level,region,month', '--compare', 'policies/chifeng']);
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (q) => requests.push(q.url()));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      const url = pathToFileURL(out).href;
      await page.goto(url);
      expect(requests.filter((u) => u !== url)).toEqual([]);
      expect(problems).toEqual([]);
      expect(await page.locator('div.zh svg').count()).toBeGreaterThanOrEqual(7);
      expect(await page.locator('div.zh h1').isVisible()).toBe(true);
      expect(await page.locator('div.en h1').isVisible()).toBe(false);
      expect(await page.locator('div.zh').innerText()).toContain('贫困人口实际报销比例');
      await page.locator('div.zh button.switch').click();
      expect(await page.locator('div.en h1').isVisible()).toBe(true);
      expect(await page.locator('div.en').innerText()).toContain('Indicators against targets');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
