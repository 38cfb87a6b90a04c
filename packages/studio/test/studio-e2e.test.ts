import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BROWSER_FLAGS, CHROMIUM, browserAvailable, removeFolder, startCli, workFolder, type Running } from './studio-fixture.js';

/**
 * The studio in a real browser (Debian's chromium, headless): one browser, one page, the
 * analyst's round trip on a copy of 安义 — settle, break a name, fix it, run the tests, change a
 * ratio and see the diff, save. Every request the page makes is recorded: all go to the server.
 */
const run = browserAvailable();

describe.skipIf(!run)('policy studio in chromium', () => {
  let dir: string;
  let studio: Running;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const outside: string[] = [];

  const settlement = () => join(dir, 'policies/anyi/settlement.policy');
  const parameters = () => join(dir, 'policies/anyi/parameters.policy');

  /** Replaces the whole text of the editor, as typing would (the editor's own input path). */
  async function typeAll(text: string): Promise<void> {
    await page.click('[data-testid=editor] .cm-content');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(text);
  }

  async function openFile(name: string): Promise<void> {
    await page.click(`[data-testid=tree] li[data-path$="/${name}"]`);
    await page.waitForFunction((n) => document.getElementById('file-name')?.textContent?.endsWith(n), name);
  }

  beforeAll(async () => {
    dir = workFolder();
    // a claims file of three claims under the studio's folder, for the change panel's chooser
    mkdirSync(join(dir, 'policies/anyi-claims'));
    writeFileSync(join(dir, 'policies/anyi-claims/few.csv'), readFileSync(join(dir, 'examples/ci/corpus/anyi.csv'), 'utf8').split('\n').slice(0, 4).join('\n') + '\n');
    studio = await startCli(dir, ['policies']);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Anything not for the server is recorded and refused: the page must work offline.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      if (!url.startsWith(`${studio.origin}/`)) {
        outside.push(url);
        return route.abort();
      }
      return route.continue();
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    const code = await studio?.stop();
    // Ctrl-C (SIGINT) stops the server cleanly.
    expect(code).toBe(0);
    if (dir) removeFolder(dir);
  });

  it('opens with the token, then works on the cookie; the editor shows the policy', async () => {
    await page.goto(studio.url);
    await page.waitForSelector('body[data-ready=true]');
    expect(page.url()).toBe(`${studio.origin}/`); // the token left the URL for an HttpOnly cookie
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.waitForSelector('[data-testid=editor] .cm-content');
    expect(await page.textContent('#file-name')).toBe('policies/anyi/settlement.policy');
    await page.waitForSelector('[data-testid=diagnostics] .ok');
  });

  it('settles examples/one-claim.json: the layers add up to the invoice, with the explain tree', async () => {
    await page.fill('[data-testid=claim-json]', readFileSync(join(dir, 'examples/one-claim.json'), 'utf8'));
    await page.click('[data-testid=settle]');
    await page.waitForSelector('[data-testid=layers] tr[data-layer=basic]');
    const cells = await page.$$eval('[data-testid=layers] tr[data-layer]', (rows) => rows.map((r) => [r.getAttribute('data-layer'), r.children[1]?.textContent ?? '']));
    const layers = Object.fromEntries(cells) as Record<string, string>;
    // 二级 inpatient, registered poor: basic = (inCatalog 9000 − deductible 500) × 80% = 6800.00
    expect(layers['basic']).toBe('6800.00');
    // every layer in fen adds up to total 12000.00 = 1 200 000 fen
    const fen = Object.values(layers).reduce((n, v) => n + BigInt(v.replace('.', '')), 0n);
    expect(fen).toBe(1_200_000n);
    const explain = await page.textContent('[data-testid=explain]');
    expect(explain).toContain('基本医保住院');
    expect(explain).toContain('ANYI-5.2');
    expect(explain).toContain('min(max(0元, 9000.00 − 500.00) × 80%');
  });

  it('switches to English and back, keeping the claim', async () => {
    await page.click('[data-testid=lang]');
    expect(await page.textContent('[data-testid=tab-claim]')).toBe('Claim');
    expect(await page.textContent('[data-testid=settle]')).toBe('Settle');
    expect(await page.inputValue('[data-testid=claim-json]')).toContain('"Q001"');
    await page.click('[data-testid=lang]');
    expect(await page.textContent('[data-testid=tab-claim]')).toBe('试算');
  });

  it('shows the diagnostic of a misspelt name with its suggestion, and clears it when fixed', async () => {
    const original = readFileSync(settlement(), 'utf8');
    const broken = original.replace('× 本次基本报销比例,', '× 本次基本报销比列,');
    expect(broken).not.toBe(original);
    await typeAll(broken);
    const diag = page.locator('[data-testid=diagnostics] .diag[data-code=E101]').first();
    await diag.waitFor();
    expect(await diag.textContent()).toContain('本次基本报销比列');
    // in the page's language (Chinese by default): the message table's E101
    expect(await diag.textContent()).toContain('未知的名称 本次基本报销比列；是否应为 本次基本报销比例？');
    expect(await diag.locator('.suggestion').textContent()).toContain('本次基本报销比例');
    await typeAll(original);
    await page.waitForSelector('[data-testid=diagnostics] .ok');
  });

  it('runs every test case of the policy: all pass', async () => {
    await page.click('[data-testid=tab-tests]');
    await page.click('[data-testid=run-tests]');
    await page.waitForSelector('[data-testid=tests] .case');
    const cases = await page.$$eval('[data-testid=tests] .case', (els) => els.map((e) => e.getAttribute('data-pass')));
    // 安义 has 63 cases in tests/*.yaml (README: "63 cases, 83 claims")
    expect(cases.length).toBe(63);
    expect(cases.every((p) => p === 'true')).toBe(true);
  });

  it('lists the parameters with their values, clauses and assumed reasons', async () => {
    await page.click('[data-testid=tab-params]');
    await page.click('[data-testid=load-params]');
    const table = page.locator('[data-testid=parameters] details', { hasText: '住院报销比例' }).first();
    await table.waitFor();
    await table.locator('summary').click();
    // policies/anyi/parameters.policy: 住院报销比例 0%, 90%, 80%, 60% by level, cites ANYI-5.2, level 0 assumed
    expect(await table.locator('table.values td.n').allTextContents()).toEqual(['0%', '90%', '80%', '60%']);
    expect(await table.locator('.cites').textContent()).toContain('ANYI-5.2');
    expect(await table.locator('[data-testid=assumed]').textContent()).toContain('level 0 (村卫生室) admits no inpatients');
    await page.click('[data-testid=tab-claim]');
  });

  /** Moves the mouse over the first occurrence of `text` on the editor line that contains `line`. */
  async function hoverText(line: string, text: string): Promise<void> {
    const box = await page.evaluate(
      ([l, w]) => {
        const row = [...document.querySelectorAll('[data-testid=editor] .cm-line')].find((e) => e.textContent?.includes(l as string));
        if (!row) return null;
        const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.textContent?.indexOf(w as string) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at + 1);
          range.setEnd(n, at + 2);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        return null;
      },
      [line, text],
    );
    expect(box, `"${text}" on the line with "${line}"`).not.toBeNull();
    await page.mouse.move((box as { x: number }).x, (box as { y: number }).y);
  }

  it('hovers a table with its values and clause, and completes a name as it is typed', async () => {
    await openFile('parameters.policy');
    await hoverText('table 住院报销比例 by level', '住院报销比例');
    const tip = page.locator('.cm-tooltip-hover .hover');
    await tip.waitFor();
    const hover = (await tip.textContent()) ?? '';
    // policies/anyi/parameters.policy: 住院报销比例 by level 0%, 90%, 80%, 60%, cites ANYI-5.2
    expect(hover).toContain('住院报销比例');
    expect(hover).toContain('80%');
    expect(hover).toContain('ANYI-5.2');
    await page.mouse.move(0, 0);

    await openFile('settlement.policy');
    const original = readFileSync(settlement(), 'utf8');
    await page.click('[data-testid=editor] .cm-content');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\nlet 试一下 = 住院报销');
    await page.keyboard.press('Control+Space');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await options.first().waitFor();
    expect(await options.allTextContents()).toContainEqual(expect.stringContaining('住院报销比例'));
    await page.keyboard.press('Escape');
    await typeAll(original);
    await page.waitForSelector('[data-testid=diagnostics] .ok');
  });

  it('highlights by the language service\'s semantic tokens: each name by what it is', async () => {
    await openFile('settlement.policy');
    const classOf = (word: string) =>
      page.waitForFunction(
        (w) => [...document.querySelectorAll('[data-testid=editor] .cm-line span')].find((e) => e.textContent === w)?.className ?? null,
        word,
      ).then((h) => h.jsonValue());
    expect(await classOf('rule')).toBe('tok-keyword');
    expect(await classOf('inCatalog')).toBe('tok-property tok-m-defaultLibrary'); // a claim field
    expect(await classOf('本次起付线')).toMatch(/^tok-variable/); // a let
    await openFile('parameters.policy');
    expect(await classOf('住院报销比例')).toBe('tok-type tok-m-declaration tok-m-readonly'); // the table, where it is declared
  });

  it('formats on save as policy fmt does', async () => {
    await openFile('clauses.policy');
    const original = readFileSync(join(dir, 'policies/anyi/clauses.policy'), 'utf8');
    // the same text with its first clause line's spaces doubled: fmt gives the original back
    const first = original.split('\n').find((l) => l.startsWith('clause '));
    expect(first).toBeDefined();
    const messy = original.replace(first as string, (first as string).replace(/ /g, '  '));
    expect(messy).not.toBe(original);
    await typeAll(messy);
    await page.click('[data-testid=save]');
    await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent?.startsWith('✓'));
    expect(readFileSync(join(dir, 'policies/anyi/clauses.policy'), 'utf8')).toBe(original);
  });

  it('offers the claims files under its folders for the change panel, the CI corpus first', async () => {
    await page.click('[data-testid=tab-diff]');
    const listed = await page.$$eval('[data-testid=diff-corpus-files] option', (os) => os.map((o) => o.getAttribute('value')));
    // started on policies/: the CI corpus (the default), then policies/anyi-claims/few.csv; never the platform mapping
    expect(listed).toEqual(['examples/ci/corpus/anyi.csv', 'policies/anyi-claims/few.csv']);
    await page.fill('[data-testid=diff-corpus]', 'policies/anyi-claims/few.csv');
    await page.click('[data-testid=run-diff]');
    await page.waitForSelector('[data-testid=diff-status][data-changed]');
    expect(await page.textContent('[data-testid=diff-status]')).toContain('policies/anyi-claims/few.csv: 0 / 3');
    await page.fill('[data-testid=diff-corpus]', '');
    await page.click('[data-testid=tab-claim]');
  });

  it('a ratio change shows in the diff over the CI corpus, and saving writes the file', async () => {
    await openFile('parameters.policy');
    const original = readFileSync(parameters(), 'utf8');
    const changed = original.replace('  2: 80%\n  3: 60%\n} cites "ANYI-5.2" assumed', '  2: 85%\n  3: 60%\n} cites "ANYI-5.2" assumed');
    expect(changed).not.toBe(original);
    await typeAll(changed);
    await page.waitForSelector('[data-testid=diagnostics] .ok');
    await page.click('[data-testid=tab-diff]');
    await page.click('[data-testid=run-diff]');
    await page.waitForSelector('[data-testid=diff-status][data-changed]');
    const changedClaims = Number(await page.getAttribute('[data-testid=diff-status]', 'data-changed'));
    expect(changedClaims).toBeGreaterThan(0);
    // a higher basic ratio pays more basic: its delta over the corpus is positive
    const basicDelta = await page.textContent('[data-testid=diff-layers] tr[data-layer=basic] td:nth-child(4)');
    expect(Number(basicDelta)).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=diff-top] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=diff-chart-level] svg').count()).toBe(1);

    await page.click('[data-testid=save]');
    await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent?.startsWith('✓'));
    expect(readFileSync(parameters(), 'utf8')).toBe(changed);
  });

  it('made no request to any other host', () => {
    expect(requests.length).toBeGreaterThan(3);
    expect(outside).toEqual([]);
  });
});
