import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { policy, tempDir } from './run-cli.js';

/**
 * `policy diff` computes the policy's kpis on both sides (as `batch --summary-json` does) and
 * draws the change as one offline HTML page (`--format html`). The change and the claims are
 * diff.test.ts's: 安义's level-2 inpatient ratio 80% → 85% over five claims (no registered poor),
 * whose totals are derived by hand there: paying layers 64526.54 → 66437.57, invoice 105300.00,
 * inCatalog 12345.67 + 40000 + 25000 + 200 + 8000 = 85545.67.
 *   实际报销比例       64526.54 / 105300 = 0.612787… → 61.28%;  66437.57 / 105300 = 0.630936… → 63.09%
 *   政策范围内报销比例  64526.54 / 85545.67 = 0.754293… → 75.43%; 66437.57 / 85545.67 = 0.776632… → 77.66%
 *   县域内住院率       inpatient D1, D3, D5 in the county of D1, D2, D3, D5: 3 / 4 = 75% both
 *   次均住院费用       (15000 + 50000 + 30000 + 10000) / 4 = 26250.00 both
 *   平均住院日         stays 4 + 18 + 10 + 5 = 37 days / 4 = 9.25 both
 *   贫困人口实际报销比例 no registered-poor claim: no value, target not judged
 *   年度医疗费用增长幅度 every claim is of 2018: no year before, no growth
 *   各级医疗机构实际报销比例 overall as 实际报销比例 (levels 2 and 3 only in its groups)
 */
const CLAIMS = [
  { id: 'D1', personId: 'P1', date: '2018-03-05', visit: 'inpatient', level: 2, region: 'county', admitted: '2018-03-01', discharged: '2018-03-05', total: '15000.00', inCatalog: '12345.67' },
  { id: 'D2', personId: 'P2', date: '2018-05-20', visit: 'inpatient', level: 3, region: 'city', admitted: '2018-05-02', discharged: '2018-05-20', total: '50000.00', inCatalog: '40000.00' },
  { id: 'D3', personId: 'P3', date: '2018-06-11', visit: 'inpatient', level: 2, region: 'county', admitted: '2018-06-01', discharged: '2018-06-11', total: '30000.00', inCatalog: '25000.00' },
  { id: 'D4', personId: 'P4', date: '2018-07-01', visit: 'outpatient', level: 2, region: 'county', total: '300.00', inCatalog: '200.00' },
  { id: 'D5', personId: 'P5', date: '2018-08-15', categories: ['dibao'], visit: 'inpatient', level: 2, region: 'county', admitted: '2018-08-10', discharged: '2018-08-15', total: '10000.00', inCatalog: '8000.00' },
];
const RATIO_TABLE = 'table 住院报销比例 by level {\n  0: 0%\n  1: 90%\n  2: 80%';
const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
const requireBrowser = process.env['POLICY_REQUIRE_BROWSER'] === '1';

let dir: string;
let claims: string;
let oldPolicy: string;
let newPolicy: string;

beforeAll(() => {
  dir = tempDir();
  claims = join(dir, 'claims.jsonl');
  writeFileSync(claims, `${CLAIMS.map((c) => JSON.stringify(c)).join('\n')}\n`);
  oldPolicy = join(dir, 'old');
  newPolicy = join(dir, 'new');
  cpSync('policies/anyi', oldPolicy, { recursive: true });
  cpSync('policies/anyi', newPolicy, { recursive: true });
  const params = join(newPolicy, 'parameters.policy');
  const text = readFileSync(params, 'utf8');
  if (!text.includes(RATIO_TABLE)) throw new Error('the ratio table of policies/anyi moved');
  writeFileSync(params, text.replace(RATIO_TABLE, RATIO_TABLE.replace('2: 80%', '2: 85%')));
});

const EXPECTED = [
  ['贫困人口实际报销比例', null, null],
  ['实际报销比例', '61.28%', '63.09%'],
  ['政策范围内报销比例', '75.43%', '77.66%'],
  ['县域内住院率', '75%', '75%'],
  ['次均住院费用', '26250.00', '26250.00'],
  ['平均住院日', '9.25', '9.25'],
  ['年度医疗费用增长幅度', null, null],
  ['各级医疗机构实际报销比例', '61.28%', '63.09%'],
];

describe('policy diff: the kpis of both sides', () => {
  it('gives each kpi before and after in JSON, as batch --summary-json gives them for each side', async () => {
    const r = await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', claims, '--format', 'json']);
    expect(r.status).toBe(0);
    const kpis = JSON.parse(r.stdout).kpis as { name: string; before: { value: string | null; met?: boolean } | null; after: { value: string | null } | null }[];
    expect(kpis.map((k) => [k.name, k.before?.value ?? null, k.after?.value ?? null])).toEqual(EXPECTED);
    expect(kpis[0]?.before?.met).toBeUndefined();
    for (const [side, path] of [['before', oldPolicy], ['after', newPolicy]] as const) {
      const summary = join(dir, `${side}.json`);
      const b = await policy(['batch', '--policy', path, '--in', claims, '--out', join(dir, `${side}.csv`), '--summary-json', summary]);
      expect(b.status).toBe(0);
      const batchKpis = (JSON.parse(readFileSync(summary, 'utf8')) as { kpis: { name: string; value: string | null }[] }).kpis;
      expect(batchKpis).toEqual(kpis.map((k) => k[side]));
    }
  });

  it('lists them in the text and Markdown reports, marking the unchanged', async () => {
    const text = await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', claims]);
    expect(text.stdout).toMatch(/^ {4}实际报销比例 +61\.28% → 63\.09%$/m);
    expect(text.stdout).toMatch(/^ {4}平均住院日 +9\.25 → 9\.25 +\(unchanged\)$/m);
    expect(text.stdout).toMatch(/^ {4}贫困人口实际报销比例 +— → — +target >= 90% +\(unchanged\)$/m);
    const md = await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', claims, '--format', 'markdown']);
    expect(md.stdout).toContain('| 政策范围内报销比例 | 75.43% | 77.66% | — | — | — |');
  });
});

describe('policy diff --format html', () => {
  it('writes one self-contained page: the layer totals, the changes, the kpis, the top claims, in Chinese and English', async () => {
    const out = join(dir, 'diff.html');
    const r = await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', claims, '--format', 'html', '--out', out]);
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain("default-src 'none'");
    // The basic row: 58,476.54 → 60,668.82, +2,192.28, +3.75% (diff.test.ts's arithmetic).
    expect(html).toContain('<td>基本医保</td><td class="n">58,476.54</td><td class="n">60,668.82</td><td class="n">+2,192.28</td><td class="n">+3.75%</td>');
    expect(html).toContain('<td>basic</td><td class="n">58,476.54</td>');
    expect(html).toContain('<td>政策范围内报销比例</td><td class="n">75.43%</td><td class="n">77.66%</td>');
    // The top claims by the patient layer: D3 (−1225.00), D1 (−592.28), D5 (−93.75).
    expect(html.indexOf('<td>D3</td>')).toBeLessThan(html.indexOf('<td>D1</td>'));
    expect(html.indexOf('<td>D1</td>')).toBeLessThan(html.indexOf('<td>D5</td>'));
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(2 * 5);
  });

  it('escapes what the policy and the claims carry into the page', async () => {
    const hostile = join(dir, 'hostile.jsonl');
    writeFileSync(hostile, `${JSON.stringify({ ...CLAIMS[0], id: '<img src=x onerror=alert(1)>' })}\n`);
    const out = join(dir, 'hostile.html');
    const r = await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', hostile, '--format', 'html', '--out', out]);
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it.skipIf(!haveBrowser && !requireBrowser)('renders in headless Chromium with no request and no console error; the switch shows English', async () => {
    const out = join(dir, 'diff-browser.html');
    expect((await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', claims, '--format', 'html', '--out', out])).status).toBe(0);
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
      expect(await page.locator('div.zh svg').count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('div.zh').innerText()).toContain('政策调整影响');
      expect(await page.locator('div.en h1').isVisible()).toBe(false);
      await page.locator('div.zh button.switch').click();
      expect(await page.locator('div.en h1').isVisible()).toBe(true);
      expect(await page.locator('div.en').innerText()).toContain('Claims that changed most');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
